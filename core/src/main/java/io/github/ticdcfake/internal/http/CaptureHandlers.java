package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.internal.json.v2.CaptureJson;
import io.github.ticdcfake.internal.json.v2.DrainCaptureResp;

/** The capture routes (tiflow {@code cdc/api/v2/capture.go}). */
final class CaptureHandlers {
  private CaptureHandlers() {}

  /** {@code POST /api/v2/captures/{capture_id}/drain}: 202 and the tables still on it. */
  static Response drain(Call call) {
    int remaining = call.cluster().drainCapture(call.path("capture_id"));
    return Response.json(202, new DrainCaptureResp(remaining));
  }

  /** {@code GET /api/v2/captures}: live captures with their owner flag. */
  static Response list(Call call) {
    return Response.json(
        200, call.list(call.cluster().liveCaptures().stream().map(CaptureJson::from).toList()));
  }
}
