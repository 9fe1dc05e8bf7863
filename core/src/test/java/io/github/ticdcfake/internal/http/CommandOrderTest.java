package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.PdClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Update, resume and synced read their body only after TiCDC's earlier steps passed (tiflow {@code
 * cdc/api/v2/changefeed.go}): existence, then the state gate, then the body.
 */
class CommandOrderTest {
  static FakeTiCdcServer server;
  static TestHttp http;

  @BeforeAll
  static void start() {
    server =
        FakeTiCdcServer.builder()
            .clock(PdClock.manual(Instant.parse("2024-05-20T02:00:00Z")))
            .seed(7)
            .start();
    http = TestHttp.pooled(server.url());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
    assertThat(
            http.post(
                    "/api/v2/changefeeds",
                    "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}")
                .status())
        .isEqualTo(200);
  }

  private static void assertCode(Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.body()).contains("\"error_code\": \"" + code + "\"");
  }

  @Test
  void updateOfARunningChangefeedAnswersTheStateErrorEvenForAMalformedBody() {
    assertCode(
        http.put("/api/v2/changefeeds/cf", "{\"target_ts\":"),
        400,
        "CDC:ErrChangefeedUpdateRefused");
  }

  @Test
  void updateOfAMissingChangefeedAnswersNotExistsEvenForAMalformedBody() {
    assertCode(http.put("/api/v2/changefeeds/nope", "{"), 400, "CDC:ErrChangeFeedNotExists");
  }

  @Test
  void updateOfAStoppedChangefeedReportsTheMalformedBody() {
    http.post("/api/v2/changefeeds/cf/pause", null);

    assertCode(http.put("/api/v2/changefeeds/cf", "{"), 400, "CDC:ErrAPIInvalidParam");
  }

  @Test
  void resumeOfAMissingChangefeedAnswersNotExistsBeforeItsBody() {
    assertCode(
        http.post("/api/v2/changefeeds/nope/resume", "{"), 400, "CDC:ErrChangeFeedNotExists");
  }

  @Test
  void resumeOfAnExistingChangefeedReportsTheMalformedBody() {
    assertCode(http.post("/api/v2/changefeeds/cf/resume", "{"), 400, "CDC:ErrAPIInvalidParam");
  }
}
