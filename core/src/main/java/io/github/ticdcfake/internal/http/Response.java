package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.internal.json.Json;
import io.github.ticdcfake.internal.json.v2.EmptyResponse;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

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

  /** A body produced piece by piece while it is sent. */
  interface Streamed {
    /** The next piece, or null when the body is complete; consumed before the next call. */
    ByteBuffer next();

    /** Called once the last piece was taken, or the answer failed or was dropped unsent. */
    void release();
  }

  static final String JSON = "application/json; charset=utf-8";
  static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";
  private static final byte[] EMPTY_OBJECT = Json.compact(new EmptyResponse());
  private static final byte[] NULL_BYTES = {'n', 'u', 'l', 'l'};
  private static final HttpString INTERNAL_ERROR = new HttpString("X-Fake-Internal-Error");
  private static final Logger LOG = LoggerFactory.getLogger(Response.class);

  /**
   * Writes status, headers and body: in one flush with the body's exact length, or a streamed body
   * piece by piece without blocking, the next piece produced only once the last one is written.
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
      new Pump(exchange, streamed).pump();
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, length);
    exchange.getResponseSender().send(ByteBuffer.wrap(body, 0, length));
  }

  /**
   * Moves a streamed body onto the response channel: writes pieces while the socket takes them,
   * then waits for it to drain (the I/O thread is free meanwhile) and goes on.
   */
  private static final class Pump implements ChannelListener<StreamSinkChannel> {
    private final HttpServerExchange exchange;
    private final Streamed body;
    private final StreamSinkChannel channel;
    private ByteBuffer piece;

    Pump(HttpServerExchange exchange, Streamed body) {
      this.exchange = exchange;
      this.body = body;
      // no Content-Length: Undertow frames it chunked (HTTP/1.1) or close-delimited (HTTP/1.0)
      this.channel = exchange.getResponseChannel();
    }

    @Override
    public void handleEvent(StreamSinkChannel ignored) {
      pump();
    }

    void pump() {
      try {
        while (true) {
          if (piece == null || !piece.hasRemaining()) {
            piece = body.next();
            if (piece == null) {
              finish();
              return;
            }
          }
          channel.write(piece);
          if (piece.hasRemaining()) {
            channel.getWriteSetter().set(this);
            channel.resumeWrites();
            return;
          }
        }
      } catch (IOException e) {
        // the client went away mid-body: nothing left to tell it
        LOG.debug("ticdc-fake could not finish a streamed answer", e);
        fail();
      } catch (RuntimeException e) {
        // the status line is out, so a bug can only cut the body short; the log says why
        LOG.warn("ticdc-fake failed while streaming an answer", e);
        fail();
      }
    }

    private void finish() throws IOException {
      body.release();
      channel.suspendWrites();
      channel.shutdownWrites();
      if (channel.flush()) {
        exchange.endExchange();
        return;
      }
      channel
          .getWriteSetter()
          .set(
              ChannelListeners.flushingChannelListener(
                  done -> exchange.endExchange(),
                  (failed, e) -> {
                    LOG.debug("ticdc-fake could not flush a streamed answer", e);
                    IoUtils.safeClose(exchange.getConnection());
                  }));
      channel.resumeWrites();
    }

    private void fail() {
      body.release();
      IoUtils.safeClose(exchange.getConnection());
    }
  }

  /** The same answer with its whole body in one array (a streamed body is produced first). */
  Response materialized() {
    if (streamed == null) {
      return this;
    }
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try {
      for (ByteBuffer piece = streamed.next(); piece != null; piece = streamed.next()) {
        whole.write(piece.array(), piece.arrayOffset() + piece.position(), piece.remaining());
      }
    } finally {
      streamed.release();
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
