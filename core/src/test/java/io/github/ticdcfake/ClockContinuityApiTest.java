package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.cluster.Tso;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Black-box through {@code /__fake/clock} and {@code /api/v2}: a clock advanced in manual mode and
 * switched back to system mode runs on from where it stood, for every reader.
 */
class ClockContinuityApiTest {
  private static final long HOUR_MS = 3_600_000;

  private final FakeTiCdcServer server = FakeTiCdcServer.builder().start();
  private final TestHttp http = TestHttp.pooled(server.url());

  @AfterEach
  void close() {
    server.close();
  }

  private long clock(String body) {
    TestHttp.Reply reply = http.post("/__fake/clock", body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().get("now_ms").asLong();
  }

  private JsonNode changefeed(String id) {
    return http.get("/api/v2/changefeeds/" + id).json();
  }

  @Test
  void systemModeRunsOnFromTheAdvancedTime() {
    assertThat(
            http.post(
                    "/api/v2/changefeeds",
                    "{\"changefeed_id\":\"old\",\"sink_uri\":\"blackhole://\"}")
                .status())
        .isEqualTo(200);
    clock("{\"mode\":\"manual\"}");
    long advanced = clock("{\"advance_ms\":" + HOUR_MS + "}");
    long checkpointWhileAhead = changefeed("old").get("checkpoint_ts").asLong();

    long afterSwitch = clock("{\"mode\":\"system\"}");
    JsonNode tso = http.post("/api/v2/tso", "{}").json();
    TestHttp.Reply created =
        http.post(
            "/api/v2/changefeeds", "{\"changefeed_id\":\"new\",\"sink_uri\":\"blackhole://\"}");
    long checkpointLater = changefeed("old").get("checkpoint_ts").asLong();
    long nowLater = clock("{\"mode\":\"system\"}");

    assertThat(afterSwitch).isGreaterThanOrEqualTo(advanced);
    assertThat(tso.get("timestamp").asLong()).isGreaterThanOrEqualTo(advanced);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(Tso.physicalMillis(created.json().get("start_ts").asLong()))
        .isGreaterThanOrEqualTo(advanced);
    assertThat(checkpointLater).isGreaterThanOrEqualTo(checkpointWhileAhead);
    assertThat(nowLater).isGreaterThanOrEqualTo(afterSwitch);
  }

  @Test
  void theClockNeverGoesBelowACheckpointAfterSwitchingBack() {
    clock("{\"mode\":\"manual\"}");
    clock("{\"advance_ms\":" + HOUR_MS + "}");
    http.post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
    http.post(
        "/__fake/changefeeds/cf/checkpoint",
        "{\"checkpoint_ts\":" + changefeed("cf").get("start_ts").asLong() + "}");
    long checkpoint = changefeed("cf").get("checkpoint_ts").asLong();

    long now = clock("{\"mode\":\"system\"}");

    assertThat(now).isGreaterThanOrEqualTo(Tso.physicalMillis(checkpoint));
    assertThat(http.post("/api/v2/tso", "{}").json().get("timestamp").asLong())
        .isGreaterThanOrEqualTo(Tso.physicalMillis(checkpoint));
  }
}
