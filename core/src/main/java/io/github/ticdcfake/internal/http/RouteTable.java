package io.github.ticdcfake.internal.http;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One route table: the routes of one API version (or group) in the order tiflow registers them.
 *
 * <p>A table is a list of {@link Route}s, each with method, path template, operation, flags and
 * handler. {@link #group} adds the group's middlewares to every route, like gin's {@code
 * router.Group(...).Use(...)}. A server serves several tables through one {@link Router}; a new
 * table is one more line in {@link Router#of}.
 */
final class RouteTable {
  /** A route matched against a request, with its path parameters. */
  record Match(Route route, Map<String, String> params) {}

  private final String name;
  private final List<Route> routes;

  private RouteTable(String name, List<Route> routes) {
    this.name = name;
    this.routes = List.copyOf(routes);
  }

  /** A table whose routes carry their own flags. */
  static RouteTable of(String name, List<Route> routes) {
    return new RouteTable(name, routes);
  }

  /** A table whose every route also carries {@code everyRoute} (the group's middlewares). */
  static RouteTable group(String name, Set<RouteFlag> everyRoute, List<Route> routes) {
    return new RouteTable(name, routes.stream().map(r -> r.withFlags(everyRoute)).toList());
  }

  /** A short name for messages, such as {@code /api/v2}. */
  String name() {
    return name;
  }

  List<Route> routes() {
    return routes;
  }

  /** The first route of this method whose template fits, or {@code null}. */
  Match match(String method, String[] segments) {
    for (Route route : routes) {
      if (!route.method().equals(method)) {
        continue;
      }
      Map<String, String> params = route.path().bind(segments);
      if (params != null) {
        return new Match(route, params);
      }
    }
    return null;
  }

  /** Whether some route, of any method, has a template that fits. */
  boolean hasPath(String[] segments) {
    for (Route route : routes) {
      if (route.path().bind(segments) != null) {
        return true;
      }
    }
    return false;
  }
}
