package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.GoQuery;
import io.github.ticdcfake.internal.http.AdminHandlers.AdminCall;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code /__fake} route table, one line per route, and its own short pipeline: optional bearer
 * token, route, errors with {@code FAKE:} codes (404 JSON for unknown admin paths, 405 for a known
 * path with another method). Never journaled and never faulted.
 */
final class AdminRoutes {
  static final String PREFIX = "/__fake/";

  private static final RouteTable TABLE =
      RouteTable.of(
          "/__fake",
          List.of(
              route("POST", "/__fake/reset", AdminHandlers::reset),
              route("GET", "/__fake/state", AdminHandlers::state),
              route("GET", "/__fake/requests", AdminHandlers::requests),
              route("POST", "/__fake/faults", AdminHandlers::addFault),
              route("GET", "/__fake/faults", AdminHandlers::listFaults),
              route("DELETE", "/__fake/faults", AdminHandlers::clearFaults),
              route("POST", "/__fake/changefeeds", AdminHandlers::seedChangefeed),
              route("POST", "/__fake/changefeeds/{id}/state", AdminHandlers::changefeedState),
              route("POST", "/__fake/changefeeds/{id}/checkpoint", AdminHandlers::checkpoint),
              route("POST", "/__fake/owner", AdminHandlers::owner),
              route("POST", "/__fake/captures", AdminHandlers::addCapture),
              route("DELETE", "/__fake/captures/{id}", AdminHandlers::killCapture),
              route("POST", "/__fake/captures/{id}/restart", AdminHandlers::restartCapture),
              route("POST", "/__fake/clock", AdminHandlers::clock),
              route("POST", "/__fake/health", AdminHandlers::health),
              route("POST", "/__fake/gc_safepoint", AdminHandlers::gcSafepoint),
              route("POST", "/__fake/upstream/tables", AdminHandlers::addUpstreamTable),
              route("GET", "/__fake/", StatusPage::page),
              route("GET", "/__fake/ui", StatusPage::page),
              route("GET", "/__fake/dashboard", StatusPage::dashboard)));

  private AdminRoutes() {}

  private static Route route(String method, String path, Function<AdminCall, Response> handler) {
    return Route.unnamed(method, path, call -> handler.apply(AdminCall.of(call)));
  }

  /** Whether the admin API (when enabled) owns this path. */
  static boolean isAdminPath(String path) {
    return path.startsWith(PREFIX);
  }

  /** Answers an admin request ({@code path} decoded) in one flush. */
  static void handle(ServerContext server, HttpServerExchange exchange, String path, byte[] body) {
    Response response;
    try {
      response = dispatch(server, exchange, path, body);
    } catch (Throwable failure) {
      response = AdminHandlers.toResponse(failure);
    }
    response.writeTo(exchange);
  }

  private static Response dispatch(
      ServerContext server, HttpServerExchange exchange, String path, byte[] body) {
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
    String[] segments = PathTemplate.segments(path);
    RouteTable.Match match = TABLE.match(method, segments);
    if (match != null) {
      Call call =
          new Call(server, null, match.params(), GoQuery.parse(exchange.getQueryString()), body);
      return match.route().handler().handle(call);
    }
    if (TABLE.hasPath(segments)) {
      return AdminHandlers.error(
          405,
          "FAKE:ErrMethodNotAllowed",
          method + " is not allowed on " + exchange.getRequestPath());
    }
    return AdminHandlers.error(
        404, "FAKE:ErrNotFound", "no admin route " + method + " " + exchange.getRequestPath());
  }
}
