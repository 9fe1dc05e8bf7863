package io.github.ticdcfake.internal.http;

import io.undertow.server.HttpServerExchange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * Exchanges a fault holds open (delays, stalls), so that closing the server — or killing their
 * capture — releases them at once instead of waiting for clients to give up.
 */
final class HeldExchanges {
  private final Map<HttpServerExchange, Held> held = new HashMap<>();
  private boolean closed;

  private record Held(String captureId, XnioExecutor.Key timer) {}

  /** Holds an exchange; false if the server is closing (the caller must drop the connection). */
  synchronized boolean hold(HttpServerExchange exchange, String captureId, XnioExecutor.Key timer) {
    if (closed) {
      return false;
    }
    held.put(exchange, new Held(captureId, timer));
    return true;
  }

  /** Releases an exchange whose delay is over; false if it was dropped meanwhile. */
  synchronized boolean release(HttpServerExchange exchange) {
    return held.remove(exchange) != null;
  }

  /** Closes the connections held for one capture (killed). */
  void dropCapture(String captureId) {
    List<HttpServerExchange> dropped;
    synchronized (this) {
      dropped =
          held.entrySet().stream()
              .filter(e -> e.getValue().captureId().equals(captureId))
              .map(Map.Entry::getKey)
              .toList();
      dropped.forEach(this::cancel);
    }
    dropped.forEach(e -> IoUtils.safeClose(e.getConnection()));
  }

  /** Closes every held connection; later holds are refused. */
  void closeAll() {
    List<HttpServerExchange> dropped;
    synchronized (this) {
      closed = true;
      dropped = List.copyOf(held.keySet());
      dropped.forEach(this::cancel);
    }
    dropped.forEach(e -> IoUtils.safeClose(e.getConnection()));
  }

  private void cancel(HttpServerExchange exchange) {
    Held h = held.remove(exchange);
    if (h != null && h.timer() != null) {
      h.timer().remove();
    }
  }
}
