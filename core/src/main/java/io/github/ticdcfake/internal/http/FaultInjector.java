package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.fault.ConnectionFault;
import io.github.ticdcfake.fault.Fault;
import io.github.ticdcfake.fault.FaultRules;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.Options;
import org.xnio.XnioExecutor;

/**
 * The fault-injection step: applies the cluster's fault rules to routed requests. The rules decide
 * (domain, {@link FaultRules#fire}); this step only knows how to turn a {@link Fault} into bytes —
 * or their absence — on an Undertow exchange. It asks the next step for the normal answer when the
 * fault needs it ({@code apply_first}, a delay that then answers, no firing rule) and never calls
 * back into the router.
 */
final class FaultInjector implements Stage {
  private static final byte[] EMPTY_OBJECT = {'{', '}'};

  private final FakeCluster cluster;
  private final HeldExchanges held;
  private final Responder next;

  FaultInjector(FakeCluster cluster, HeldExchanges held, Responder next) {
    this.cluster = cluster;
    this.held = held;
    this.next = next;
  }

  /**
   * Answers normally unless a rule fires; a firing rule's fault is applied (around the normal
   * answer for {@code apply_first} and delays).
   */
  @Override
  public void handle(Request request) {
    Optional<FaultRules.Firing> firing =
        request.operation() == null
            ? Optional.empty()
            : cluster
                .faults()
                .fire(
                    request.operation(),
                    request.changefeedId(),
                    request.captureId,
                    cluster.clock().now());
    if (firing.isEmpty()) {
      request.send(next.answer(request), null);
      return;
    }
    FaultRules.Firing fired = firing.get();
    String tag = "rule " + (fired.ruleIndex() + 1) + ": " + fired.fault().describe();
    Response committed = fired.rule().applyFirst() ? next.answer(request) : null;
    Fault effect = fired.fault();
    if (effect instanceof Fault.Delay delay) {
      Fault then = delay.then().orElse(null);
      HttpServerExchange exchange = request.exchange;
      exchange.dispatch(
          SameThreadExecutor.INSTANCE,
          () -> {
            XnioExecutor.Key[] timer = new XnioExecutor.Key[1];
            Runnable resume =
                () -> {
                  if (held.release(exchange)) {
                    apply(request, then, committed, tag);
                  }
                };
            timer[0] =
                exchange
                    .getIoThread()
                    .executeAfter(resume, delay.duration().toMillis(), TimeUnit.MILLISECONDS);
            if (!held.hold(exchange, request.captureId, timer[0])) {
              timer[0].remove();
              abort(exchange);
            }
          });
      return;
    }
    apply(request, effect, committed, tag);
  }

  private void apply(Request request, Fault effect, Response committed, String tag) {
    HttpServerExchange exchange = request.exchange;
    if (effect == null) {
      request.send(committed != null ? committed : next.answer(request), tag);
    } else if (effect instanceof Fault.ErrorResponse e) {
      request.send(
          ErrorMapper.envelope(e.status(), Response.JSON, e.errorMessage(), e.errorCode()), tag);
    } else if (effect instanceof Fault.RawResponse raw) {
      byte[] text = raw.body().getBytes(StandardCharsets.UTF_8);
      request.send(new Response(raw.status(), Response.TEXT_PLAIN_UTF8, text, null), tag);
    } else if (effect instanceof ConnectionFault c) {
      switch (c) {
        case RESET -> {
          request.report(0, tag);
          abort(exchange);
        }
        case CLOSE -> {
          request.report(0, tag);
          IoUtils.safeClose(exchange.getConnection());
        }
        case EMPTY -> {
          int status = committed != null ? committed.status() : 200;
          request.send(new Response(status, Response.JSON, new byte[0], null), tag);
        }
        case MALFORMED -> {
          Response whole =
              committed != null ? committed : new Response(200, Response.JSON, EMPTY_OBJECT, null);
          request.report(whole.status(), tag);
          truncate(exchange, whole, tag);
        }
        case STALL -> {
          request.report(0, tag);
          exchange.dispatch(
              SameThreadExecutor.INSTANCE,
              () -> {
                if (!held.hold(exchange, request.captureId, null)) {
                  abort(exchange);
                }
              });
        }
      }
    }
  }

  /** Headers announce the whole body; half of it is sent, then the connection closes. */
  private static void truncate(HttpServerExchange exchange, Response answer, String tag) {
    Response whole = answer.materialized();
    exchange.setStatusCode(whole.status());
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, whole.contentType());
    exchange.getResponseHeaders().put(Request.FAULT_HEADER, tag);
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, whole.length());
    exchange.setPersistent(false);
    byte[] half = Arrays.copyOf(whole.body(), whole.length() / 2);
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
}
