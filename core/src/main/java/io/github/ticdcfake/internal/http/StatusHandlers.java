package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.RequestBodies;
import io.github.ticdcfake.cluster.Tso;
import io.github.ticdcfake.internal.json.Json;
import io.github.ticdcfake.internal.json.root.RootStatus;
import io.github.ticdcfake.internal.json.v2.RedactModeResp;
import io.github.ticdcfake.internal.json.v2.ServerStatus;
import io.github.ticdcfake.internal.json.v2.TsoJson;

/**
 * Health, status, log level and TSO (tiflow {@code cdc/api/v2/api.go} common and upstream APIs).
 */
final class StatusHandlers {
  private StatusHandlers() {}

  /** {@code GET /api/v2/health}: answered by the owner. */
  static Response health(Call call) {
    call.cluster().checkHealth();
    return Response.empty();
  }

  /** {@code GET /api/v2/status}: about the capture that was asked, indented. */
  static Response status(Call call) {
    FakeCluster cluster = call.cluster();
    Capture capture = cluster.capture(call.captureId).orElseThrow();
    return Response.indented(
        200,
        new ServerStatus(
            cluster.version().version(),
            cluster.version().gitHash(),
            capture.id(),
            capture.clusterId(),
            call.server.pid,
            capture.owner(),
            0));
  }

  /** {@code GET /status}: TiCDC's older status body, one-space indented, no readiness check. */
  static Response rootStatus(Call call) {
    if (call.surface().coordinatorApi()) {
      // pingcap/ticdc api/v2/api.go: root /status is the v2 ServerStatus handler
      return status(call);
    }
    FakeCluster cluster = call.cluster();
    Capture capture = cluster.capture(call.captureId).orElseThrow();
    RootStatus body =
        new RootStatus(
            cluster.version().version(),
            cluster.version().gitHash(),
            capture.id(),
            call.server.pid,
            capture.owner());
    return new Response(200, Response.JSON, Json.indented(body, " "), null);
  }

  /** {@code POST /api/v2/log}: node-local; a bad body reads {@code invalid log level: …}. */
  static Response setLogLevel(Call call) {
    String level = call.bind(RequestBodies::logLevel, "invalid log level");
    call.cluster().setLogLevel(call.captureId, level);
    return Response.empty();
  }

  /** {@code POST /api/v2/tso}: body required; an unknown upstream id is a 500. */
  static Response tso(Call call) {
    if (call.surface().coordinatorApi()) {
      // pingcap/ticdc api/v2/tso.go: the body is never read; the server's own PD answers
      long tso = call.cluster().nextTso();
      return Response.indented(200, new TsoJson(Tso.physicalMillis(tso), Tso.logical(tso)));
    }
    RequestBodies.Upstream upstream = call.bind(RequestBodies::upstream);
    long tso = call.cluster().nextTso(upstream.id(), upstream.pdAddrs());
    return Response.indented(200, new TsoJson(Tso.physicalMillis(tso), Tso.logical(tso)));
  }

  /**
   * {@code POST /api/v2/log/redact} (new architecture, node-local): the answering capture's mode,
   * only ever more restrictive (pingcap/ticdc {@code api/v2/log.go}); the rules live in the domain.
   */
  static Response setRedactMode(Call call) {
    String mode = call.bind(RequestBodies::redactMode);
    String previous = call.cluster().setRedactMode(call.captureId, mode);
    return Response.json(
        200, new RedactModeResp(previous, call.cluster().redactMode(call.captureId)));
  }
}
