package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.FakeCluster;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error of the {@code /__fake} admin API carries a {@code FAKE:} code and names what was
 * wrong; {@code /api/v2} keeps TiCDC's codes for the same mistakes.
 */
class AdminErrorCodesTest {
  private final FakeTiCdcServer server = FakeTiCdcServer.builder().captures(2).start();
  private final FakeCluster cluster = server.cluster();
  private final TestHttp http = TestHttp.pooled(server.url());

  AdminErrorCodesTest() {
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
  }

  @AfterEach
  void close() {
    server.close();
  }

  private static Arguments bad(
      String method, String path, String body, int status, String code, String named) {
    return Arguments.of(method, path, body, status, code, named);
  }

  static Stream<Arguments> badAdminRequests() {
    return Stream.of(
        bad(
            "POST",
            "/__fake/changefeeds/cf-9/state",
            "{\"state\":\"failed\"}",
            404,
            "FAKE:ErrChangefeedNotFound",
            "default/cf-9"),
        bad(
            "POST",
            "/__fake/changefeeds/cf-9/checkpoint",
            "{\"lag_ms\":1}",
            404,
            "FAKE:ErrChangefeedNotFound",
            "default/cf-9"),
        bad(
            "POST",
            "/__fake/changefeeds/cf-1/state?namespace=other",
            "{\"state\":\"failed\"}",
            404,
            "FAKE:ErrChangefeedNotFound",
            "other/cf-1"),
        bad(
            "POST",
            "/__fake/changefeeds/bad_id!/state",
            "{\"state\":\"failed\"}",
            400,
            "FAKE:ErrInvalidChangefeedId",
            "bad_id!"),
        bad(
            "POST",
            "/__fake/changefeeds/-x/checkpoint",
            "{\"stalled\":true}",
            400,
            "FAKE:ErrInvalidChangefeedId",
            "-x"),
        bad(
            "POST",
            "/__fake/changefeeds/cf-1/state",
            "{\"state\":\"paused\"}",
            400,
            "FAKE:ErrInvalidField",
            "paused"),
        bad(
            "POST",
            "/__fake/changefeeds/cf-1/state",
            "{\"state\":",
            400,
            "FAKE:ErrInvalidField",
            "not valid JSON"),
        bad(
            "POST",
            "/__fake/changefeeds/cf-1/checkpoint",
            "[1]",
            400,
            "FAKE:ErrInvalidField",
            "expected a JSON object"),
        bad("POST", "/__fake/faults", "", 400, "FAKE:ErrInvalidField", "body"),
        bad(
            "POST",
            "/__fake/faults",
            "{\"route\":\"*\",\"times\":0}",
            400,
            "FAKE:ErrInvalidField",
            "times"),
        bad("POST", "/__fake/changefeeds", "{oops}", 400, "FAKE:ErrInvalidField", "not valid JSON"),
        bad(
            "POST",
            "/__fake/changefeeds",
            "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}",
            409,
            "FAKE:ErrChangefeedExists",
            "cf-1"),
        bad(
            "POST",
            "/__fake/changefeeds",
            "{\"changefeed_id\":\"cf-2\",\"sink_uri\":\"nope://x\"}",
            400,
            "FAKE:ErrChangefeedRejected",
            "CDC:ErrSinkURIInvalid"),
        bad(
            "POST",
            "/__fake/owner",
            "{\"capture_id\":\"no-such\"}",
            404,
            "FAKE:ErrCaptureNotFound",
            "no-such"),
        bad("DELETE", "/__fake/captures/no-such", null, 404, "FAKE:ErrCaptureNotFound", "no-such"),
        bad(
            "POST",
            "/__fake/owner",
            "{\"election_delay_ms\":-1}",
            400,
            "FAKE:ErrInvalidField",
            "election_delay_ms"),
        bad("POST", "/__fake/clock", "{\"mode\":\"fast\"}", 400, "FAKE:ErrInvalidField", "mode"),
        bad("POST", "/__fake/clock", "{}", 400, "FAKE:ErrInvalidField", "advance_ms"),
        bad(
            "POST",
            "/__fake/health",
            "{\"healthy\":\"no\"}",
            400,
            "FAKE:ErrInvalidField",
            "healthy"),
        bad(
            "POST",
            "/__fake/gc_safepoint",
            "{\"gc_safepoint\":-5}",
            400,
            "FAKE:ErrInvalidField",
            "gc_safepoint"),
        bad(
            "POST",
            "/__fake/upstream/tables",
            "{\"schema\":\"test\"}",
            400,
            "FAKE:ErrInvalidField",
            "table"),
        bad("GET", "/__fake/requests?limit=-1", null, 400, "FAKE:ErrInvalidQuery", "limit"),
        bad("GET", "/__fake/requests?since=x", null, 400, "FAKE:ErrInvalidQuery", "since"),
        bad("GET", "/__fake/nothing", null, 404, "FAKE:ErrNotFound", "/__fake/nothing"),
        bad("PUT", "/__fake/reset", "", 405, "FAKE:ErrMethodNotAllowed", "PUT"));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("badAdminRequests")
  void answersAFakeCodeNamingTheProblem(
      String method, String path, String body, int status, String code, String named) {
    TestHttp.Reply reply = http.send(method, path, body);

    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonNode envelope = reply.json();
    assertThat(envelope.get("error_code").asText()).isEqualTo(code);
    assertThat(envelope.get("error_msg").asText()).startsWith("[" + code + "]").contains(named);
  }

  @Test
  void electingAKilledCaptureIsAFakeError() {
    String second = cluster.captures().get(1).id();
    cluster.killCapture(second);

    TestHttp.Reply reply = http.post("/__fake/owner", "{\"capture_id\":\"" + second + "\"}");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.json().get("error_code").asText()).isEqualTo("FAKE:ErrCaptureNotAlive");
    assertThat(reply.json().get("error_msg").asText()).contains(second);
  }

  @Test
  void aSeedWithABadStateCreatesNothing() {
    TestHttp.Reply reply =
        http.post(
            "/__fake/changefeeds",
            "{\"changefeed_id\":\"cf-2\",\"sink_uri\":\"blackhole://\",\"state\":\"paused\"}");

    assertThat(reply.json().get("error_code").asText()).isEqualTo("FAKE:ErrInvalidField");
    assertThat(cluster.changefeed("cf-2")).isEmpty();
  }

  @Test
  void apiV2KeepsTiCdcsCodes() {
    TestHttp.Reply unknown = http.get("/api/v2/changefeeds/cf-9");
    TestHttp.Reply badId = http.post("/api/v2/changefeeds/bad_id!/pause", "");

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("error_code").asText()).isEqualTo("CDC:ErrChangeFeedNotExists");
    assertThat(badId.json().get("error_code").asText()).isEqualTo("CDC:ErrAPIInvalidParam");
  }
}
