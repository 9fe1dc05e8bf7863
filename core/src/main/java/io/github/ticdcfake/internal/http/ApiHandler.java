package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.fault.Operation;
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
import org.jboss.logging.Logger;

/**
 * The root handler of one capture's listener: reads the whole body, routes, applies TiCDC's
 * middlewares (readiness, forwarding to the owner) and writes the answer in one flush. Runs on the
 * I/O thread: every operation is an in-memory call.
 */
final class ApiHandler implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(ApiHandler.class);
  private static final HttpString FORWARD_FROM = new HttpString("TiCDC-ForwardFromCapture");
  private static final HttpString FORWARD_TIMES = new HttpString("TiCDC-ForwardTimes");

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
    Response response;
    try {
      response = dispatch(exchange, body);
    } catch (Throwable failure) {
      response = ErrorMapper.toResponse(failure);
    }
    write(exchange, response);
  }

  private Response dispatch(HttpServerExchange exchange, byte[] body) {
    String method = exchange.getRequestMethod().toString();
    String path = exchange.getRequestPath();
    Router.Match match = router.match(method, path);
    if (match == null) {
      if (router.matchesWithoutTrailingSlash(method, path)) {
        String location = path.substring(0, path.length() - 1);
        String query = exchange.getQueryString();
        return Response.redirect(method, query.isEmpty() ? location : location + "?" + query);
      }
      return Response.notFound();
    }
    Route route = match.route();
    Call call = new Call(server, captureId, match.params(), exchange.getQueryParameters(), body);
    if (route.operation() != Operation.ROOT_STATUS && !server.cluster().isReady()) {
      throw CdcError.SERVER_IS_NOT_READY.raise();
    }
    if (route.forwardToOwner()) {
      Optional<Capture> owner = server.cluster().owner();
      if (owner.isEmpty()) {
        throw CdcError.OWNER_NOT_FOUND.raise();
      }
      if (!owner.get().id().equals(captureId)) {
        checkForwardTimes(exchange.getRequestHeaders().getFirst(FORWARD_TIMES));
        // TiCDC proxies the request to the owner; in-process the owner answers the same call.
        return route.handler().handle(call.as(owner.get().id()));
      }
    }
    return route.handler().handle(call);
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

  private static void write(HttpServerExchange exchange, Response response) {
    exchange.setStatusCode(response.status());
    if (response.contentType() != null) {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, response.contentType());
    }
    if (response.location() != null) {
      exchange.getResponseHeaders().put(Headers.LOCATION, response.location());
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, response.body().length);
    exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
  }

  static HttpString forwardFromHeader() {
    return FORWARD_FROM;
  }
}
