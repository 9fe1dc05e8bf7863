package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.internal.json.WireModels.CaptureJson;
import io.github.ticdcfake.internal.json.WireModels.ListResponse;

/** The capture routes (tiflow {@code cdc/api/v2/capture.go}, reference §3.10). */
final class CaptureHandlers {
  private CaptureHandlers() {}

  /** {@code GET /api/v2/captures}: live captures with their owner flag. */
  static Response list(Call call) {
    return Response.json(
        200,
        ListResponse.of(call.cluster().liveCaptures().stream().map(CaptureJson::from).toList()));
  }
}
