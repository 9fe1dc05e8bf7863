package io.github.ticdcfake.samples;

import static io.github.ticdcfake.assertj.TiCdcAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.OwnerTick;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.fault.Operation;
import io.github.ticdcfake.junit5.TiCdcExtension;
import io.github.ticdcfake.junit5.TiCdcUrl;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code @RegisterExtension} with the builder: a manual PD clock, an owner that applies pause and
 * resume only after a few reads (so polling is exercised), and a seeded initial state.
 */
class BuilderTest {
  // tag::builder[]
  @RegisterExtension
  static final TiCdcExtension ticdc =
      TiCdcExtension.builder()
          .captures(2)
          .clock(() -> PdClock.manual(Instant.parse("2024-05-20T02:00:00Z")))
          .ownerTick(OwnerTick.afterReads(2)) // pause/resume show after 2 more GETs
          .initialState(
              cluster ->
                  cluster.createChangefeed(
                      ChangefeedSpec.builder()
                          .changefeedId("orders")
                          .sinkUri("kafka://127.0.0.1:9092/orders?protocol=canal-json")
                          .build()))
          .build();

  // end::builder[]
  private static ChangefeedManager manager(URI url) {
    return ChangefeedManager.builder(url).sleeper(duration -> {}).build(); // poll without waiting
  }

  // tag::polling[]
  @Test
  void updatesTheSinkByPausingAndResumingWithPolling(FakeCluster cluster, @TiCdcUrl URI url) {
    ChangefeedInfo updated =
        manager(url)
            .update(
                "orders",
                Map.of("sink_uri", "kafka://127.0.0.1:9092/orders-v2?protocol=canal-json"));

    assertThat(updated.state()).isEqualTo("normal");
    assertThat(cluster)
        .hasReceived(Operation.PAUSE_CHANGEFEED, "orders", 1)
        .hasReceived(Operation.UPDATE_CHANGEFEED, "orders", 1)
        .hasReceived(Operation.RESUME_CHANGEFEED, "orders", 1)
        .changefeed("orders")
        .hasState(ChangefeedState.NORMAL);
    // the manager had to poll: each state change became visible on the third GET
    assertThat(cluster.journal().count(Operation.GET_CHANGEFEED, "orders")).isGreaterThan(6);
  }

  // end::polling[]
  // tag::lag[]
  @Test
  void listsLagComputedFromTheCheckpoint(FakeCluster cluster, @TiCdcUrl URI url) {
    cluster.clock().advance(Duration.ofMinutes(1)); // checkpoints follow, 1.5 s behind
    cluster.setCheckpointStalled("default", "orders", true);
    cluster.clock().advance(Duration.ofSeconds(30));

    assertThat(manager(url).list())
        .singleElement()
        .satisfies(cf -> assertThat(cf.lag()).isEqualTo(Duration.ofMillis(31_500)));
  }
  // end::lag[]
}
