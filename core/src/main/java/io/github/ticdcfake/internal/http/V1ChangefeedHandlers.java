package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.V1ChangefeedConfig;
import io.github.ticdcfake.internal.json.Json;
import io.github.ticdcfake.internal.json.v1.ChangefeedCommonInfo;
import io.github.ticdcfake.internal.json.v1.ChangefeedDetail;
import java.util.List;

/**
 * The {@code /api/v1} changefeed routes (tiflow {@code cdc/api/v1/api.go}): namespace {@code
 * default} only, 202 with an empty body for every mutation.
 */
final class V1ChangefeedHandlers {
  private static final String ID = "changefeed_id";
  private static final String NS = FakeCluster.DEFAULT_NAMESPACE;

  private V1ChangefeedHandlers() {}

  /** gin's {@code c.Status(code)}: the status line only, {@code Content-Length: 0}, no type. */
  static Response status(int code) {
    return new Response(code, null, new byte[0], null);
  }

  private static String id(Call call) {
    String id = call.path(ID);
    V1Checks.beforeChangefeedHandler(call, id);
    return id;
  }

  /** {@code GET /api/v1/changefeeds?state=}: every namespace, bare indented array. */
  static Response list(Call call) {
    List<ChangefeedCommonInfo> items =
        call.cluster().listChangefeedsInAllNamespaces(call.query("state")).stream()
            .map(cf -> ChangefeedCommonInfo.from(cf, call.zone()))
            .toList();
    return Response.indented(200, items);
  }

  /** {@code GET /api/v1/changefeeds/{id}}: {@code ChangefeedDetail}. */
  static Response get(Call call) {
    Changefeed cf = call.cluster().getChangefeed(NS, id(call));
    return Response.indented(200, ChangefeedDetail.from(cf, call.zone()));
  }

  /** {@code POST /api/v1/changefeeds}: 202, no body; visible at once through v1 and v2. */
  static Response create(Call call) {
    V1ChangefeedConfig config = call.bind(json -> V1ChangefeedConfig.decode(json, call.version()));
    try {
      call.cluster().createChangefeed(config);
    } catch (CdcException e) {
      throw V1Checks.createError(call, e, config.sinkUri());
    }
    return status(202);
  }

  /**
   * {@code PUT /api/v1/changefeeds/{id}}: the state gate runs before the body is read, and a body
   * that does not decode answers Go's bare error with an empty {@code error_code}.
   */
  static Response update(Call call) {
    String id = id(call);
    try {
      call.cluster().updateChangefeed(id, () -> decodeUpdate(call));
    } catch (UnwrappedBindError e) {
      return unwrappedBindError(e.getMessage());
    }
    return status(202);
  }

  /** The body of an update, decoded only after the domain's existence and state checks. */
  private static V1ChangefeedConfig decodeUpdate(Call call) {
    try {
      return V1ChangefeedConfig.decode(Json.parse(call.body), call.version());
    } catch (Json.SyntaxException e) {
      throw new UnwrappedBindError(e.getMessage());
    } catch (CdcException e) {
      String prefix = CdcError.API_INVALID_PARAM.template() + ": ";
      String text = e.text();
      throw new UnwrappedBindError(
          text.startsWith(prefix) ? text.substring(prefix.length()) : text);
    }
  }

  /** Carries Go's bare decoding error out of the domain command to {@link #update}. */
  private static final class UnwrappedBindError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnwrappedBindError(String goError) {
      super(goError, null, false, false);
    }
  }

  /** tiflow's update passes BindJSON's plain Go error on: no code, still gin's text/plain 400. */
  private static Response unwrappedBindError(String goError) {
    return ErrorMapper.envelope(400, Response.TEXT_PLAIN_UTF8, goError, "");
  }

  /** {@code POST /api/v1/changefeeds/{id}/pause}: any body is ignored. */
  static Response pause(Call call) {
    call.cluster().pauseChangefeed(NS, id(call));
    return status(202);
  }

  /** {@code POST /api/v1/changefeeds/{id}/resume}: no body, no TSO or GC check (unlike v2). */
  static Response resume(Call call) {
    call.cluster().resumeChangefeedWithoutCheckpointCheck(NS, id(call));
    return status(202);
  }

  /**
   * {@code DELETE /api/v1/changefeeds/{id}}: a missing changefeed is a 400 (v2 answers 200); the
   * real handler polls until the changefeed is gone, which the fake's removal already is.
   */
  static Response delete(Call call) {
    String id = call.path(ID);
    call.cluster().removeExistingChangefeed(NS, id);
    return status(202);
  }

  /** {@code POST …/tables/rebalance_table}: the fake's placement is already balanced. */
  static Response rebalanceTables(Call call) {
    call.cluster().existingChangefeed(NS, id(call));
    return status(202);
  }

  /**
   * {@code POST …/tables/move_table}: tiflow's scheduler accepts unknown captures and tables and
   * ignores them; the fake keeps its own placement for every target.
   */
  static Response moveTable(Call call) {
    call.cluster().existingChangefeed(NS, id(call));
    V1ChangefeedConfig.MoveTable move = call.bind(V1ChangefeedConfig::decodeMoveTable);
    V1ChangefeedConfig.checkCaptureId(move.captureId());
    return status(202);
  }
}
