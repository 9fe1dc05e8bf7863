package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.cluster.Scenario;
import io.github.ticdcfake.cluster.Tso;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /__fake/state} is the whole cluster as a scenario document: loading it gives back the
 * same cluster, whose state document is the same bytes.
 */
class StateRoundTripTest {
  private static final Instant START = Instant.parse("2024-05-20T02:00:00Z");

  /** A cluster scripted in every way the state document records. */
  private static FakeTiCdcServer scriptedServer() {
    FakeTiCdcServer server =
        FakeTiCdcServer.builder().captures(2).clock(PdClock.manual(START)).start();
    TestHttp http = TestHttp.freshConnections(server.url());
    for (String id : new String[] {"lagging", "stalled", "pinned", "paused", "following"}) {
      assertThat(
              http.post(
                      "/api/v2/changefeeds",
                      "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"}")
                  .status())
          .isEqualTo(200);
    }
    post(http, "/__fake/faults", pauseFault("\"times\":1,\"changefeed_id\":\"following\""));
    post(http, "/__fake/faults", pauseFault("\"after\":5,\"changefeed_id\":\"lagging\""));
    post(http, "/__fake/faults", pauseFault("\"times\":4,\"changefeed_id\":\"paused\""));
    // the first rule fires once and is spent; the second lets one through; the third fires twice
    assertThat(http.post("/api/v2/changefeeds/following/pause", "").status()).isEqualTo(500);
    assertThat(http.post("/api/v2/changefeeds/lagging/pause", "").status()).isEqualTo(200);
    assertThat(http.post("/api/v2/changefeeds/lagging/resume", "{}").status()).isEqualTo(200);
    assertThat(http.post("/api/v2/changefeeds/paused/pause", "").status()).isEqualTo(500);
    assertThat(http.post("/api/v2/changefeeds/paused/pause", "").status()).isEqualTo(500);
    server.cluster().pauseChangefeed(FakeCluster.DEFAULT_NAMESPACE, "paused");
    post(http, "/__fake/clock", "{\"advance_ms\":600000}");
    post(http, "/__fake/changefeeds/lagging/checkpoint", "{\"lag_ms\":60000}");
    post(http, "/__fake/changefeeds/stalled/checkpoint", "{\"stalled\":true}");
    post(
        http,
        "/__fake/changefeeds/pinned/checkpoint",
        "{\"checkpoint_ts\":" + Tso.of(START.plusSeconds(30)) + "}");
    post(http, "/__fake/clock", "{\"advance_ms\":5000}");
    post(http, "/__fake/gc_safepoint", "{\"gc_safepoint\":" + Tso.of(START.plusSeconds(1)) + "}");
    post(http, "/__fake/health", "{\"healthy\":false}");
    return server;
  }

  private static String pauseFault(String trigger) {
    return "{\"route\":\"POST /api/v2/changefeeds/{changefeed_id}/pause\","
        + trigger
        + ",\"respond\":{\"status\":500,\"error_code\":\"CDC:ErrPDEtcdAPIError\"}}";
  }

  private static void post(TestHttp http, String path, String body) {
    assertThat(http.post(path, body).status()).as(path + " " + body).isEqualTo(200);
  }

  private static String state(FakeTiCdcServer server) {
    return TestHttp.freshConnections(server.url()).get("/__fake/state").body();
  }

  @Test
  void theStateDocumentLoadsIntoTheSameClusterOnAFreshSystemClock() {
    String state;
    try (FakeTiCdcServer server = scriptedServer()) {
      state = state(server);
    }

    String again;
    try (FakeTiCdcServer reloaded = FakeTiCdcServer.builder().scenarioJson(state).start()) {
      again = state(reloaded);
    }

    assertThat(again).isEqualTo(state);
  }

  @Test
  void theStateDocumentHoldsClockHealthCheckpointsAndWhatIsLeftOfTheFaults() {
    JsonNode state;
    try (FakeTiCdcServer server = scriptedServer()) {
      state = TestHttp.freshConnections(server.url()).get("/__fake/state").json();
    }

    Instant now = START.plusSeconds(605);
    assertThat(state.at("/clock/mode").asText()).isEqualTo("manual");
    assertThat(state.at("/clock/now").asText()).isEqualTo(now.toString());
    assertThat(state.get("healthy").asBoolean()).isFalse();
    assertThat(state.get("ready").asBoolean()).isTrue();
    assertThat(state.get("gc_safepoint").asLong()).isEqualTo(Tso.of(START.plusSeconds(1)));
    JsonNode lagging = changefeed(state, "lagging");
    assertThat(lagging.get("checkpoint_ts").asLong()).isEqualTo(Tso.of(now.minusSeconds(60)));
    assertThat(lagging.get("checkpoint_lag_ms").asLong()).isEqualTo(60_000);
    assertThat(lagging.has("stalled")).isFalse();
    JsonNode stalled = changefeed(state, "stalled");
    assertThat(stalled.get("stalled").asBoolean()).isTrue();
    assertThat(stalled.get("checkpoint_ts").asLong())
        .isEqualTo(Tso.of(START.plusSeconds(600).minusMillis(1500)));
    assertThat(changefeed(state, "pinned").get("checkpoint_ts").asLong())
        .isEqualTo(Tso.of(START.plusSeconds(30)));
    assertThat(changefeed(state, "paused").get("state").asText()).isEqualTo("stopped");
    // the rule for "following" is spent and gone; the others keep what is left of them
    assertThat(state.get("faults")).hasSize(2);
    assertThat(state.at("/faults/0/changefeed_id").asText()).isEqualTo("lagging");
    assertThat(state.at("/faults/0/after").asInt()).isEqualTo(4);
    assertThat(state.at("/faults/0/times").isMissingNode()).isTrue();
    assertThat(state.at("/faults/1/changefeed_id").asText()).isEqualTo("paused");
    assertThat(state.at("/faults/1/times").asInt()).isEqualTo(2);
  }

  @Test
  void aPartlySpentRuleFiresOnlyWhatIsLeftAfterTheReload() {
    String state;
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().clock(PdClock.manual(START)).start()) {
      TestHttp http = TestHttp.freshConnections(server.url());
      post(
          http,
          "/api/v2/changefeeds",
          "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}");
      post(http, "/__fake/faults", pauseFault("\"times\":3"));
      assertThat(http.post("/api/v2/changefeeds/cf-1/pause", "").status()).isEqualTo(500);
      state = state(server);
    }

    try (FakeTiCdcServer reloaded = FakeTiCdcServer.builder().scenarioJson(state).start()) {
      TestHttp http = TestHttp.freshConnections(reloaded.url());
      assertThat(http.post("/api/v2/changefeeds/cf-1/pause", "").status()).isEqualTo(500);
      assertThat(http.post("/api/v2/changefeeds/cf-1/pause", "").status()).isEqualTo(500);
      assertThat(http.post("/api/v2/changefeeds/cf-1/pause", "").status()).isEqualTo(200);
    }
  }

  @Test
  void aScenarioClockStartsAFreshClusterWhereverItStands() {
    Instant past = Instant.parse("2020-01-01T00:00:00Z");
    FakeCluster cluster = FakeCluster.builder().build(); // a system clock nobody has read

    cluster.load(Scenario.builder().clock(new Scenario.ClockSeed(true, past)).build());

    assertThat(cluster.clock().isManual()).isTrue();
    assertThat(cluster.clock().now()).isEqualTo(past);
  }

  @Test
  void aSystemModeScenarioClockRunsOnFromItsTime() {
    Instant past = Instant.parse("2020-01-01T00:00:00Z");
    FakeCluster cluster = FakeCluster.builder().build();

    cluster.load(Scenario.builder().clock(new Scenario.ClockSeed(false, past)).build());

    assertThat(cluster.clock().isManual()).isFalse();
    assertThat(cluster.clock().now()).isBetween(past, past.plus(Duration.ofMinutes(1)));
  }

  @Test
  void aScenarioClockCannotTakeAClockBackThatWasAlreadyRead() {
    FakeCluster cluster = FakeCluster.builder().clock(PdClock.manual(START)).build();
    cluster.nextTso();

    assertThatThrownBy(
            () ->
                cluster.load(
                    Scenario.builder()
                        .clock(new Scenario.ClockSeed(true, START.minusSeconds(1)))
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("clock.now: 2024-05-20T01:59:59Z is before the PD clock's time");
  }

  private static JsonNode changefeed(JsonNode state, String id) {
    for (JsonNode cf : state.get("changefeeds")) {
      if (cf.get("changefeed_id").asText().equals(id)) {
        return cf;
      }
    }
    throw new AssertionError("no changefeed " + id + " in " + state);
  }
}
