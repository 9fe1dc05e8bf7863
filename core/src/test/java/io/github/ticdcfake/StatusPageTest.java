package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.fault.Fault;
import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.Operation;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The status page and its JSON over plain HTTP; {@code StatusPageBrowserTest} looks at it. */
class StatusPageTest {
  private static final Instant START = Instant.parse("2024-05-20T02:00:00Z");

  private static HttpResponse<String> get(URI base, String path, String... headers) {
    return TestHttp.pooled(base).send("GET", path, null, headers).raw();
  }

  private static JsonNode json(String body) {
    try {
      return TestHttp.MAPPER.readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  @Test
  void servesOneSelfContainedPageAtBothAddresses() {
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().start()) {
      HttpResponse<String> root = get(server.url(), "/__fake/");
      HttpResponse<String> ui = get(server.url(), "/__fake/ui");

      assertThat(root.statusCode()).isEqualTo(200);
      assertThat(root.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(ui.body()).isEqualTo(root.body());
      assertThat(root.body())
          .startsWith("<!DOCTYPE html>")
          .contains("Content-Security-Policy")
          .doesNotContain("<script src", "rel=\"stylesheet\"", "@import", "url(", "innerHTML")
          .contains("new URL(\"dashboard\", window.location.href)");
      // opening the page is not a TiCDC request
      assertThat(server.cluster().journal().requests()).isEmpty();
    }
  }

  @Test
  void theDashboardDocumentHoldsWhatThePageShows() {
    PdClock clock = PdClock.manual(START);
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().captures(2).clock(clock).start()) {
      FakeCluster cluster = server.cluster();
      cluster.createChangefeed(
          ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("mysql://u:pw@db:3306/").build());
      cluster.setCheckpointStalled(FakeCluster.DEFAULT_NAMESPACE, "cf-1", true);
      clock.advance(Duration.ofSeconds(42));
      cluster.forceState(
          FakeCluster.DEFAULT_NAMESPACE,
          "cf-1",
          ChangefeedState.FAILED,
          CdcException.of("CDC:ErrGCTTLExceeded", "<b>gc</b> ttl exceeded"));
      cluster
          .faults()
          .add(
              FaultRule.on(Operation.GET_CHANGEFEED)
                  .times(2)
                  .inject(Fault.error(500, "CDC:ErrPDEtcdAPIError", "etcd")));
      TestHttp.pooled(server.url()).get("/api/v2/changefeeds/cf-1").raw();
      cluster.killCapture(cluster.captures().get(1).id());

      JsonNode d = json(get(server.url(), "/__fake/dashboard").body());

      assertThat(d.at("/clock/mode").asText()).isEqualTo("manual");
      assertThat(d.at("/clock/now_ms").asLong()).isEqualTo(START.toEpochMilli() + 42_000);
      assertThat(d.at("/captures/0/owner").asBoolean()).isTrue();
      assertThat(d.at("/captures/1/alive").asBoolean()).isFalse();
      assertThat(d.at("/changefeeds/0/state").asText()).isEqualTo("failed");
      assertThat(d.at("/changefeeds/0/lag_ms").asLong()).isGreaterThanOrEqualTo(42_000);
      assertThat(d.at("/changefeeds/0/sink_uri").asText()).doesNotContain("pw");
      assertThat(d.at("/changefeeds/0/error/code").asText()).isEqualTo("CDC:ErrGCTTLExceeded");
      assertThat(d.at("/changefeeds/0/error/message").asText()).contains("<b>gc</b> ttl");
      assertThat(d.at("/faults/0/rule/route").asText())
          .isEqualTo("GET /api/v2/changefeeds/{changefeed_id}");
      assertThat(d.at("/faults/0/fired").asInt()).isEqualTo(1);
      assertThat(d.at("/faults/0/remaining").asInt()).isEqualTo(1);
      assertThat(d.at("/requests/0/status").asInt()).isEqualTo(500);
      assertThat(d.at("/requests/0/fault").asText()).startsWith("rule 1: error 500");
      assertThat(d.at("/requests_total").asLong()).isEqualTo(1);
    }
  }

  @Test
  void withATokenThePageAcceptsItInTheUrlAndTheDataOnlyInTheHeader() {
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().adminToken("s3cret").start()) {
      URI url = server.url();

      HttpResponse<String> bare = get(url, "/__fake/");
      assertThat(bare.statusCode()).isEqualTo(401);
      assertThat(bare.body()).contains("(or open /__fake/?token=");
      assertThat(get(url, "/__fake/?token=wrong").statusCode()).isEqualTo(401);
      assertThat(get(url, "/__fake/?token=s3cret").statusCode()).isEqualTo(200);
      assertThat(get(url, "/__fake/ui?token=s3cret").statusCode()).isEqualTo(200);
      assertThat(get(url, "/__fake/dashboard?token=s3cret").statusCode()).isEqualTo(401);
      assertThat(get(url, "/__fake/state?token=s3cret").statusCode()).isEqualTo(401);
      assertThat(get(url, "/__fake/dashboard", "Authorization", "Bearer s3cret").statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void withTheAdminApiOffThereIsNoPage() {
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().adminApi(false).start()) {
      HttpResponse<String> page = get(server.url(), "/__fake/");
      assertThat(page.statusCode()).isEqualTo(404);
      assertThat(page.body()).isEqualTo("404 page not found");
    }
  }
}
