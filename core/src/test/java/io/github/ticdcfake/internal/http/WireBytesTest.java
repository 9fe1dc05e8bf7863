package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.Golden;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.PdClock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole answers byte for byte, in the two layouts gin uses (tiflow {@code cdc/api/v2}: {@code
 * c.JSON} compact, {@code c.IndentedJSON} for errors, status and tso) and with Go's HTML-safe
 * escapes where user text comes back.
 */
class WireBytesTest {
  static final Instant START = Instant.parse("2024-05-20T02:00:00Z");

  static FakeTiCdcServer server;
  static TestHttp http;

  @BeforeAll
  static void start() {
    server = FakeTiCdcServer.builder().clock(PdClock.manual(START)).seed(5).start();
    http = TestHttp.pooled(server.url());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  private static Map<String, String> node() {
    Capture capture = server.cluster().captures().get(0);
    return Map.of(
        "id", capture.id(),
        "pid", Long.toString(ProcessHandle.current().pid()),
        "version", server.cluster().version().version(),
        "gitHash", server.cluster().version().gitHash());
  }

  @Test
  void errorEnvelopeIsIndentedWithFourSpaces() {
    Reply reply = http.get("/api/v2/changefeeds/nope");

    Golden.assertMatches("error-changefeed-not-found.json", reply.body());
  }

  @Test
  void statusIsIndentedWithFourSpaces() {
    Golden.assertMatches("status-v2.json", http.get("/api/v2/status").body(), node());
  }

  @Test
  void rootStatusOfTheClassicArchitectureIsIndentedWithOneSpace() {
    Golden.assertMatches("status-root-classic.json", http.get("/status").body(), node());
  }

  @Test
  void userTextComesBackHtmlEscaped() {
    http.post(
        "/api/v2/changefeeds",
        "{\"changefeed_id\":\"cf\",\"sink_uri\":\"kafka://127.0.0.1:9092/t?protocol=canal-json"
            + "&partition-num=3\"}");

    assertThat(Golden.member(http.get("/api/v2/changefeeds/cf").body(), "sink_uri"))
        .isEqualTo("\"kafka://127.0.0.1:9092/t?protocol=canal-json\\u0026partition-num=3\"");
    Golden.assertMatches(
        "error-bad-changefeed-id.json",
        http.post(
                "/api/v2/changefeeds",
                "{\"changefeed_id\":\"<a&b>\u2028\",\"sink_uri\":\"blackhole://\"}")
            .body());
  }

  @Test
  void escapedPathsAndQueriesDecodeOverBytesLikeGo() {
    assertThat(Golden.member(http.get("/api/v2/changefeeds/%FF").body(), "error_msg"))
        .isEqualTo("\"[CDC:ErrAPIInvalidParam]invalid changefeed_id: \\ufffd\"");
    assertThat(
            Golden.member(
                http.get("/api/v2/changefeeds/cf?namespace=\uD83D\uDE00%21").body(), "error_msg"))
        .isEqualTo("\"[CDC:ErrChangeFeedNotExists]changefeed not exists, \uD83D\uDE00!/cf\"");
  }
}
