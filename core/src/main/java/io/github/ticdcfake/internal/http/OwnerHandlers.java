package io.github.ticdcfake.internal.http;

/** The owner routes (tiflow {@code cdc/api/v2/owner.go}). */
final class OwnerHandlers {
  private OwnerHandlers() {}

  /** {@code POST /api/v2/owner/resign}: always {@code {}}; a new owner is elected. */
  static Response resign(Call call) {
    boolean owner = call.cluster().owner().map(c -> c.id().equals(call.captureId)).orElse(false);
    // Reached on a non-owner only in v7.3, which never forwarded resign: a silent no-op (§2.2).
    if (owner) {
      call.cluster().resignOwner();
    }
    return Response.empty();
  }
}
