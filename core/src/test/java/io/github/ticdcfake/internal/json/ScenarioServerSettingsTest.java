package io.github.ticdcfake.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.cluster.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenario document's server settings render and parse back unchanged. */
class ScenarioServerSettingsTest {
  @Test
  void serverSettingsRoundTrip() {
    Scenario scenario =
        Scenario.builder()
            .pdEndpoints(List.of("https://127.0.0.1:2579"))
            .clusterId("c1")
            .timeZone(ZoneId.of("Asia/Shanghai"))
            .advertiseAddress("cdc-0:8300")
            .upstreamUser("ticdc", "ticdc_secret")
            .upstreamUser("root", "")
            .build();

    byte[] rendered = ScenarioJson.render(scenario);
    Scenario parsed = ScenarioJson.parse(rendered);

    assertThat(new String(rendered, StandardCharsets.UTF_8))
        .contains("\"pd_endpoints\"", "\"cluster_id\"", "\"time_zone\"", "\"advertise_addr\"")
        .contains("\"users\"");
    assertThat(parsed.pdEndpoints()).containsExactly("https://127.0.0.1:2579");
    assertThat(parsed.clusterId()).contains("c1");
    assertThat(parsed.timeZone()).contains(ZoneId.of("Asia/Shanghai"));
    assertThat(parsed.advertiseAddress()).contains("cdc-0:8300");
    assertThat(parsed.upstreamUsers())
        .containsExactly(
            java.util.Map.entry("ticdc", "ticdc_secret"), java.util.Map.entry("root", ""));
  }

  @Test
  void aScenarioWithoutServerSettingsRendersNone() {
    String rendered =
        new String(ScenarioJson.render(Scenario.builder().build()), StandardCharsets.UTF_8);

    assertThat(rendered)
        .doesNotContain("pd_endpoints", "cluster_id", "time_zone", "advertise_addr", "users");
  }
}
