package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.cluster.RequestBodies;
import io.github.ticdcfake.internal.json.EtcdMetadata;

/** The {@code /api/v2/unsafe} routes (tiflow {@code cdc/api/v2/unsafe.go}). */
final class UnsafeHandlers {
  private UnsafeHandlers() {}

  /** {@code GET /api/v2/unsafe/metadata}: the etcd keys, indented. */
  static Response metadata(Call call) {
    return Response.indented(
        200, EtcdMetadata.of(call.cluster(), !call.surface().coordinatorApi()));
  }

  /** {@code POST /api/v2/unsafe/resolve_lock}: both {@code region_id} and {@code ts} required. */
  static Response resolveLock(Call call) {
    long[] request = call.bind(RequestBodies::resolveLock);
    if (call.surface().resolveLockRequiresArguments() && (request[0] == 0 || request[1] == 0)) {
      throw CdcError.API_INVALID_PARAM.raiseWithMessage(
          "invalid resolve_lock request: region_id and ts must be non-zero");
    }
    return Response.empty();
  }

  /** {@code DELETE /api/v2/unsafe/service_gc_safepoint}: body required ({@code {}} is fine). */
  static Response deleteServiceGcSafepoint(Call call) {
    call.bind(RequestBodies::upstream);
    return Response.empty();
  }
}
