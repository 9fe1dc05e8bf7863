package io.github.ticdcfake.internal.http;

/** The owner routes (tiflow {@code cdc/api/v2/owner.go}). */
final class OwnerHandlers {
  private OwnerHandlers() {}

  /** {@code POST /api/v2/owner/resign}: always {@code {}}; a new owner is elected. */
  static Response resign(Call call) {
    call.cluster().resignOwner();
    return Response.empty();
  }
}
