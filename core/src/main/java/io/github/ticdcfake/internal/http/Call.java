package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.GoQuery;
import io.github.ticdcfake.cluster.TiCdcVersion;
import io.github.ticdcfake.internal.json.Json;
import io.github.ticdcfake.internal.json.v2.V2ViewFlavour;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One request as a handler sees it: who answers, path parameters, query and body. */
final class Call {
  final ServerContext server;
  final String captureId;
  final Map<String, String> pathParams;
  private final Map<String, List<String>> query;
  final byte[] body;

  /**
   * The request carries {@code from-ticdc-api-v1: true} and the flavour honours it (pingcap/ticdc
   * {@code api/v2/helper.go} isFromV1API): writes answer 202, lists bare arrays.
   */
  final boolean fromApiV1;

  Call(
      ServerContext server,
      String captureId,
      Map<String, String> pathParams,
      Map<String, List<String>> query,
      byte[] body) {
    this(server, captureId, pathParams, query, body, false);
  }

  private Call(
      ServerContext server,
      String captureId,
      Map<String, String> pathParams,
      Map<String, List<String>> query,
      byte[] body,
      boolean fromApiV1) {
    this.server = server;
    this.fromApiV1 = fromApiV1;
    this.captureId = captureId;
    this.pathParams = pathParams;
    this.query = query;
    this.body = body;
  }

  /** The call a handler sees for a routed request: answered by the (forwarded-to) capture. */
  static Call of(ServerContext server, Request request) {
    return new Call(
        server,
        request.answeringCaptureId,
        request.match.params(),
        GoQuery.parse(request.exchange.getQueryString()),
        request.body,
        server.surface().coordinatorApi()
            && "true".equals(request.exchange.getRequestHeaders().getFirst("from-ticdc-api-v1")));
  }

  /**
   * The same call as the new architecture's {@code /api/v1} shim hands it to a v2 handler, after
   * its {@code setV1Header} step (pingcap/ticdc {@code api/v1/api.go@v26.3.4}), with another body.
   */
  Call fromV1Shim(byte[] rewrittenBody) {
    return new Call(server, captureId, pathParams, query, rewrittenBody, true);
  }

  /** The success status of a write: 200, or 202 for a call from the v1 shim. */
  int writeStatus() {
    return fromApiV1 ? 202 : 200;
  }

  /** A list body: {@code {"total","items"}}, or the bare array for a call from the v1 shim. */
  Object list(List<?> items) {
    return fromApiV1 ? items : io.github.ticdcfake.internal.json.v2.ListResponse.of(items);
  }

  FakeCluster cluster() {
    return server.cluster();
  }

  TiCdcVersion version() {
    return server.cluster().version();
  }

  /** The served release's HTTP surface (routes, gates and request checks per flavour). */
  ApiSurface surface() {
    return server.surface();
  }

  /** How the served release renders v2 bodies. */
  V2ViewFlavour v2Views() {
    return server.v2Views();
  }

  ZoneId zone() {
    return server.cluster().clock().zone();
  }

  String path(String name) {
    return pathParams.get(name);
  }

  /** Every value of a query parameter, in order; empty when absent (not when given empty). */
  List<String> queryValues(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** gin's {@code c.Query}: the first value, or empty. */
  String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  /**
   * {@code ?namespace=}, {@code default} when absent or empty (not validated, tiflow {@code
   * cdc/api/v2/api_helpers.go}).
   */
  String namespace() {
    if (surface().coordinatorApi()) {
      // the classic kernel of the new architecture has one keyspace; ?keyspace= and ?namespace=
      // are ignored (pingcap/ticdc api/v2/changefeed.go GetKeyspaceValueWithDefault)
      return FakeCluster.DEFAULT_NAMESPACE;
    }
    String namespace = query("namespace");
    return namespace.isEmpty() ? FakeCluster.DEFAULT_NAMESPACE : namespace;
  }

  /**
   * gin's {@code BindJSON}: parses the body and decodes it; any failure is a 400 with {@code
   * text/plain} (gin's {@code BindJSON} writes the status first) and the message {@code prefix:
   * cause}.
   */
  <T> T bind(Function<Object, T> decoder) {
    return bind(decoder, null);
  }

  <T> T bind(Function<Object, T> decoder, String customPrefix) {
    Object tree;
    try {
      tree = Json.parse(body);
    } catch (Json.SyntaxException e) {
      throw new BindException(invalid(customPrefix, e.getMessage()));
    }
    try {
      return decoder.apply(tree);
    } catch (CdcException e) {
      if (customPrefix != null && e.error() == CdcError.API_INVALID_PARAM) {
        String cause = e.text().substring(e.text().indexOf(": ") + 2);
        throw new BindException(invalid(customPrefix, cause));
      }
      throw new BindException(e);
    }
  }

  private static CdcException invalid(String customPrefix, String cause) {
    return customPrefix == null
        ? CdcError.API_INVALID_PARAM.wrap(cause)
        : CdcError.API_INVALID_PARAM.raiseWithMessage(customPrefix + ": " + cause);
  }
}
