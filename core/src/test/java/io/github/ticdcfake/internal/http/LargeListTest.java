package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.FakeTls;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lists large enough to be written into reused buffers ({@link BodyBuffers}) answer exactly what a
 * fresh buffer would: never another request's bytes, never a stale list.
 */
class LargeListTest {
  private static final int CHANGEFEEDS = 1_000; // ~180 KB, above BodyBuffers.MIN_POOLED

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
  void aRepeatedListAnswersTheSameBytesWithTheExactLength() {
    create(0, CHANGEFEEDS);
    TestHttp http = fake.http();

    TestHttp.Reply first = http.get("/api/v2/changefeeds");
    TestHttp.Reply second = http.get("/api/v2/changefeeds");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("total").asInt()).isEqualTo(CHANGEFEEDS);
    assertThat(first.json().get("items")).hasSize(CHANGEFEEDS);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(first.header("Content-Length"))
        .isEqualTo(
            String.valueOf(first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
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
