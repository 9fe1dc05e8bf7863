package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET …/synced} and the reads that do not check the id in the new architecture
 * (pingcap/ticdc {@code api/v2/changefeed.go@v26.3.4} synced, status, GetChangeFeed).
 */
class NewArchSyncedTest {
  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder()
          .version(TiCdcVersion.V26_3_NEWARCH)
          .manualClock(Instant.parse("2024-05-20T02:00:00Z"))
          .seed(7)
          .build();

  private final TestHttp http = fake.http();

  @Test
  void aCaughtUpChangefeedIsReportedInTheNewArchitecturesWords() {
    http.post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
    fake.cluster().clock().advance(Duration.ofMinutes(10));

    JsonNode synced = http.get("/api/v2/changefeeds/cf/synced").json();

    assertThat(synced.get("synced").asBoolean()).isTrue();
    assertThat(synced.get("info").asText()).isEqualTo("The data syncing is finished");
  }

  @Test
  void getStatusAndSyncedTakeAMalformedIdForAMissingOne() {
    for (String path :
        new String[] {
          "/api/v2/changefeeds/bad_id",
          "/api/v2/changefeeds/bad_id/status",
          "/api/v2/changefeeds/bad_id/synced"
        }) {
      Reply reply = http.get(path);

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().get("error_msg").asText())
          .isEqualTo("[CDC:ErrChangeFeedNotExists]changefeed not exists, bad_id");
    }
    // pause still checks it
    assertThat(http.post("/api/v2/changefeeds/bad_id/pause", null).json().get("error_msg").asText())
        .isEqualTo("[CDC:ErrAPIInvalidParam]invalid changefeed_id: bad_id");
  }
}
