package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.Processor;
import io.github.ticdcfake.cluster.RequestBodies;
import io.github.ticdcfake.cluster.V1ChangefeedConfig;
import io.github.ticdcfake.internal.json.Json;
import io.github.ticdcfake.internal.json.v1.Capture;
import io.github.ticdcfake.internal.json.v1.DrainCaptureResp;
import io.github.ticdcfake.internal.json.v1.ProcessorCommonInfo;
import io.github.ticdcfake.internal.json.v1.ProcessorDetail;
import java.util.List;

/**
 * The {@code /api/v1} routes about the server and its captures, owner and processors (tiflow {@code
 * cdc/api/v1/api.go}).
 */
final class V1ClusterHandlers {
  private V1ClusterHandlers() {}

  /** {@code GET /api/v1/health}: answered by the owner; 200 with no body when healthy. */
  static Response health(Call call) {
    call.cluster().checkHealth();
    return V1ChangefeedHandlers.status(200);
  }

  /** {@code POST /api/v1/log}: node-local; 200 with no body (the docs' "202" is wrong). */
  static Response setLogLevel(Call call) {
    String level = call.bind(RequestBodies::logLevel, "invalid log level");
    call.cluster().setLogLevel(call.captureId, level);
    return V1ChangefeedHandlers.status(200);
  }

  /** {@code POST /api/v1/owner/resign}: always 202 with no body; a new owner is elected. */
  static Response resignOwner(Call call) {
    FakeCluster cluster = call.cluster();
    if (cluster.owner().map(c -> c.id().equals(call.captureId)).orElse(false)) {
      cluster.resignOwner();
    }
    return V1ChangefeedHandlers.status(202);
  }

  /** {@code GET /api/v1/captures}: a bare indented array of live captures. */
  static Response captures(Call call) {
    return Response.indented(
        200, call.cluster().liveCaptures().stream().map(Capture::from).toList());
  }

  /**
   * {@code PUT /api/v1/captures/drain}: body {@code {"capture_id"}} ({@code ShouldBindJSON}, so a
   * bad body is an ordinary JSON 400); the compact count of tables still on the capture.
   */
  static Response drainCapture(Call call) {
    String captureId;
    try {
      captureId = V1ChangefeedConfig.decodeDrainCapture(Json.parse(call.body));
    } catch (Json.SyntaxException e) {
      throw CdcError.API_INVALID_PARAM.wrap(e.getMessage());
    }
    int remaining = call.cluster().drainCapture(captureId);
    return Response.json(202, new DrainCaptureResp(remaining));
  }

  /** {@code GET /api/v1/processors}: every namespace, bare indented array. */
  static Response processors(Call call) {
    return Response.indented(
        200, call.cluster().processors().stream().map(ProcessorCommonInfo::from).toList());
  }

  /**
   * {@code GET /api/v1/processors/{changefeed_id}/{capture_id}}, with tiflow's missing {@code
   * return} after the abnormal-state error (GetProcessor in {@code cdc/api/v1/api.go}, also in
   * v7.3.0): when the capture runs any processor, the detail is written with 200 and the error
   * envelope is appended to the same body.
   */
  static Response processor(Call call) {
    String changefeedId = call.path("changefeed_id");
    String captureId = call.path("capture_id");
    FakeCluster cluster = call.cluster();
    V1Checks.beforeChangefeedHandler(call, changefeedId);
    V1ChangefeedConfig.checkChangefeedId(changefeedId);
    V1ChangefeedConfig.checkCaptureId(captureId);
    Changefeed cf = cluster.existingChangefeed(FakeCluster.DEFAULT_NAMESPACE, changefeedId);
    CdcException abnormal =
        cf.state() == ChangefeedState.NORMAL
            ? null
            : CdcError.API_INVALID_PARAM.wrap(
                "changefeed in abnormal state: "
                    + cf.state().wireName()
                    + ", can't get processors of an abnormal changefeed");
    List<Processor> running = cluster.processors();
    if (running.stream().noneMatch(p -> p.captureId().equals(captureId))) {
      throw CdcError.CAPTURE_NOT_EXIST.raise(captureId);
    }
    byte[] detail = Json.indented(new ProcessorDetail(cf.tables().get(captureId)));
    if (abnormal == null) {
      return new Response(200, Response.JSON, detail, null);
    }
    byte[] envelope = ErrorMapper.envelope(200, Response.JSON, abnormal).body();
    byte[] both = new byte[detail.length + envelope.length];
    System.arraycopy(detail, 0, both, 0, detail.length);
    System.arraycopy(envelope, 0, both, detail.length, envelope.length);
    return new Response(200, Response.JSON, both, null);
  }
}
