package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.GoQuery;
import io.github.ticdcfake.internal.http.AdminHandlers.AdminCall;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code /__fake} route table, one line per route (architecture.md, "The admin API"), and its
 * dispatch: optional bearer token, 404 JSON for unknown admin paths, errors with {@code FAKE:}
 * codes. Never journaled and never faulted.
 */
final class AdminRoutes {
  static final String PREFIX = "/__fake/";

  private record AdminRoute(
      String method, String[] template, Function<AdminCall, Response> handler) {
    AdminRoute(String method, String path, Function<AdminCall, Response> handler) {
      this(method, path.substring(1).split("/", -1), handler);
    }
  }

  private static final List<AdminRoute> ROUTES =
      List.of(
          new AdminRoute("POST", "/__fake/reset", AdminHandlers::reset),
          new AdminRoute("GET", "/__fake/state", AdminHandlers::state),
          new AdminRoute("GET", "/__fake/requests", AdminHandlers::requests),
          new AdminRoute("POST", "/__fake/faults", AdminHandlers::addFault),
          new AdminRoute("GET", "/__fake/faults", AdminHandlers::listFaults),
          new AdminRoute("DELETE", "/__fake/faults", AdminHandlers::clearFaults),
          new AdminRoute("POST", "/__fake/changefeeds", AdminHandlers::seedChangefeed),
          new AdminRoute("POST", "/__fake/changefeeds/{id}/state", AdminHandlers::changefeedState),
          new AdminRoute("POST", "/__fake/changefeeds/{id}/checkpoint", AdminHandlers::checkpoint),
          new AdminRoute("POST", "/__fake/owner", AdminHandlers::owner),
          new AdminRoute("POST", "/__fake/captures", AdminHandlers::addCapture),
          new AdminRoute("DELETE", "/__fake/captures/{id}", AdminHandlers::killCapture),
          new AdminRoute("POST", "/__fake/clock", AdminHandlers::clock),
          new AdminRoute("POST", "/__fake/health", AdminHandlers::health),
          new AdminRoute("POST", "/__fake/gc_safepoint", AdminHandlers::gcSafepoint),
          new AdminRoute("POST", "/__fake/upstream/tables", AdminHandlers::addUpstreamTable),
          new AdminRoute("GET", "/__fake/", StatusPage::page),
          new AdminRoute("GET", "/__fake/ui", StatusPage::page),
          new AdminRoute("GET", "/__fake/dashboard", StatusPage::dashboard));

  private AdminRoutes() {}

  /** Whether the admin API (when enabled) owns this path. */
  static boolean isAdminPath(String path) {
    return path.startsWith(PREFIX);
  }

  /** Answers an admin request in one flush. */
  static void handle(ServerContext server, HttpServerExchange exchange, byte[] body) {
    Response response;
    try {
      response = dispatch(server, exchange, body);
    } catch (Throwable failure) {
      response = AdminHandlers.toResponse(failure);
    }
    ApiHandler.write(exchange, response);
  }

  private static Response dispatch(ServerContext server, HttpServerExchange exchange, byte[] body) {
    String token = server.adminToken();
    if (token != null) {
      String auth = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
      if ((auth == null || !auth.equals("Bearer " + token))
          && !StatusPage.tokenInQuery(exchange, token)) {
        return AdminHandlers.error(
            401,
            "FAKE:ErrUnauthorized",
            "the admin API needs Authorization: Bearer <token>"
                + (StatusPage.isPage(exchange) ? " (or open /__fake/?token=<token>)" : ""));
      }
    }
    String method = exchange.getRequestMethod().toString();
    String path = GoQuery.unescapePath(exchange.getRequestPath());
    String[] segments =
        (path == null ? exchange.getRequestPath() : path).substring(1).split("/", -1);
    boolean pathKnown = false;
    for (AdminRoute route : ROUTES) {
      Map<String, String> params = bind(route.template(), segments);
      if (params == null) {
        continue;
      }
      pathKnown = true;
      if (route.method().equals(method)) {
        FakeCluster cluster = server.cluster();
        return route.handler().apply(new AdminCall(cluster, params, namespace(exchange), body));
      }
    }
    if (pathKnown) {
      return AdminHandlers.error(
          405,
          "FAKE:ErrMethodNotAllowed",
          method + " is not allowed on " + exchange.getRequestPath());
    }
    return AdminHandlers.error(
        404, "FAKE:ErrNotFound", "no admin route " + method + " " + exchange.getRequestPath());
  }

  private static String namespace(HttpServerExchange exchange) {
    List<String> values = GoQuery.parse(exchange.getQueryString()).get("namespace");
    String ns = values == null || values.isEmpty() ? "" : values.get(0);
    return ns.isEmpty() ? FakeCluster.DEFAULT_NAMESPACE : ns;
  }

  private static Map<String, String> bind(String[] template, String[] segments) {
    if (template.length != segments.length) {
      return null;
    }
    Map<String, String> params = new HashMap<>(2);
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{")) {
        if (segments[i].isEmpty()) {
          return null;
        }
        params.put(t.substring(1, t.length() - 1), segments[i]);
      } else if (!t.equals(segments[i])) {
        return null;
      }
    }
    return params;
  }
}
