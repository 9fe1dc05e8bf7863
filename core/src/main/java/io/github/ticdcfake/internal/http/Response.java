package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.internal.json.Json;
import io.github.ticdcfake.internal.json.v2.EmptyResponse;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * A complete answer: status, content type and body. {@code internalError} names the exception when
 * the fake itself failed (sent as {@code X-Fake-Internal-Error}, so a bug in the fake is never
 * mistaken for a TiCDC panic). The body is the first {@code length} bytes of {@code body}, written
 * in one flush with its exact length, unless {@code streamed} is set: then the body is written in
 * pieces while it is produced, with {@code Transfer-Encoding: chunked}, as Go's net/http sends any
 * body that outgrows its 2 KB response buffer.
 */
record Response(
    int status,
    String contentType,
    byte[] body,
    int length,
    String location,
    String internalError,
    Streamed streamed) {
  Response(int status, String contentType, byte[] body, String location, String internalError) {
    this(status, contentType, body, body.length, location, internalError, null);
  }

  Response(int status, String contentType, byte[] body, String location) {
    this(status, contentType, body, location, null);
  }

  /** A body written piece by piece into a stream, on a worker thread. */
  @FunctionalInterface
  interface Streamed {
    /** Writes the whole body; {@code out} is not closed by it. */
    void writeTo(OutputStream out) throws IOException;
  }

  static final String JSON = "application/json; charset=utf-8";
  static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";
  private static final byte[] EMPTY_OBJECT = Json.compact(new EmptyResponse());
  private static final byte[] NULL_BYTES = {'n', 'u', 'l', 'l'};
  private static final HttpString INTERNAL_ERROR = new HttpString("X-Fake-Internal-Error");
  private static final Logger LOG = LoggerFactory.getLogger(Response.class);

  /**
   * Writes status, headers and body: in one flush with the body's exact length, or for a streamed
   * body chunk by chunk from a worker thread (blocking writes must not run on the I/O thread).
   */
  void writeTo(HttpServerExchange exchange) {
    exchange.setStatusCode(status);
    if (contentType != null) {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
    }
    if (location != null) {
      exchange.getResponseHeaders().put(Headers.LOCATION, location);
    }
    if (internalError != null) {
      exchange.getResponseHeaders().put(INTERNAL_ERROR, internalError);
    }
    if (streamed != null) {
      if (exchange.isInIoThread()) {
        exchange.dispatch(() -> stream(exchange));
      } else {
        stream(exchange);
      }
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, length);
    exchange.getResponseSender().send(ByteBuffer.wrap(body, 0, length));
  }

  private void stream(HttpServerExchange exchange) {
    exchange.startBlocking();
    try {
      OutputStream out = exchange.getOutputStream();
      streamed.writeTo(out);
      out.close();
    } catch (IOException | UncheckedIOException e) {
      // the client went away mid-body: nothing left to tell it
      LOG.debug("ticdc-fake could not finish a streamed answer", e);
      IoUtils.safeClose(exchange.getConnection());
      return;
    } catch (RuntimeException e) {
      // the status line is out, so a bug can only cut the body short; the log says why
      LOG.warn("ticdc-fake failed while streaming an answer", e);
      IoUtils.safeClose(exchange.getConnection());
      return;
    }
    exchange.endExchange();
  }

  /** The same answer with its whole body in one array (a streamed body is written out first). */
  Response materialized() {
    if (streamed == null) {
      return this;
    }
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try {
      streamed.writeTo(whole);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = whole.toByteArray();
    return new Response(status, contentType, bytes, bytes.length, location, internalError, null);
  }

  /** gin's {@code c.JSON}: compact. */
  static Response json(int status, Object body) {
    return new Response(status, JSON, Json.compact(body), null);
  }

  /** gin's {@code c.JSON} of a body a view encoded itself. */
  static Response rawJson(int status, byte[] body) {
    return new Response(status, JSON, body, null);
  }

  /**
   * gin's {@code c.JSON} of a large body a view writes piece by piece into the stream (sent
   * chunked, as Go sends every body over 2 KB).
   */
  static Response streamedJson(int status, Streamed body) {
    return new Response(status, JSON, null, -1, null, null, body);
  }

  /** gin's {@code c.IndentedJSON}: four spaces. */
  static Response indented(int status, Object body) {
    return new Response(status, JSON, Json.indented(body), null);
  }

  /** TiCDC's {@code EmptyResponse}: the two bytes {@code {}}. */
  static Response empty() {
    return new Response(200, JSON, EMPTY_OBJECT, null);
  }

  /** {@code EmptyResponse} with another success status (202 for the new architecture's v1 shim). */
  static Response empty(int status) {
    return new Response(status, JSON, EMPTY_OBJECT, null);
  }

  /** gin's {@code c.JSON(status, nil)}: the four bytes {@code null}. */
  static Response jsonNull(int status) {
    return new Response(status, JSON, NULL_BYTES, null);
  }

  /** Go's net/http answer to an unparseable request URI (before any handler runs). */
  static Response badRequestLine() {
    return new Response(
        400, TEXT_PLAIN_UTF8, "400 Bad Request".getBytes(StandardCharsets.UTF_8), null);
  }

  /** gin's default 404: {@code text/plain}, {@code 404 page not found}. */
  static Response notFound() {
    return new Response(
        404, "text/plain", "404 page not found".getBytes(StandardCharsets.UTF_8), null);
  }

  /** gin's trailing-slash redirect (Go's {@code http.Redirect}). */
  static Response redirect(String method, String location) {
    if (method.equals("GET")) {
      String body = "<a href=\"" + htmlEscape(location) + "\">Moved Permanently</a>.\n\n";
      return new Response(
          301, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), location);
    }
    if (method.equals("HEAD")) {
      return new Response(301, "text/html; charset=utf-8", new byte[0], location);
    }
    return new Response(307, null, new byte[0], location);
  }

  private static String htmlEscape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&#34;")
        .replace("'", "&#39;");
  }
}
