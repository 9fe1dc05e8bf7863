package io.github.ticdcfake.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.junit5.TiCdcServer;
import io.github.ticdcfake.junit5.TiCdcUrl;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * A scenario file seeds the cluster (tables, changefeeds in any state, fault rules); every reset
 * goes back to it. The standalone jar loads the same file with {@code --scenario}.
 */
// tag::scenario[]
@TiCdcServer(scenario = "scenarios/orders.json") // a classpath resource or a file path
class ScenarioTest {
  @Test
  void resumesTheFailedChangefeedThroughOneEtcdError(@TiCdcUrl URI url) {
    ChangefeedManager manager =
        ChangefeedManager.builder(url).sleeper(duration -> {}).build(); // retry without waiting

    assertThat(manager.get("audit").state()).isEqualTo("failed");
    manager.resume("audit"); // the scenario's fault answers the first resume with a 500

    assertThat(manager.get("audit").state()).isEqualTo("normal");
  }

  // end::scenario[]

  @Test
  void theResetBeforeThisTestRestoredTheScenario(FakeCluster cluster) {
    assertThat(cluster.captures()).hasSize(2);
    assertThat(cluster.changefeed("audit").orElseThrow().state().wireName()).isEqualTo("failed");
    assertThat(cluster.faults().rules()).hasSize(1);
  }

  @Test
  void theSameFileWithoutTheExtension() {
    try (FakeTiCdcServer server =
        FakeTiCdcServer.builder().scenarioResource("scenarios/orders.json").start()) {
      assertThat(new ChangefeedManager(server.url()).list())
          .extracting(ChangefeedSummary::id, ChangefeedSummary::state)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("audit", "failed"),
              org.assertj.core.groups.Tuple.tuple("orders", "normal"));
      assertThat(server.cluster().changefeed("orders").orElseThrow().tables().values())
          .as("only shop.orders is replicated, spread over the captures")
          .flatMap(ids -> ids)
          .hasSize(1);
    }
  }
  // tag::scenario[]
}
// end::scenario[]
