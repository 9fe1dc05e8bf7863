package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.fault.Journal;
import io.github.ticdcfake.fault.RecordedRequest;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal step: every request that reaches a live capture's TiCDC routes (matched or not) gets
 * one entry, written once its answer — or its absence — is known and before the answer's bytes
 * leave, so a client that got the answer finds the entry. The entry carries the time of arrival on
 * the wall clock and the PD clock, and at most {@link Journal#MAX_BODY_BYTES} of the body with the
 * body's whole size.
 */
final class JournalRecorder implements Stage {
  private final FakeCluster cluster;
  private final Stage next;

  JournalRecorder(FakeCluster cluster, Stage next) {
    this.cluster = cluster;
    this.next = next;
  }

  @Override
  public void handle(Request request) {
    Instant arrived = Instant.now();
    Instant pdArrived = cluster.clock().now();
    next.handle(
        request.observedBy(
            (answered, status, faultTag) ->
                cluster
                    .journal()
                    .record(
                        entry(
                            answered.exchange,
                            answered.captureId,
                            answered.body,
                            answered.body.length,
                            status,
                            Optional.ofNullable(answered.operation()),
                            Optional.ofNullable(answered.changefeedId()),
                            Optional.ofNullable(faultTag),
                            arrived,
                            pdArrived))));
  }

  /**
   * Journals a request refused unread because its body is larger than the server accepts: its size
   * is the announced {@code Content-Length} (-1 when chunked), its body text empty.
   */
  static void recordTooLarge(
      FakeCluster cluster, HttpServerExchange exchange, String captureId, int status) {
    cluster
        .journal()
        .record(
            entry(
                exchange,
                captureId,
                new byte[0],
                exchange.getRequestContentLength(),
                status,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Instant.now(),
                cluster.clock().now()));
  }

  private static RecordedRequest entry(
      HttpServerExchange exchange,
      String captureId,
      byte[] body,
      long bodySize,
      int status,
      Optional<io.github.ticdcfake.fault.Operation> operation,
      Optional<String> changefeedId,
      Optional<String> faultTag,
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
        operation,
        changefeedId,
        faultTag,
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
