package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.fault.Operation;

/**
 * One line of the route table: an operation, whether a non-owner capture forwards it to the owner
 * (tiflow's {@code ForwardToOwnerMiddleware}), whether it needs client authentication when that is
 * on (tiflow's {@code AuthenticateMiddleware}, reference §10.1), and its handler.
 */
record Route(Operation operation, boolean forwardToOwner, boolean authenticated, Handler handler) {
  Route(Operation operation, boolean forwardToOwner, Handler handler) {
    this(operation, forwardToOwner, false, handler);
  }

  /** The same route behind TiCDC's authentication middleware. */
  Route withAuthentication() {
    return new Route(operation, forwardToOwner, true, handler);
  }

  /** A handler parses the call, calls the domain and renders; it never catches domain errors. */
  @FunctionalInterface
  interface Handler {
    Response handle(Call call);
  }

  String[] segments() {
    return operation.pathTemplate().substring(1).split("/", -1);
  }
}
