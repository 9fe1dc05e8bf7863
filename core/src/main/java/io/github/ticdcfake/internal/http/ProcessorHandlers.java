package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.internal.json.v2.ListResponse;
import io.github.ticdcfake.internal.json.v2.ProcessorCommonInfo;
import io.github.ticdcfake.internal.json.v2.ProcessorDetail;

/** The processor routes (tiflow {@code cdc/api/v2/processor.go}). */
final class ProcessorHandlers {
  private ProcessorHandlers() {}

  /** {@code GET /api/v2/processors}: all namespaces; {@code ?namespace=} is ignored. */
  static Response list(Call call) {
    if (call.surface().coordinatorApi()) {
      // pingcap/ticdc api/v2/processor.go: a stub, kept for classic clients
      return Response.json(200, call.list(java.util.List.of()));
    }
    return Response.json(
        200,
        ListResponse.of(
            call.cluster().processors().stream().map(ProcessorCommonInfo::from).toList()));
  }

  /** {@code GET /api/v2/processors/{changefeed_id}/{capture_id}}. */
  static Response get(Call call) {
    if (call.surface().coordinatorApi()) {
      return Response.json(200, new ProcessorDetail(null)); // any ids, no lookup
    }
    return Response.json(
        200,
        new ProcessorDetail(
            call.cluster()
                .processorTables(
                    call.namespace(), call.path("changefeed_id"), call.path("capture_id"))));
  }
}
