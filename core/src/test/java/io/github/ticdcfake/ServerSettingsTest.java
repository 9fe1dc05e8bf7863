package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.PdClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server-level settings on the builder and in scenario files: PD, cluster id, zone, addresses. */
class ServerSettingsTest {
  private static final Instant START = Instant.parse("2024-05-20T02:00:00Z");
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private static LocalDateTime checkpointTime(ZoneId zone) {
    try (FakeTiCdcServer server =
        FakeTiCdcServer.builder().clock(PdClock.manual(START)).timeZone(zone).start()) {
      TestHttp http = TestHttp.pooled(server.url());
      http.post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
      String text =
          http.get("/api/v2/changefeeds")
              .json()
              .get("items")
              .get(0)
              .get("checkpoint_time")
              .asText();
      return LocalDateTime.parse(text, LOCAL);
    }
  }

  @Test
  void timeZoneIsTheZoneLocalTimesAreRenderedIn() {
    LocalDateTime utc = checkpointTime(ZoneId.of("UTC"));
    LocalDateTime shanghai = checkpointTime(ZoneId.of("Asia/Shanghai"));

    assertThat(Duration.between(utc, shanghai)).isEqualTo(Duration.ofHours(8));
    assertThat(utc.toLocalDate()).hasToString("2024-05-20");
  }

  @Test
  void aTimeZoneKeepsTheTestsManualClockInCharge() {
    PdClock clock = PdClock.manual(START);
    try (FakeTiCdcServer server =
        FakeTiCdcServer.builder().clock(clock).timeZone(ZoneId.of("UTC")).start()) {
      clock.advance(Duration.ofMinutes(5));

      assertThat(server.cluster().clock().now()).isEqualTo(START.plus(Duration.ofMinutes(5)));
      assertThat(server.cluster().clock().zone()).isEqualTo(ZoneId.of("UTC"));
      assertThat(server.cluster().clock().nextTso()).isGreaterThan(clock.peekTso() - 1);
    }
  }

  @Test
  void builderKnobsReachTheCluster() {
    try (FakeTiCdcServer server =
        FakeTiCdcServer.builder()
            .pdEndpoints(List.of("https://127.0.0.1:2579"))
            .clusterId("c1")
            .advertiseAddress("cdc-0:8300")
            .tls(FakeTls.selfSigned())
            .start()) {
      assertThat(server.cluster().pdEndpoints()).containsExactly("https://127.0.0.1:2579");
      assertThat(server.cluster().clusterId()).isEqualTo("c1");
      assertThat(server.cluster().captures().get(0).address()).isEqualTo("cdc-0:8300");
      assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void advertiseAddressNeedsAPort() {
    assertThatThrownBy(() -> FakeTiCdcServer.builder().advertiseAddress("cdc-0"))
        .hasMessage("advertise address or address does not contain a port: cdc-0");
  }

  @Test
  void scenarioFilesCarryTheServerSettingsAndUpstreamUsers() {
    String scenario =
        """
        {
          "pd_endpoints": ["http://10.0.0.9:2379"],
          "cluster_id": "from-scenario",
          "time_zone": "UTC",
          "advertise_addr": "cdc-9:8300",
          "upstream": {"tables": [], "users": [{"user": "ticdc", "password": "ticdc_secret"}]}
        }
        """;
    try (FakeTiCdcServer server =
        FakeTiCdcServer.builder()
            .clientAllowedUsers(List.of("ticdc"))
            .scenarioJson(scenario)
            .start()) {
      TestHttp http = TestHttp.pooled(server.url());
      String auth =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("ticdc:ticdc_secret".getBytes(StandardCharsets.UTF_8));

      Reply created =
          http.send(
              "POST",
              "/api/v2/changefeeds",
              "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\","
                  + "\"pd_addrs\":[\"http://10.0.0.9:2379\"]}",
              "Authorization",
              auth);

      assertThat(created.status()).as(created.body()).isEqualTo(200);
      assertThat(server.cluster().clusterId()).isEqualTo("from-scenario");
      assertThat(server.cluster().clock().zone()).isEqualTo(ZoneId.of("UTC"));
      assertThat(server.cluster().captures().get(0).address()).isEqualTo("cdc-9:8300");
    }
  }

  @Test
  void scenarioServerSettingsAreValidated() {
    assertThatThrownBy(
            () -> FakeTiCdcServer.builder().scenarioJson("{\"pd_endpoints\":[\"10.0.0.9:2379\"]}"))
        .hasMessageContaining("pd_endpoints")
        .hasMessageContaining("wants http:// or https:// URLs");
    assertThatThrownBy(() -> FakeTiCdcServer.builder().scenarioJson("{\"time_zone\":\"Mars\"}"))
        .hasMessageContaining("unknown time zone 'Mars'");
    assertThatThrownBy(
            () ->
                FakeTiCdcServer.builder()
                    .scenarioJson("{\"upstream\":{\"users\":[{\"name\":\"x\"}]}}"))
        .hasMessageContaining("upstream.users[0]");
  }
}
