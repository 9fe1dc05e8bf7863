package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.GoQuery;
import io.github.ticdcfake.internal.http.AdminHandlers.AdminCall;
import io.github.ticdcfake.internal.json.DashboardJson;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The live status page of {@code /__fake}: one self-contained HTML file (no external assets) that
 * polls {@code GET /__fake/dashboard}. With an admin token, the page may be opened as {@code
 * /__fake/?token=SECRET} (a browser cannot send a header when it navigates); its script then sends
 * the token as {@code Authorization: Bearer} like any other admin client.
 */
final class StatusPage {
  private static final String RESOURCE = "/io/github/ticdcfake/status-page.html";
  static final String HTML = "text/html; charset=utf-8";

  /** How many of the newest journal entries the page shows. */
  static final int REQUESTS_SHOWN = 20;

  private StatusPage() {}

  private static final class Holder {
    static final byte[] PAGE = load();

    private static byte[] load() {
      try (InputStream in = StatusPage.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** {@code GET /__fake/} and {@code GET /__fake/ui}: the page itself; it carries no data. */
  static Response page(AdminCall call) {
    return new Response(200, HTML, Holder.PAGE, null);
  }

  /** {@code GET /__fake/dashboard}: what the page shows, in one compact JSON document. */
  static Response dashboard(AdminCall call) {
    return new Response(
        200, Response.JSON, DashboardJson.render(call.cluster(), REQUESTS_SHOWN), null);
  }

  /** Whether the request is for the page (where {@code ?token=} is accepted). */
  static boolean isPage(HttpServerExchange exchange) {
    if (!exchange.getRequestMethod().toString().equals("GET")) {
      return false;
    }
    String path = exchange.getRequestPath();
    return path.equals("/__fake/") || path.equals("/__fake/ui");
  }

  /** Whether a page request carries the admin token as {@code ?token=}. */
  static boolean tokenInQuery(HttpServerExchange exchange, String token) {
    if (!isPage(exchange)) {
      return false;
    }
    List<String> values = GoQuery.parse(exchange.getQueryString()).get("token");
    return values != null && values.contains(token);
  }
}
