package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.fault.ConnectionFault;
import io.github.ticdcfake.fault.Fault;
import io.github.ticdcfake.fault.FaultRules;
import io.github.ticdcfake.fault.Journal;
import io.github.ticdcfake.fault.Operation;
import io.github.ticdcfake.fault.RecordedRequest;
import io.github.ticdcfake.internal.json.Json;
import io.github.ticdcfake.internal.json.WireModels.HttpError;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.xnio.IoUtils;
import org.xnio.Options;
import org.xnio.XnioExecutor;

/**
 * Applies the cluster's fault rules to routed requests and records every request in the journal.
 * The rules decide (domain, {@link FaultRules#fire}); this class only knows how to turn a {@link
 * Fault} into bytes — or their absence — on an Undertow exchange.
 */
final class FaultInjector {
  static final HttpString FAULT_HEADER = new HttpString("X-Fake-Fault");
  private static final byte[] EMPTY_OBJECT = {'{', '}'};

  private final ServerContext server;
  private final HeldExchanges held;

  FaultInjector(ServerContext server, HeldExchanges held) {
    this.server = server;
    this.held = held;
  }

  /**
   * Answers one request: a dead capture resets the connection; otherwise a firing rule's fault is
   * applied (around the normal answer for {@code apply_first} and delays), and the journal gets an
   * entry.
   */
  void handle(
      HttpServerExchange exchange,
      byte[] body,
      String captureId,
      Router.Match match,
      Supplier<Response> answer) {
    FakeCluster cluster = server.cluster();
    if (!cluster.capture(captureId).map(Capture::alive).orElse(false)) {
      // a killed capture's port does not answer: an exchange on a connection opened before
      abort(exchange);
      return;
    }
    Operation operation = match == null ? null : match.route().operation();
    String changefeedId = match == null ? null : changefeedIdOf(match, body);
    Optional<FaultRules.Firing> firing =
        operation == null
            ? Optional.empty()
            : cluster.faults().fire(operation, changefeedId, captureId, cluster.clock().now());
    Entry entry = new Entry(exchange, body, captureId, operation, changefeedId);
    if (firing.isEmpty()) {
      entry.finish(answer.get(), null);
      return;
    }
    FaultRules.Firing fired = firing.get();
    String tag = "rule " + (fired.ruleIndex() + 1) + ": " + fired.fault().describe();
    Response committed = fired.rule().applyFirst() ? answer.get() : null;
    Fault effect = fired.fault();
    if (effect instanceof Fault.Delay delay) {
      Fault then = delay.then().orElse(null);
      exchange.dispatch(
          SameThreadExecutor.INSTANCE,
          () -> {
            XnioExecutor.Key[] timer = new XnioExecutor.Key[1];
            Runnable resume =
                () -> {
                  if (held.release(exchange)) {
                    apply(entry, then, committed, answer, tag);
                  }
                };
            timer[0] =
                exchange
                    .getIoThread()
                    .executeAfter(resume, delay.duration().toMillis(), TimeUnit.MILLISECONDS);
            if (!held.hold(exchange, captureId, timer[0])) {
              timer[0].remove();
              abort(exchange);
            }
          });
      return;
    }
    apply(entry, effect, committed, answer, tag);
  }

  private void apply(
      Entry entry, Fault effect, Response committed, Supplier<Response> answer, String tag) {
    HttpServerExchange exchange = entry.exchange;
    if (effect == null) {
      entry.finish(committed != null ? committed : answer.get(), tag);
    } else if (effect instanceof Fault.ErrorResponse e) {
      byte[] envelope = Json.indented(new HttpError(e.errorMessage(), e.errorCode()));
      entry.finish(new Response(e.status(), Response.JSON, envelope, null), tag);
    } else if (effect instanceof Fault.RawResponse raw) {
      byte[] text = raw.body().getBytes(StandardCharsets.UTF_8);
      entry.finish(new Response(raw.status(), Response.TEXT_PLAIN_UTF8, text, null), tag);
    } else if (effect instanceof ConnectionFault c) {
      switch (c) {
        case RESET -> {
          entry.record(0, tag);
          abort(exchange);
        }
        case CLOSE -> {
          entry.record(0, tag);
          IoUtils.safeClose(exchange.getConnection());
        }
        case EMPTY -> {
          int status = committed != null ? committed.status() : 200;
          entry.finish(new Response(status, Response.JSON, new byte[0], null), tag);
        }
        case MALFORMED -> {
          Response whole =
              committed != null ? committed : new Response(200, Response.JSON, EMPTY_OBJECT, null);
          entry.record(whole.status(), tag);
          truncate(exchange, whole, tag);
        }
        case STALL -> {
          entry.record(0, tag);
          exchange.dispatch(
              SameThreadExecutor.INSTANCE,
              () -> {
                if (!held.hold(exchange, entry.captureId, null)) {
                  abort(exchange);
                }
              });
        }
      }
    }
  }

  /** Headers announce the whole body; half of it is sent, then the connection closes. */
  private static void truncate(HttpServerExchange exchange, Response whole, String tag) {
    exchange.setStatusCode(whole.status());
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, whole.contentType());
    exchange.getResponseHeaders().put(FAULT_HEADER, tag);
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, whole.body().length);
    exchange.setPersistent(false);
    byte[] half = java.util.Arrays.copyOf(whole.body(), whole.body().length / 2);
    exchange
        .getResponseSender()
        .send(
            ByteBuffer.wrap(half),
            new IoCallback() {
              @Override
              public void onComplete(HttpServerExchange ex, Sender sender) {
                IoUtils.safeClose(ex.getConnection());
              }

              @Override
              public void onException(HttpServerExchange ex, Sender sender, IOException e) {
                IoUtils.safeClose(ex.getConnection());
              }
            });
  }

  /** An abortive close: RST instead of FIN, so the client sees "connection reset". */
  static void abort(HttpServerExchange exchange) {
    try {
      exchange.getConnection().setOption(Options.CLOSE_ABORT, true);
    } catch (IOException | IllegalArgumentException e) {
      // the socket is already gone; closing it is all that is left
    }
    IoUtils.safeClose(exchange.getConnection());
  }

  /** The changefeed a request is about: its path parameter, or the id in a create body. */
  private static String changefeedIdOf(Router.Match match, byte[] body) {
    String fromPath = match.params().get("changefeed_id");
    if (fromPath != null || match.route().operation() != Operation.CREATE_CHANGEFEED) {
      return fromPath;
    }
    try {
      if (Json.parse(body) instanceof Map<?, ?> create
          && create.get("changefeed_id") instanceof String id
          && !id.isEmpty()) {
        return id;
      }
    } catch (Json.SyntaxException e) {
      // not decodable: the create fails anyway, and is about no changefeed
    }
    return null;
  }

  /** The journal entry of one exchange, written once the answer (or its absence) is known. */
  private final class Entry {
    final HttpServerExchange exchange;
    final byte[] body;
    final String captureId;
    final Operation operation;
    final String changefeedId;
    final Instant arrived = Instant.now();
    final Instant pdArrived;

    Entry(
        HttpServerExchange exchange,
        byte[] body,
        String captureId,
        Operation operation,
        String changefeedId) {
      this.exchange = exchange;
      this.body = body;
      this.captureId = captureId;
      this.operation = operation;
      this.changefeedId = changefeedId;
      this.pdArrived = server.cluster().clock().now();
    }

    void finish(Response response, String tag) {
      if (tag != null) {
        exchange.getResponseHeaders().put(FAULT_HEADER, tag);
      }
      record(response.status(), tag);
      ApiHandler.write(exchange, response);
    }

    void record(int status, String tag) {
      server
          .cluster()
          .journal()
          .record(
              journalEntry(
                  exchange,
                  captureId,
                  body,
                  body.length,
                  status,
                  operation,
                  changefeedId,
                  tag,
                  arrived,
                  pdArrived));
    }
  }

  /**
   * Journals a request refused unread because its body is larger than the server accepts: its size
   * is the announced {@code Content-Length} (-1 when chunked), its body text empty.
   */
  void recordTooLarge(HttpServerExchange exchange, String captureId, int status) {
    FakeCluster cluster = server.cluster();
    long announced = exchange.getRequestContentLength();
    cluster
        .journal()
        .record(
            journalEntry(
                exchange,
                captureId,
                new byte[0],
                announced,
                status,
                null,
                null,
                null,
                Instant.now(),
                cluster.clock().now()));
  }

  private static RecordedRequest journalEntry(
      HttpServerExchange exchange,
      String captureId,
      byte[] body,
      long bodySize,
      int status,
      Operation operation,
      String changefeedId,
      String tag,
      Instant arrived,
      Instant pdArrived) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      headers.put(values.getHeaderName().toString(), List.copyOf(values));
    }
    int kept = utf8Prefix(body, Journal.MAX_BODY_BYTES);
    return new RecordedRequest(
        0,
        exchange.getRequestMethod().toString(),
        exchange.getRequestPath(),
        exchange.getQueryString(),
        headers,
        new String(body, 0, kept, StandardCharsets.UTF_8),
        status,
        captureId,
        Optional.ofNullable(operation),
        Optional.ofNullable(changefeedId),
        Optional.ofNullable(tag),
        bodySize,
        kept < bodySize || bodySize < 0,
        arrived,
        pdArrived);
  }

  /**
   * How many leading bytes of {@code body} to keep so that at most {@code max} are kept and a
   * multi-byte UTF-8 sequence is never cut in two.
   */
  static int utf8Prefix(byte[] body, int max) {
    if (body.length <= max) {
      return body.length;
    }
    int end = max;
    // step back over continuation bytes (10xxxxxx) to the start of the cut sequence
    while (end > 0 && end > max - 3 && (body[end] & 0xC0) == 0x80) {
      end--;
    }
    return end;
  }
}
