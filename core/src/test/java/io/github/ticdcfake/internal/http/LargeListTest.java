package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.FakeTls;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.fault.ConnectionFault;
import io.github.ticdcfake.fault.Fault;
import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.Operation;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lists large enough to be streamed in pieces through reused chunks ({@link BodyBuffers}) answer
 * exactly what one buffer would: never another request's bytes, never a stale list, and sent
 * chunked as Go's net/http sends any body over its 2 KB buffer.
 */
class LargeListTest {
  private static final int CHANGEFEEDS = 1_000; // ~180 KB: three 64 KB pieces

  // A stopped clock: every list of one cluster state has the same bytes
  @RegisterExtension
  final FakeServerFixture fake =
      FakeServerFixture.builder().manualClock(Instant.parse("2026-12-01T00:00:00Z")).build();

  private void create(int from, int to) {
    for (int i = from; i < to; i++) {
      fake.cluster()
          .createChangefeed(
              ChangefeedSpec.builder().changefeedId("cf-" + i).sinkUri("blackhole://").build());
    }
  }

  @Test
  void aRepeatedListAnswersTheSameBytesChunkedLikeGo() {
    create(0, CHANGEFEEDS);
    TestHttp http = fake.http();

    TestHttp.Reply first = http.get("/api/v2/changefeeds");
    TestHttp.Reply second = http.get("/api/v2/changefeeds");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("total").asInt()).isEqualTo(CHANGEFEEDS);
    assertThat(first.json().get("items")).hasSize(CHANGEFEEDS);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(first.json().get("items").get(CHANGEFEEDS - 1).get("id").asText())
        .isEqualTo("cf-999");
    // Go's net/http: no Content-Length once the body outgrows its 2 KB buffer (server.go)
    assertThat(first.header("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(first.header("Content-Length")).isNull();
  }

  @Test
  void aShorterListAfterALongerOneEndsWhereItsOwnBytesEnd() {
    create(0, 2 * CHANGEFEEDS);
    TestHttp http = fake.http();
    assertThat(http.get("/api/v2/changefeeds").json().get("total").asInt())
        .isEqualTo(2 * CHANGEFEEDS);
    for (int i = CHANGEFEEDS; i < 2 * CHANGEFEEDS; i++) {
      fake.cluster().removeChangefeed("default", "cf-" + i);
    }

    TestHttp.Reply shorter = http.get("/api/v2/changefeeds");

    assertThat(shorter.json().get("total").asInt()).isEqualTo(CHANGEFEEDS);
    assertThat(shorter.json().get("items")).hasSize(CHANGEFEEDS);
    assertThat(shorter.body()).endsWith("}]}");
  }

  @Test
  void concurrentListsOnSeveralConnectionsEachGetAWholeList() throws Exception {
    create(0, CHANGEFEEDS);
    String expected = fake.http().get("/api/v2/changefeeds").body();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        results.add(
            clients.submit(
                () -> {
                  TestHttp http = TestHttp.freshConnections(fake.server().url());
                  List<String> bodies = new ArrayList<>();
                  for (int r = 0; r < 10; r++) {
                    bodies.add(http.get("/api/v2/changefeeds").body());
                  }
                  return bodies;
                }));
      }
      for (Future<List<String>> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).hasSize(10).containsOnly(expected);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void aDelayedLargeListArrivesWholeAfterTheDelay() {
    create(0, CHANGEFEEDS);
    String expected = fake.http().get("/api/v2/changefeeds").body();
    // the answer is written from the delay's timer, outside Undertow's handler call
    fake.cluster()
        .faults()
        .add(FaultRule.on(Operation.LIST_CHANGEFEEDS).inject(Fault.delay(Duration.ofMillis(1))));

    TestHttp.Reply delayed = fake.http().get("/api/v2/changefeeds");

    assertThat(delayed.header("X-Fake-Fault")).isEqualTo("rule 1: delay 1ms");
    assertThat(delayed.body()).isEqualTo(expected);
  }

  @Test
  void aMalformedFaultCutsALargeListInHalfOfItsWholeLength() throws Exception {
    create(0, CHANGEFEEDS);
    byte[] whole = fake.http().get("/api/v2/changefeeds").body().getBytes(StandardCharsets.UTF_8);
    fake.cluster()
        .faults()
        .add(
            FaultRule.on(Operation.LIST_CHANGEFEEDS)
                .applyFirst()
                .inject(ConnectionFault.MALFORMED));

    try (Socket socket = new Socket("127.0.0.1", fake.server().url().getPort())) {
      socket
          .getOutputStream()
          .write(
              "GET /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      byte[] raw = socket.getInputStream().readAllBytes();
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      int bodyStart = text.indexOf("\r\n\r\n") + 4;

      assertThat(text).startsWith("HTTP/1.1 200").contains("Content-Length: " + whole.length);
      assertThat(Arrays.copyOfRange(raw, bodyStart, raw.length))
          .isEqualTo(Arrays.copyOf(whole, whole.length / 2));
    }
  }

  @Test
  void anHttp10ClientGetsTheWholeListUntilTheConnectionCloses() throws Exception {
    create(0, CHANGEFEEDS);
    String expected = fake.http().get("/api/v2/changefeeds").body();

    try (Socket socket = new Socket("127.0.0.1", fake.server().url().getPort())) {
      socket
          .getOutputStream()
          .write("GET /api/v2/changefeeds HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      // no chunked framing for HTTP/1.0: the body ends where the connection does, as in Go
      assertThat(raw).startsWith("HTTP/1.0 200").doesNotContainIgnoringCase("transfer-encoding");
      assertThat(raw.substring(raw.indexOf("\r\n\r\n") + 4)).isEqualTo(expected);
    }
  }

  @Test
  void aClientReadingThroughATinyWindowStillGetsEveryPiece() throws Exception {
    create(0, 5 * CHANGEFEEDS); // ~900 KB: more than the socket buffers hold, so writes must wait
    String expected = fake.http().get("/api/v2/changefeeds").body();

    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", fake.server().url().getPort()));
      socket
          .getOutputStream()
          .write("GET /api/v2/changefeeds HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
      byte[] small = new byte[8192];
      for (int n = socket.getInputStream().read(small);
          n >= 0;
          n = socket.getInputStream().read(small)) {
        got.write(small, 0, n);
      }
      String raw = got.toString(StandardCharsets.UTF_8);

      assertThat(raw.substring(raw.indexOf("\r\n\r\n") + 4)).isEqualTo(expected);
    }
  }

  @Test
  void overTlsALargeListArrivesWhole() throws Exception {
    FakeTls tls = FakeTls.selfSigned();
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
      for (int i = 0; i < CHANGEFEEDS; i++) {
        server
            .cluster()
            .createChangefeed(
                ChangefeedSpec.builder().changefeedId("cf-" + i).sinkUri("blackhole://").build());
      }
      HttpClient client = HttpClient.newBuilder().sslContext(tls.sslContext()).build();
      HttpRequest list =
          HttpRequest.newBuilder(server.url().resolve("/api/v2/changefeeds")).build();

      String first = client.send(list, HttpResponse.BodyHandlers.ofString()).body();
      String second = client.send(list, HttpResponse.BodyHandlers.ofString()).body();

      assertThat(TestHttp.MAPPER.readTree(first).get("items")).hasSize(CHANGEFEEDS);
      assertThat(second).isEqualTo(first);
    }
  }
}
