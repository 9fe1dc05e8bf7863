package io.github.ticdcfake.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code @TiCdcServer(scenario = ...)} seeds the cluster and every reset goes back to it. */
class ScenarioTest {
  @Test
  void scenarioSeedsTheClusterAndResetsReapplyIt() {
    var results = EngineKit.run(SeededTestCase.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @EngineKit.Fixture
  @TiCdcServer(scenario = "scenarios/two-changefeeds.json")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class SeededTestCase {
    @Test
    @Order(1)
    void seeded(FakeCluster cluster) {
      assertThat(cluster.captures()).hasSize(2);
      assertThat(cluster.changefeed("cf-2").orElseThrow().state())
          .isEqualTo(ChangefeedState.FAILED);
      cluster.removeChangefeed("default", "cf-1");
      cluster.createChangefeed(
          ChangefeedSpec.builder().changefeedId("extra").sinkUri("blackhole://").build());
    }

    @Test
    @Order(2)
    void resetGoesBackToTheScenario(FakeCluster cluster) {
      assertThat(cluster.changefeed("cf-1")).isPresent();
      assertThat(cluster.changefeed("extra")).isEmpty();
      assertThat(cluster.upstreamTables()).hasSize(1);
    }
  }
}
