package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.FakeCluster;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Map;
import java.util.Optional;

/**
 * TiCDC's middlewares as steps of the synchronous half, in tiflow's order: no route (gin's 404 and
 * trailing-slash redirect), readiness, forwarding to the owner, authentication. Each step looks at
 * the matched route's {@link RouteFlag}s and either throws TiCDC's error or passes the request on.
 */
final class Gates {
  private Gates() {}

  /** gin's {@code NoRoute}: a redirect without the trailing slash, or 404; routed requests pass. */
  static final class NoRoute implements Responder {
    private final Router router;
    private final Responder next;

    NoRoute(Router router, Responder next) {
      this.router = router;
      this.next = next;
    }

    @Override
    public Response answer(Request request) {
      if (request.match != null) {
        return next.answer(request);
      }
      if (router.matchesWithoutTrailingSlash(request.method, request.path)) {
        String location = request.path.substring(0, request.path.length() - 1);
        String query = request.exchange.getQueryString();
        return Response.redirect(
            request.method, query.isEmpty() ? location : location + "?" + query);
      }
      return Response.notFound();
    }
  }

  /** {@link RouteFlag#READINESS_GATED}: tiflow's {@code CheckServerReadyMiddleware}. */
  static final class Readiness implements Responder {
    private final FakeCluster cluster;
    private final boolean coordinatorApi;
    private final Responder next;

    Readiness(FakeCluster cluster, boolean coordinatorApi, Responder next) {
      this.cluster = cluster;
      this.coordinatorApi = coordinatorApi;
      this.next = next;
    }

    @Override
    public Response answer(Request request) {
      if (request.route().has(RouteFlag.READINESS_GATED) && !cluster.isReady()) {
        if (coordinatorApi) {
          // pingcap/ticdc api/v2/helper.go isInitialized: a plain error, no code
          throw CdcException.plain("coordinator is not fully initialized, wait a moment");
        }
        throw CdcError.SERVER_IS_NOT_READY.raise();
      }
      return next.answer(request);
    }
  }

  /**
   * {@link RouteFlag#FORWARDED_TO_OWNER}: tiflow's {@code ForwardToOwnerMiddleware}. TiCDC proxies
   * the request to the owner, which then authenticates and answers it; in-process the owner answers
   * the same request.
   */
  static final class OwnerForwarding implements Responder {
    private static final HttpString FORWARD_TIMES = new HttpString("TiCDC-ForwardTimes");

    /** tiflow's {@code maxForwardTimes}: a request may be forwarded at most this often. */
    private static final int MAX_FORWARD_TIMES = 2;

    private final FakeCluster cluster;
    private final Responder next;

    OwnerForwarding(FakeCluster cluster, Responder next) {
      this.cluster = cluster;
      this.next = next;
    }

    @Override
    public Response answer(Request request) {
      if (!request.route().has(RouteFlag.FORWARDED_TO_OWNER)) {
        return next.answer(request);
      }
      Optional<Capture> owner = cluster.owner();
      if (owner.isEmpty()) {
        throw CdcError.OWNER_NOT_FOUND.raise();
      }
      if (owner.get().id().equals(request.captureId)) {
        return next.answer(request);
      }
      checkForwardTimes(request.exchange.getRequestHeaders().getFirst(FORWARD_TIMES));
      return next.answer(request.answeredBy(owner.get().id()));
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
  }

  /**
   * {@link RouteFlag#AUTHENTICATED}: tiflow's {@code AuthenticateMiddleware} when client
   * authentication is on: HTTP Basic, the user must be allowed and its password right. Only in the
   * chain of flavours that have it ({@link ApiSurface#hasClientAuthentication()}).
   */
  static final class ClientAuthentication implements Responder {
    private final ServerContext server;
    private final Responder next;

    ClientAuthentication(ServerContext server, Responder next) {
      this.server = server;
      this.next = next;
    }

    @Override
    public Response answer(Request request) {
      java.util.Set<String> allowed = server.clientAllowedUsers();
      if (request.route().has(RouteFlag.AUTHENTICATED) && !allowed.isEmpty()) {
        authenticate(request, allowed, server.upstreamUsers());
      }
      return next.answer(request);
    }

    private static void authenticate(
        Request request, java.util.Set<String> allowed, Map<String, String> upstreamUsers) {
      String header = request.exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
      String[] credentials = BasicAuth.parse(header);
      if (credentials == null) {
        throw CdcError.CREDENTIAL_NOT_FOUND.raise(
            "please specify the user and password via authorization header");
      }
      String user = credentials[0];
      if (user.isEmpty()) {
        throw CdcError.UNAUTHORIZED.raise(user, "Empty username is not allowed.");
      }
      if (!allowed.contains(user)) {
        throw CdcError.UNAUTHORIZED.raise(user, "The user is not allowed.");
      }
      // The password is checked where TiCDC logs in to the upstream TiDB as that user.
      String password = upstreamUsers.get(user);
      if (password == null || !password.equals(credentials[1])) {
        String host = request.exchange.getSourceAddress().getAddress().getHostAddress();
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
  }
}
