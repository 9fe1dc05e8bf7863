package io.github.ticdcfake.internal.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Matches method and path against the route table like gin: exact segments, no 405. */
final class Router {
  record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes;
  private final List<String[]> templates;

  Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
    this.templates = routes.stream().map(Route::segments).toList();
  }

  Match match(String method, String path) {
    if (path.isEmpty() || path.charAt(0) != '/') {
      return null;
    }
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < routes.size(); i++) {
      Route route = routes.get(i);
      if (!route.operation().method().equals(method)) {
        continue;
      }
      Map<String, String> params = bind(templates.get(i), segments);
      if (params != null) {
        return new Match(route, params);
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

  private static Map<String, String> bind(String[] template, String[] segments) {
    if (template.length != segments.length) {
      return null;
    }
    Map<String, String> params = null;
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{")) {
        if (segments[i].isEmpty()) {
          return null;
        }
        if (params == null) {
          params = new HashMap<>(4);
        }
        params.put(t.substring(1, t.length() - 1), segments[i]);
      } else if (!t.equals(segments[i])) {
        return null;
      }
    }
    return params == null ? Map.of() : params;
  }
}
