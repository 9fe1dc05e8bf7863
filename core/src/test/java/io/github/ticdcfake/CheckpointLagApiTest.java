package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.cluster.Tso;
import io.github.ticdcfake.internal.json.GoTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /__fake/changefeeds/{id}/checkpoint {"lag_ms": N}} as every route that shows a
 * checkpoint sees it: at once, and still N behind after the clock moved.
 */
class CheckpointLagApiTest {
  private static final Instant START = Instant.parse("2024-05-20T02:00:00Z");

  @RegisterExtension
  static final FakeServerFixture fake = FakeServerFixture.builder().manualClock(START).build();

  private final TestHttp http = fake.http();

  @BeforeEach
  void runningForTenMinutes() {
    assertThat(
            http.post(
                    "/api/v2/changefeeds",
                    "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}")
                .status())
        .isEqualTo(200);
    advance(Duration.ofMinutes(10));
  }

  private void advance(Duration amount) {
    assertThat(http.post("/__fake/clock", "{\"advance_ms\":" + amount.toMillis() + "}").status())
        .isEqualTo(200);
  }

  private void lag(long millis) {
    assertThat(http.post("/__fake/changefeeds/cf-1/checkpoint", "{\"lag_ms\":" + millis + "}"))
        .extracting(TestHttp.Reply::status)
        .isEqualTo(200);
  }

  private double metric(String family) {
    String body = http.get("/metrics").body();
    Matcher m =
        Pattern.compile("(?m)^" + family + "\\{changefeed=\"cf-1\",namespace=\"default\"} (\\S+)$")
            .matcher(body);
    assertThat(m.find()).as(family + " in /metrics").isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void everyRouteShowsTheLagAtOnce() {
    lag(60_000);

    Instant now = START.plus(Duration.ofMinutes(10));
    long checkpoint = Tso.of(now.minusSeconds(60));
    JsonNode info = http.get("/api/v2/changefeeds/cf-1").json();
    assertThat(info.get("checkpoint_ts").asLong()).isEqualTo(checkpoint);
    assertThat(info.get("resolved_ts").asLong()).isEqualTo(Tso.of(now.minusMillis(500)));
    assertThat(info.get("checkpoint_time").asText())
        .isEqualTo(GoTime.tsoLocal(checkpoint, ZoneId.systemDefault()));
    assertThat(http.get("/api/v2/changefeeds/cf-1/status").json().get("checkpoint_ts").asLong())
        .isEqualTo(checkpoint);
    assertThat(http.get("/api/v1/changefeeds/cf-1").json().get("checkpoint_tso").asLong())
        .isEqualTo(checkpoint);
    assertThat(metric("ticdc_owner_checkpoint_ts_lag")).isEqualTo(60.0);
    assertThat(metric("ticdc_owner_resolved_ts_lag")).isEqualTo(0.5);
    JsonNode synced = http.get("/api/v2/changefeeds/cf-1/synced").json();
    assertThat(synced.get("synced").asBoolean()).isFalse();
    assertThat(synced.get("sink_checkpoint_ts").asText())
        .isEqualTo(GoTime.tsoLocal(checkpoint, ZoneId.systemDefault()));
    assertThat(synced.get("info").asText())
        .isEqualTo("The data syncing is not finished, please wait");
  }

  @Test
  void theLagStaysAsTheClockAdvances() {
    lag(60_000);

    advance(Duration.ofMinutes(5));
    assertThat(metric("ticdc_owner_checkpoint_ts_lag")).isEqualTo(60.0);
    advance(Duration.ofHours(2));
    assertThat(metric("ticdc_owner_checkpoint_ts_lag")).isEqualTo(60.0);
    assertThat(http.get("/api/v2/changefeeds/cf-1").json().get("checkpoint_ts").asLong())
        .isEqualTo(Tso.of(START.plus(Duration.ofMinutes(135)).minusSeconds(60)));
  }

  @Test
  void aStallAfterTheLagLetsItGrowAndALagAfterTheStallWins() {
    lag(60_000);
    assertThat(http.post("/__fake/changefeeds/cf-1/checkpoint", "{\"stalled\":true}").status())
        .isEqualTo(200);

    advance(Duration.ofSeconds(90));
    assertThat(metric("ticdc_owner_checkpoint_ts_lag")).isEqualTo(150.0);

    lag(5_000);
    assertThat(metric("ticdc_owner_checkpoint_ts_lag")).isEqualTo(5.0);
  }
}
