package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.internal.json.Json;
import io.github.ticdcfake.internal.json.v2.EmptyResponse;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A complete answer: status, content type and body, written in one flush. {@code internalError}
 * names the exception when the fake itself failed (sent as {@code X-Fake-Internal-Error}, so a bug
 * in the fake is never mistaken for a TiCDC panic). The body is the first {@code length} bytes of
 * {@code body}; when {@code pool} is set the array is a reused buffer that goes back to it once the
 * last byte is written.
 */
record Response(
    int status,
    String contentType,
    byte[] body,
    int length,
    String location,
    String internalError,
    BodyBuffers pool) {
  Response(int status, String contentType, byte[] body, String location, String internalError) {
    this(status, contentType, body, body.length, location, internalError, null);
  }

  Response(int status, String contentType, byte[] body, String location) {
    this(status, contentType, body, location, null);
  }

  static final String JSON = "application/json; charset=utf-8";
  static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";
  private static final byte[] EMPTY_OBJECT = Json.compact(new EmptyResponse());
  private static final byte[] NULL_BYTES = {'n', 'u', 'l', 'l'};
  private static final HttpString INTERNAL_ERROR = new HttpString("X-Fake-Internal-Error");

  /** Writes status, headers and body in one flush, with the body's exact length. */
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
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, length);
    if (pool == null) {
      exchange.getResponseSender().send(ByteBuffer.wrap(body, 0, length));
      return;
    }
    exchange
        .getResponseSender()
        .send(
            ByteBuffer.wrap(body, 0, length),
            new IoCallback() {
              @Override
              public void onComplete(HttpServerExchange done, Sender sender) {
                pool.giveBack(body);
                IoCallback.END_EXCHANGE.onComplete(done, sender);
              }

              @Override
              public void onException(HttpServerExchange failed, Sender sender, IOException e) {
                pool.giveBack(body);
                IoCallback.END_EXCHANGE.onException(failed, sender, e);
              }
            });
  }

  /** The body as an exact-length array (a copy when it lives in a larger reused buffer). */
  byte[] bodyBytes() {
    return length == body.length ? body : Arrays.copyOf(body, length);
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
   * gin's {@code c.JSON} of a body a view encoded into a buffer borrowed from {@code pool}; the
   * buffer goes back to the pool once written.
   */
  static Response pooledJson(int status, Json.Bytes body, BodyBuffers pool) {
    return new Response(status, JSON, body.array(), body.length(), null, null, pool);
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
