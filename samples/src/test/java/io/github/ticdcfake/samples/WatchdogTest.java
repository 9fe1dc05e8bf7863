package io.github.ticdcfake.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.junit5.TiCdcExtension;
import io.github.ticdcfake.junit5.TiCdcUrl;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The watchdog's alerts, driven by a manual PD clock: no sleeping, no flakiness. */
class WatchdogTest {
  @RegisterExtension
  static final TiCdcExtension ticdc =
      TiCdcExtension.builder()
          .clock(() -> PdClock.manual(Instant.parse("2024-05-20T02:00:00Z")))
          .initialState(
              cluster ->
                  cluster.createChangefeed(
                      ChangefeedSpec.builder()
                          .changefeedId("orders")
                          .sinkUri("blackhole://")
                          .build()))
          .build();

  private final List<Alert> alerts = new CopyOnWriteArrayList<>();
  private ChangefeedWatchdog watchdog;

  @BeforeEach
  void setUp(@TiCdcUrl URI url) {
    watchdog =
        new ChangefeedWatchdog(new ChangefeedManager(url), Duration.ofMinutes(5), alerts::add);
  }

  // tag::stall[]
  @Test
  void alertsOnceWhenTheCheckpointStalls(FakeCluster cluster) {
    cluster.clock().advance(Duration.ofMinutes(10));
    watchdog.check(); // checkpoints move with the clock: all good
    cluster.setCheckpointStalled("default", "orders", true); // still "normal", checkpoint frozen

    cluster.clock().advance(Duration.ofMinutes(4));
    watchdog.check();
    assertThat(alerts).isEmpty(); // not stalled long enough

    cluster.clock().advance(Duration.ofMinutes(1));
    watchdog.check();
    watchdog.check();
    assertThat(alerts)
        .singleElement()
        .isEqualTo(new Alert("orders", Alert.Kind.STALLED, "checkpoint has not moved for PT5M"));
  }

  // end::stall[]
  @Test
  void alertsWhenAChangefeedFails(FakeCluster cluster) {
    cluster.forceState(
        "default",
        "orders",
        ChangefeedState.FAILED,
        CdcException.of("CDC:ErrGCTTLExceeded", "gc ttl exceeded"));

    watchdog.check();

    assertThat(alerts)
        .containsExactly(
            new Alert("orders", Alert.Kind.FAILED, "failed with CDC:ErrGCTTLExceeded"));
  }

  @Test
  void aPausedChangefeedIsNotStalled(FakeCluster cluster) {
    cluster.pauseChangefeed("default", "orders");

    watchdog.check();
    cluster.clock().advance(Duration.ofHours(1));
    watchdog.check();

    assertThat(alerts).isEmpty();
  }
}
