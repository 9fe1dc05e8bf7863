package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.GoQuery;
import io.github.ticdcfake.internal.json.Json;
import io.github.ticdcfake.internal.json.WireModels.HttpError;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root handler of one capture's listener: reads the whole body, routes, applies TiCDC's
 * middlewares (readiness, forwarding to the owner) and writes the answer in one flush. Runs on the
 * I/O thread: every operation is an in-memory call.
 */
final class ApiHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final HttpString FORWARD_FROM = new HttpString("TiCDC-ForwardFromCapture");
  private static final HttpString FORWARD_TIMES = new HttpString("TiCDC-ForwardTimes");
  private static final HttpString INTERNAL_ERROR = new HttpString("X-Fake-Internal-Error");

  /** tiflow's {@code maxForwardTimes}: a request may be forwarded at most this often. */
  private static final int MAX_FORWARD_TIMES = 2;

  private final ServerContext server;
  private final String captureId;
  private final Router router;
  private final long maxBodyBytes;

  ApiHandler(ServerContext server, String captureId, Router router, long maxBodyBytes) {
    this.server = server;
    this.captureId = captureId;
    this.router = router;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    exchange.getRequestReceiver().receiveFullBytes(this::process, this::readFailed);
  }

  private void readFailed(HttpServerExchange exchange, IOException failure) {
    if (failure instanceof RequestTooBigException) {
      HttpError error =
          new HttpError(
              "[FAKE:ErrRequestTooLarge]request body is larger than " + maxBodyBytes + " bytes",
              "FAKE:ErrRequestTooLarge");
      exchange.setPersistent(false);
      write(exchange, new Response(413, Response.JSON, Json.indented(error), null));
      return;
    }
    LOG.debug("ticdc-fake could not read a request body", failure);
    exchange.setPersistent(false);
    exchange.endExchange();
  }

  private void process(HttpServerExchange exchange, byte[] body) {
    // Undertow does not decode URLs (DECODE_URL is off): Go's rules apply, see GoQuery.
    String path = GoQuery.unescapePath(exchange.getRequestPath());
    if (path == null) {
      // Go's net/http refuses a request URI with a bad escape before any handler runs.
      exchange.setPersistent(false);
      write(exchange, Response.badRequestLine());
      return;
    }
    if (server.adminEnabled() && AdminRoutes.isAdminPath(path)) {
      AdminRoutes.handle(server, exchange, body);
      return;
    }
    String method = exchange.getRequestMethod().toString();
    Router.Match match = router.match(method, path);
    server
        .faultInjector()
        .handle(
            exchange, body, captureId, match, () -> answer(exchange, method, path, match, body));
  }

  private Response answer(
      HttpServerExchange exchange, String method, String path, Router.Match match, byte[] body) {
    try {
      return dispatch(exchange, method, path, match, body);
    } catch (Throwable failure) {
      return ErrorMapper.toResponse(failure);
    }
  }

  /** The route was matched once in {@link #process}; the fault injector saw the same match. */
  private Response dispatch(
      HttpServerExchange exchange, String method, String path, Router.Match match, byte[] body) {
    if (match == null) {
      if (router.matchesWithoutTrailingSlash(method, path)) {
        String location = path.substring(0, path.length() - 1);
        String query = exchange.getQueryString();
        return Response.redirect(method, query.isEmpty() ? location : location + "?" + query);
      }
      return Response.notFound();
    }
    Route route = match.route();
    Call call =
        new Call(server, captureId, match.params(), GoQuery.parse(exchange.getQueryString()), body);
    if (!route.operation().isRootRoute() && !server.cluster().isReady()) {
      throw CdcError.SERVER_IS_NOT_READY.raise();
    }
    if (route.forwardToOwner()) {
      Optional<Capture> owner = server.cluster().owner();
      if (owner.isEmpty()) {
        throw CdcError.OWNER_NOT_FOUND.raise();
      }
      if (!owner.get().id().equals(captureId)) {
        checkForwardTimes(exchange.getRequestHeaders().getFirst(FORWARD_TIMES));
        // TiCDC proxies the request to the owner, which authenticates it; in-process the owner
        // answers the same call.
        authenticate(route, exchange);
        return route.handler().handle(call.as(owner.get().id()));
      }
    }
    authenticate(route, exchange);
    return route.handler().handle(call);
  }

  /**
   * TiCDC's client authentication on the routes it protects (reference §10.1): HTTP Basic, the user
   * must be allowed and its password right; v7.3 had no authentication.
   */
  private void authenticate(Route route, HttpServerExchange exchange) {
    java.util.Map<String, String> users = server.clientUsers();
    if (!route.authenticated() || users.isEmpty() || !server.cluster().version().hasClientAuth()) {
      return;
    }
    String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    String[] credentials = BasicAuth.parse(header);
    if (credentials == null) {
      throw CdcError.CREDENTIAL_NOT_FOUND.raise(
          "please specify the user and password via authorization header");
    }
    String user = credentials[0];
    if (user.isEmpty()) {
      throw CdcError.UNAUTHORIZED.raise(user, "Empty username is not allowed.");
    }
    String password = users.get(user);
    if (password == null) {
      throw CdcError.UNAUTHORIZED.raise(user, "The user is not allowed.");
    }
    if (!password.equals(credentials[1])) {
      String host = exchange.getSourceAddress().getAddress().getHostAddress();
      throw CdcError.UNAUTHORIZED.raise(
          user,
          "Error 1045 (28000): Access denied for user '"
              + user
              + "'@'"
              + host
              + "' (using password: "
              + (credentials[1].isEmpty() ? "NO" : "YES")
              + ")");
    }
  }

  private static void checkForwardTimes(String header) {
    if (header == null || header.isEmpty()) {
      return;
    }
    try {
      if (Long.parseUnsignedLong(header) <= MAX_FORWARD_TIMES) {
        return;
      }
    } catch (NumberFormatException e) {
      // fall through: tiflow rejects unparsable counts the same way
    }
    throw CdcException.of(
        CdcError.REQUEST_FORWARD_ERR.code(), CdcError.REQUEST_FORWARD_ERR.template());
  }

  static void write(HttpServerExchange exchange, Response response) {
    exchange.setStatusCode(response.status());
    if (response.contentType() != null) {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, response.contentType());
    }
    if (response.location() != null) {
      exchange.getResponseHeaders().put(Headers.LOCATION, response.location());
    }
    if (response.internalError() != null) {
      exchange.getResponseHeaders().put(INTERNAL_ERROR, response.internalError());
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, response.body().length);
    exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
  }

  static HttpString forwardFromHeader() {
    return FORWARD_FROM;
  }
}
