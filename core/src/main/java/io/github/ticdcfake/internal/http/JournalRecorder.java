package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.fault.RecordedRequest;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal step: every request that reaches a live capture's TiCDC routes (matched or not) gets
 * one entry, written once its answer — or its absence — is known and before the answer's bytes
 * leave, so a client that got the answer finds the entry.
 */
final class JournalRecorder implements Stage {
  private final FakeCluster cluster;
  private final Stage next;
  private final Request.Outcome recorder = this::record;

  JournalRecorder(FakeCluster cluster, Stage next) {
    this.cluster = cluster;
    this.next = next;
  }

  @Override
  public void handle(Request request) {
    next.handle(request.observedBy(recorder));
  }

  private void record(Request request, int status, String faultTag) {
    HttpServerExchange exchange = request.exchange;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      headers.put(values.getHeaderName().toString(), List.copyOf(values));
    }
    cluster
        .journal()
        .record(
            new RecordedRequest(
                0,
                exchange.getRequestMethod().toString(),
                exchange.getRequestPath(),
                exchange.getQueryString(),
                headers,
                new String(request.body, StandardCharsets.UTF_8),
                status,
                request.captureId,
                Optional.ofNullable(request.operation()),
                Optional.ofNullable(request.changefeedId()),
                Optional.ofNullable(faultTag)));
  }
}
