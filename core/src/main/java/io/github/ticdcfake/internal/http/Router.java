package io.github.ticdcfake.internal.http;

import java.util.List;

/**
 * All route tables one server answers, matched like gin's single engine: exact segments, the first
 * fitting route wins, no 405.
 */
final class Router {
  private final List<RouteTable> tables;

  Router(List<RouteTable> tables) {
    this.tables = List.copyOf(tables);
  }

  /**
   * The tables of a flavour's API surface. Registering a table (for example {@code /api/v1} or
   * {@code /metrics}) is one more line here. The new architecture's {@code /api/v1} is not tiflow's
   * v1 but a shim over its v2 handlers (pingcap/ticdc {@code api/v1/api.go@v26.3.4}), so it is a
   * table of its own rather than a variant of {@link ApiV1Routes}.
   */
  static Router of(ApiSurface surface) {
    RouteTable v1 = surface.coordinatorApi() ? ApiV1ShimRoutes.table() : ApiV1Routes.table(surface);
    return new Router(List.of(ApiV2Routes.table(surface), v1, RootRoutes.table(surface)));
  }

  List<RouteTable> tables() {
    return tables;
  }

  RouteTable.Match match(String method, String path) {
    if (path.isEmpty() || path.charAt(0) != '/') {
      return null;
    }
    String[] segments = PathTemplate.segments(path);
    for (RouteTable table : tables) {
      RouteTable.Match match = table.match(method, segments);
      if (match != null) {
        return match;
      }
    }
    return null;
  }

  /** gin redirects {@code /x/} to {@code /x} when {@code /x} is a route of the same method. */
  boolean matchesWithoutTrailingSlash(String method, String path) {
    return path.length() > 1
        && path.endsWith("/")
        && match(method, path.substring(0, path.length() - 1)) != null;
  }
}
