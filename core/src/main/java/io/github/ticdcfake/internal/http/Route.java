package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.fault.Operation;

/**
 * One line of the route table: an operation, whether a non-owner capture forwards it to the owner
 * (tiflow's {@code ForwardToOwnerMiddleware}), and its handler.
 */
record Route(Operation operation, boolean forwardToOwner, Handler handler) {
  /** A handler parses the call, calls the domain and renders; it never catches domain errors. */
  @FunctionalInterface
  interface Handler {
    Response handle(Call call);
  }

  String[] segments() {
    return operation.pathTemplate().substring(1).split("/", -1);
  }
}
