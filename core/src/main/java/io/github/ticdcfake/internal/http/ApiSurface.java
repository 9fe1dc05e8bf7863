package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.TiCdcVersion;

/**
 * What one TiCDC release's HTTP API looks like from outside: which routes exist, which gates they
 * pass and the few request checks that differ between releases. The one place of the HTTP layer
 * that asks which flavour it serves; everything else reads these answers.
 *
 * @param hasSyncedRoute {@code GET /api/v2/changefeeds/{id}/synced} exists (tiflow v7.5.1 and
 *     later, commit {@code 058786f385})
 * @param forwardsOwnerResign a non-owner forwards {@code POST /api/v2/owner/resign}; v7.3 never
 *     installed the forwarding middleware there, so resign on a non-owner is a silent no-op
 * @param hasClientAuthentication TiCDC can require user and password on the protected routes
 *     (tiflow v8.0.0 and later, commit {@code e859e112b6})
 * @param resolveLockRequiresArguments {@code resolve_lock} refuses a zero {@code region_id} or
 *     {@code ts} (not in v7.3)
 * @param v1LooksUpChangefeedBeforeIdCheck v7.3's "changefeed owner" middleware on the v1 get,
 *     update, pause, resume, rebalance_table, move_table and get-processor routes looks the
 *     changefeed up before the handler validates its id, so even a malformed id answers {@code
 *     changefeed not exists, default/<id>} (tiflow {@code cdc/api/middleware/middleware.go@v7.3.0}
 *     ForwardToChangefeedOwnerMiddleware); later releases check the id first
 * @param v1MasksSinkUriParseErrors a v1 create's unparseable sink URI is reported as {@code
 *     <invalid uri>} (tiflow HEAD, commit {@code 58b69ccb533f}); v7.3 prints the raw template
 *     {@code '%s'} and Go's unmasked error
 * @param coordinatorApi the new architecture's API (pingcap/ticdc {@code api/v2/api.go@v26.3.4}):
 *     no {@code meta_info} nor v2 drain, {@code log/redact} and {@code get_all_tables} added,
 *     node-local processor stubs, {@code …/status} and {@code …/synced} authenticated, {@code /tso}
 *     not reading its body, no readiness 503 but the coordinator's 500 {@code coordinator is not
 *     fully initialized, wait a moment} on the changefeed routes, a delete of a missing changefeed
 *     answering {@code null}, the 7-field {@code ServerStatus} on root {@code /status} and the
 *     {@code from-ticdc-api-v1} header (202 for writes, bare arrays for lists)
 */
record ApiSurface(
    boolean hasSyncedRoute,
    boolean forwardsOwnerResign,
    boolean hasClientAuthentication,
    boolean resolveLockRequiresArguments,
    boolean v1LooksUpChangefeedBeforeIdCheck,
    boolean v1MasksSinkUriParseErrors,
    boolean coordinatorApi) {

  /** The surface of one release, decided by one exhaustive switch. */
  static ApiSurface of(TiCdcVersion version) {
    return switch (version) {
      case V7_3 -> new ApiSurface(false, false, false, false, true, false, false);
      case V8_5 -> new ApiSurface(true, true, true, true, false, true, false);
      case V26_3_NEWARCH -> new ApiSurface(true, true, true, false, false, true, true);
    };
  }
}
