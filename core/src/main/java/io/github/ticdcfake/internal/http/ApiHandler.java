package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.GoQuery;
import io.github.ticdcfake.fault.Operation;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root handler of one capture's listener and the head of its request pipeline. It reads the
 * whole body, decodes the path and matches the route once, then hands the request to one linear
 * chain:
 *
 * <pre>
 * /__fake/...  → {@link AdminRoutes} (token gate → admin route → admin errors; never journaled)
 * anything else → {@link CaptureLiveness} → {@link JournalRecorder} → {@link FaultInjector}
 *   → {@link ErrorMapper} → {@link Gates.NoRoute} → {@link Gates.Readiness}
 *   → {@link Gates.OwnerForwarding} → {@link Gates.ClientAuthentication} → the route's handler
 * </pre>
 *
 * Runs on the I/O thread: every operation is an in-memory call, except a create or update whose
 * sink a probe will dial, which is dispatched to a worker thread first.
 */
final class ApiHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  private final ServerContext server;
  private final String captureId;
  private final Router router;
  private final long maxBodyBytes;
  private final Stage chain;

  ApiHandler(ServerContext server, String captureId, Router router, long maxBodyBytes) {
    this.server = server;
    this.captureId = captureId;
    this.router = router;
    this.maxBodyBytes = maxBodyBytes;
    this.chain = chain(server, router);
  }

  /** The TiCDC routes' chain, built once per capture; the flavour decides which gates it has. */
  private static Stage chain(ServerContext server, Router router) {
    FakeCluster cluster = server.cluster();
    Responder handler = request -> request.route().handler().handle(Call.of(server, request));
    Responder authenticated =
        server.surface().hasClientAuthentication()
            ? new Gates.ClientAuthentication(server, handler)
            : handler;
    Responder answer =
        new ErrorMapper(
            new Gates.NoRoute(
                router,
                new Gates.Readiness(
                    cluster,
                    server.surface().coordinatorApi(),
                    new Gates.OwnerForwarding(cluster, authenticated))));
    return new CaptureLiveness(
        cluster, new JournalRecorder(cluster, new FaultInjector(cluster, server.held(), answer)));
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    exchange.getRequestReceiver().receiveFullBytes(this::process, this::readFailed);
  }

  private void readFailed(HttpServerExchange exchange, IOException failure) {
    if (failure instanceof RequestTooBigException) {
      exchange.setPersistent(false);
      if (!(server.adminEnabled() && AdminRoutes.isAdminPath(exchange.getRequestPath()))) {
        JournalRecorder.recordTooLarge(server.cluster(), exchange, captureId, 413);
      }
      ErrorMapper.envelope(
              413,
              Response.JSON,
              "[FAKE:ErrRequestTooLarge]request body is larger than " + maxBodyBytes + " bytes",
              "FAKE:ErrRequestTooLarge")
          .writeTo(exchange);
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
      Response.badRequestLine().writeTo(exchange);
      return;
    }
    if (server.adminEnabled() && AdminRoutes.isAdminPath(path)) {
      AdminRoutes.handle(server, exchange, path, body);
      return;
    }
    String method = exchange.getRequestMethod().toString();
    RouteTable.Match match = router.match(method, path);
    if (exchange.isInIoThread() && dialsSink(match)) {
      // a sink probe opens a socket (seconds, at worst): not on the I/O thread
      exchange.dispatch(() -> process(exchange, body));
      return;
    }
    chain.handle(new Request(exchange, body, method, path, captureId, match));
  }

  private boolean dialsSink(RouteTable.Match match) {
    if (match == null || !server.cluster().sinkProbe().probes()) {
      return false;
    }
    Operation operation = match.route().operation();
    return operation == Operation.CREATE_CHANGEFEED || operation == Operation.UPDATE_CHANGEFEED;
  }
}
