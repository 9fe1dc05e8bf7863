package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.CdcError;
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
   * {@code POST /api/v2/log/redact} (new architecture, node-local): only ever more restrictive, OFF
   * → MARKER → ON (pingcap/ticdc {@code api/v2/log.go}, {@code pkg/util/redact.go}).
   */
  static Response setRedactMode(Call call) {
    String input = call.bind(RequestBodies::redactMode).strip();
    if (input.isEmpty()) {
      throw CdcError.API_INVALID_PARAM.raiseWithMessage(
          "missing required field 'redact_info_log': must be 'off', 'on', or 'marker'");
    }
    String mode =
        switch (input.toLowerCase(java.util.Locale.ROOT)) {
          case "off", "false", "0", "disable", "disabled" -> "OFF";
          case "marker", "mark" -> "MARKER";
          case "on", "true", "1", "enable", "enabled" -> "ON";
          default ->
              throw CdcError.API_INVALID_PARAM.raiseWithMessage(
                  "invalid redact mode '" + input + "': must be 'off', 'on', or 'marker'");
        };
    String previous = call.server.redactMode(call.captureId);
    if (REDACT_ORDER.indexOf(mode) < REDACT_ORDER.indexOf(previous)) {
      throw CdcError.API_INVALID_PARAM.raiseWithMessage(
          "cannot transition from '"
              + previous
              + "' to '"
              + input
              + "': only transitions to more restrictive modes are allowed (OFF→MARKER→ON)");
    }
    call.server.setRedactMode(call.captureId, mode);
    return Response.json(200, new RedactModeResp(previous, mode));
  }

  private static final java.util.List<String> REDACT_ORDER =
      java.util.List.of("OFF", "MARKER", "ON");
}
