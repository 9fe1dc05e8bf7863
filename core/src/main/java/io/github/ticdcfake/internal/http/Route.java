package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.fault.Operation;
import java.util.EnumSet;
import java.util.Set;

/**
 * One line of a route table: method, path template, the {@link Operation} fault rules and the
 * journal name it by ({@code null} for routes outside TiCDC's API, such as {@code /__fake}), the
 * middlewares it passes ({@link RouteFlag}) and its handler.
 */
record Route(
    String method, PathTemplate path, Operation operation, Set<RouteFlag> flags, Handler handler) {

  /** A handler parses the call, calls the domain and renders; it never catches domain errors. */
  @FunctionalInterface
  interface Handler {
    Response handle(Call call);
  }

  Route {
    flags = Set.copyOf(flags);
  }

  /** A route of TiCDC's API: method and path are the operation's. */
  static Route of(Operation operation, Handler handler, RouteFlag... flags) {
    return new Route(
        operation.method(),
        new PathTemplate(operation.pathTemplate()),
        operation,
        Set.of(flags),
        handler);
  }

  /** A route no fault rule can name (the journal records it without an operation). */
  static Route unnamed(String method, String pathTemplate, Handler handler, RouteFlag... flags) {
    return new Route(method, new PathTemplate(pathTemplate), null, Set.of(flags), handler);
  }

  /** Whether TiCDC applies this middleware to the route. */
  boolean has(RouteFlag flag) {
    return flags.contains(flag);
  }

  /** The same route with more flags (a route group's middlewares). */
  Route withFlags(Set<RouteFlag> more) {
    if (more.isEmpty() || flags.containsAll(more)) {
      return this;
    }
    EnumSet<RouteFlag> all = EnumSet.copyOf(more);
    all.addAll(flags);
    return new Route(method, path, operation, all, handler);
  }
}
