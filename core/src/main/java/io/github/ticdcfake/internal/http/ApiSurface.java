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
 */
record ApiSurface(
    boolean hasSyncedRoute,
    boolean forwardsOwnerResign,
    boolean hasClientAuthentication,
    boolean resolveLockRequiresArguments) {

  /** The surface of one release, decided by one exhaustive switch. */
  static ApiSurface of(TiCdcVersion version) {
    return switch (version) {
      case V7_3 -> new ApiSurface(false, false, false, false);
      case V8_5 -> new ApiSurface(true, true, true, true);
    };
  }
}
