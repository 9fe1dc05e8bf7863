package io.github.ticdcfake.internal.http;

/** The owner routes (tiflow {@code cdc/api/v2/owner.go}). */
final class OwnerHandlers {
  private OwnerHandlers() {}

  /** {@code POST /api/v2/owner/resign}: always {@code {}}; a new owner is elected. */
  static Response resign(Call call) {
    boolean owner = call.cluster().owner().map(c -> c.id().equals(call.captureId)).orElse(false);
    // Reached on a non-owner only in v7.3, whose cdc/api/v2/api.go never forwarded resign: a no-op.
    if (owner) {
      call.cluster().resignOwner();
    }
    return Response.empty(call.writeStatus());
  }
}
