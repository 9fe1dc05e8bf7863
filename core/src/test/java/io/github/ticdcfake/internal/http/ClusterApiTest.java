package io.github.ticdcfake.internal.http;

import static io.github.ticdcfake.internal.http.ChangefeedApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.Tso;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Status, health, log level, captures, processors, owner and TSO on a three-capture cluster, and
 * forwarding from non-owners (pingcap/tiflow cdc/api/middleware/middleware.go; pingcap/tiflow
 * cdc/api/v2/capture.go, owner.go, health.go, status.go, unsafe.go).
 */
class ClusterApiTest {
  static final Instant START = Instant.parse("2024-05-20T02:00:00Z");

  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder().captures(3).manualClock(START).seed(3).build();

  private final FakeTiCdcServer server = fake.server();
  private final FakeCluster cluster = fake.cluster();
  private final List<Capture> captures = fake.captures();
  private final TestHttp owner = fake.http(captures.get(0).id());
  private final TestHttp follower = fake.http(captures.get(1).id());

  @Test
  void statusDescribesTheCaptureThatWasAskedIndented() {
    Reply reply = follower.get("/api/v2/status");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .isEqualTo(
            "{\n"
                + "    \"version\": \"v8.5.4\",\n"
                + "    \"git_hash\": \"10413bded1bdb2850aa6d7b94eb375102e9c44dc\",\n"
                + "    \"id\": \""
                + captures.get(1).id()
                + "\",\n"
                + "    \"cluster_id\": \"default\",\n"
                + "    \"pid\": "
                + ProcessHandle.current().pid()
                + ",\n"
                + "    \"is_owner\": false,\n"
                + "    \"liveness\": 0\n"
                + "}");
    assertThat(owner.get("/api/v2/status").json().get("is_owner").asBoolean()).isTrue();
  }

  @Test
  void rootStatusIsOneSpaceIndentedAndIgnoresReadiness() {
    cluster.setReady(false);

    Reply reply = owner.get("/status");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .isEqualTo(
            "{\n \"version\": \"v8.5.4\",\n \"git_hash\": \"10413bded1bdb2850aa6d7b94eb375102e9c44dc\",\n"
                + " \"id\": \""
                + captures.get(0).id()
                + "\",\n \"pid\": "
                + ProcessHandle.current().pid()
                + ",\n \"is_owner\": true\n}");
  }

  @Test
  void everyApiV2RouteAnswers503WhileNotReady() {
    cluster.setReady(false);

    for (String path : List.of("/api/v2/status", "/api/v2/health", "/api/v2/changefeeds")) {
      Reply reply = follower.get(path);
      assertError(
          reply,
          503,
          "CDC:ErrServerIsNotReady",
          "[CDC:ErrServerIsNotReady]cdc server is not ready");
    }
  }

  @Test
  void healthIsEmptyObjectWhenHealthy() {
    Reply reply = follower.get("/api/v2/health");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{}");
  }

  @Test
  void healthOfUnhealthyClusterReturns500() {
    cluster.setHealthy(false);

    assertError(
        owner.get("/api/v2/health"),
        500,
        "CDC:ErrClusterIsUnhealthy",
        "[CDC:ErrClusterIsUnhealthy]TiCDC cluster is unhealthy");
  }

  @Test
  void capturesListsEveryLiveCaptureWithTheOwnerFlag() {
    JsonNode body = follower.get("/api/v2/captures").json();

    assertThat(body.get("total").asInt()).isEqualTo(3);
    JsonNode first = body.at("/items/0");
    assertThat(first.toString())
        .isEqualTo(
            "{\"id\":\""
                + captures.get(0).id()
                + "\",\"is_owner\":true,\"address\":\""
                + captures.get(0).address()
                + "\",\"cluster_id\":\"default\"}");
    assertThat(body.at("/items/1/is_owner").asBoolean()).isFalse();
  }

  @Test
  void captureAddressesAreTheListenersHostAndPort() {
    for (Capture capture : captures) {
      URI url = server.url(capture.id());
      assertThat(capture.address()).isEqualTo(url.getHost() + ":" + url.getPort());
    }
  }

  @Test
  void resignElectsTheNextCaptureAndKeepsCaptureIds() {
    Reply reply = owner.post("/api/v2/owner/resign", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{}");
    assertThat(cluster.owner().orElseThrow().id()).isEqualTo(captures.get(1).id());
    assertThat(cluster.captures())
        .extracting(Capture::id)
        .containsExactlyElementsOf(captures.stream().map(Capture::id).toList());
    assertThat(server.url()).isEqualTo(server.url(captures.get(1).id()));
  }

  @Test
  void nonOwnerForwardsOwnerRoutesSoAnyCaptureServesTheCluster() {
    Reply created =
        follower.post(
            "/api/v2/changefeeds", "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");

    assertThat(created.status()).isEqualTo(200);
    assertThat(fake.http(captures.get(2).id()).get("/api/v2/changefeeds/cf").status())
        .isEqualTo(200);
  }

  @Test
  void requestForwardedTooOftenFailsWithThePrefixlessForwardError() {
    Reply reply = follower.send("GET", "/api/v2/changefeeds", null, "TiCDC-ForwardTimes", "3");

    assertError(
        reply,
        500,
        "ErrRequestForwardErr",
        "[ErrRequestForwardErr]request forward error, an request can only forward to owner one"
            + " time");
  }

  @Test
  void logLevelAcceptsZapLevelsCaseInsensitively() {
    Reply reply = follower.post("/api/v2/log", "{\"log_level\":\"DEBUG\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{}");
    assertThat(cluster.logLevel(captures.get(1).id())).isEqualTo("debug");
    assertThat(cluster.logLevel(captures.get(0).id())).isEqualTo("info");
  }

  @Test
  void logLevelRejectsUnknownLevels() {
    assertError(
        owner.post("/api/v2/log", "{\"log_level\":\"warning\"}"),
        400,
        "CDC:ErrAPIInvalidParam",
        "[CDC:ErrAPIInvalidParam]fail to change log level: warning");
  }

  @Test
  void logLevelWithMalformedBodyNamesTheLogLevel() {
    Reply reply = owner.post("/api/v2/log", "{\"log_level\":1}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(reply.json().get("error_msg").asText())
        .isEqualTo(
            "[CDC:ErrAPIInvalidParam]invalid log level: json: cannot unmarshal number into Go"
                + " struct field LogLevelReq.log_level of type string");
  }

  @Test
  void tsoAnswersPhysicalAndLogicalTimeIndented() {
    Reply reply = owner.post("/api/v2/tso", "{}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .startsWith("{\n    \"timestamp\": " + START.toEpochMilli() + ",\n    \"logic_time\": ");
  }

  @Test
  void tsoIsStrictlyIncreasing() {
    long first = cluster.nextTso();
    JsonNode reply = owner.post("/api/v2/tso", "{}").json();
    long second = Tso.compose(reply.get("timestamp").asLong(), reply.get("logic_time").asLong());

    assertThat(second).isGreaterThan(first);
  }

  @Test
  void tsoWithoutBodyReturns400Eof() {
    assertThat(owner.post("/api/v2/tso", null).json().get("error_msg").asText())
        .isEqualTo("[CDC:ErrAPIInvalidParam]invalid api parameter: EOF");
  }

  @Test
  void tsoOfUnknownUpstreamReturns500() {
    assertError(
        owner.post("/api/v2/tso", "{\"id\":42}"),
        500,
        "CDC:ErrUpstreamNotFound",
        "[CDC:ErrUpstreamNotFound]upstream not found, cluster-id: 42");
  }

  // ---- processors -----------------------------------------------------------------------------

  @Test
  void processorsListOnePerRunningChangefeedAndCaptureInAllNamespaces() {
    cluster.createChangefeed(
        ChangefeedSpec.builder()
            .namespace("ns1")
            .changefeedId("a")
            .sinkUri("blackhole://")
            .build());
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("b").sinkUri("blackhole://").build());
    cluster.pauseChangefeed("default", "b");

    JsonNode body = owner.get("/api/v2/processors?namespace=default").json();

    assertThat(body.get("total").asInt()).isEqualTo(3);
    assertThat(body.at("/items/0").toString())
        .isEqualTo(
            "{\"namespace\":\"ns1\",\"changefeed_id\":\"a\",\"capture_id\":\""
                + captures.get(0).id()
                + "\"}");
  }

  @Test
  void processorShowsTheTablesOfTheCapture() {
    cluster.addUpstreamTable("test", "t1", 106, List.of("id"), List.of("id"));
    cluster.addUpstreamTable("test", "t2", 108, List.of("id"), List.of("id"));
    cluster.addUpstreamTable("test", "t3", 110, List.of("id"), List.of("id"));
    cluster.addUpstreamTable("test", "t4", 112, List.of("id"), List.of("id"));
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("cf").sinkUri("blackhole://").build());

    Reply reply = owner.get("/api/v2/processors/cf/" + captures.get(0).id());

    assertThat(reply.body()).isEqualTo("{\"table_ids\":[106,112]}");
    assertThat(owner.get("/api/v2/changefeeds/cf").json().get("task_status").toString())
        .isEqualTo(
            "[{\"capture_id\":\""
                + captures.get(0).id()
                + "\",\"table_ids\":[106,112]},{\"capture_id\":\""
                + captures.get(1).id()
                + "\",\"table_ids\":[108]},{\"capture_id\":\""
                + captures.get(2).id()
                + "\",\"table_ids\":[110]}]");
  }

  @Test
  void processorOfCaptureWithoutTablesIsEmptyList() {
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("cf").sinkUri("blackhole://").build());

    assertThat(owner.get("/api/v2/processors/cf/" + captures.get(2).id()).body())
        .isEqualTo("{\"table_ids\":[]}");
  }

  @Test
  void processorOfStoppedChangefeedReturns400() {
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("cf").sinkUri("blackhole://").build());
    cluster.pauseChangefeed("default", "cf");

    assertError(
        owner.get("/api/v2/processors/cf/" + captures.get(0).id()),
        400,
        "CDC:ErrAPIInvalidParam",
        "[CDC:ErrAPIInvalidParam]invalid api parameter: changefeed in abnormal state: stopped,"
            + " can'duration get processor of an abnormal changefeed");
  }

  @Test
  void processorWithInvalidOrUnknownIdsReturns400() {
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("cf").sinkUri("blackhole://").build());

    assertThat(owner.get("/api/v2/processors/bad_cf/x").json().get("error_msg").asText())
        .isEqualTo("[CDC:ErrAPIInvalidParam]invalid changefeed_id: bad_cf");
    assertThat(owner.get("/api/v2/processors/cf/bad_capture").json().get("error_msg").asText())
        .isEqualTo("[CDC:ErrAPIInvalidParam]invalid capture_id: bad_capture");
    assertThat(owner.get("/api/v2/processors/cf/unknown").json().get("error_msg").asText())
        .isEqualTo("[CDC:ErrCaptureNotExist]capture not exists, unknown");
    assertThat(owner.get("/api/v2/processors/nope/unknown").json().get("error_code").asText())
        .isEqualTo("CDC:ErrChangeFeedNotExists");
  }
}
