package io.github.ticdcfake.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.fault.Operation;
import io.github.ticdcfake.junit5.TiCdcExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The owner moves while the manager works: an election window, then a killed capture. */
class OwnerChangeTest {
  @RegisterExtension
  static final TiCdcExtension ticdc =
      TiCdcExtension.builder()
          .captures(3)
          .clock(() -> PdClock.manual(Instant.parse("2024-05-20T02:00:00Z")))
          .server(server -> server.ownerElectionDelay(Duration.ofSeconds(1)))
          .initialState(
              cluster ->
                  cluster.createChangefeed(
                      ChangefeedSpec.builder()
                          .changefeedId("orders")
                          .sinkUri("blackhole://")
                          .build()))
          .build();

  // tag::owner-resign[]
  @Test
  void ridesOutAnOwnerElection(FakeTiCdcServer server, FakeCluster cluster) {
    ChangefeedManager manager =
        ChangefeedManager.builder(server.url())
            .retries(10, Duration.ofMillis(200), Duration.ofSeconds(1))
            .sleeper(cluster.clock()::advance) // waiting moves the fake's PD clock
            .build();
    cluster.resignOwner(); // no owner for 1 s of PD time: owner routes answer 500

    manager.pause("orders");

    assertThat(cluster.journal().requests(Operation.PAUSE_CHANGEFEED))
        .extracting(r -> r.status())
        .containsExactly(
            500, 500, 500, 200); // CDC:ErrOwnerNotFound for 1 s: backoff 200, 400, 800 ms
    assertThat(cluster.changefeed("orders").orElseThrow().state())
        .isEqualTo(ChangefeedState.STOPPED);
  }

  // end::owner-resign[]
  // tag::capture-kill[]
  @Test
  void failsOverWhenItsCaptureIsKilled(FakeTiCdcServer server, FakeCluster cluster) {
    URI[] captures = server.captureUrls().toArray(URI[]::new); // the owner first
    ChangefeedManager manager =
        ChangefeedManager.builder(captures).sleeper(cluster.clock()::advance).build();
    Capture owner = cluster.owner().orElseThrow();

    cluster.killCapture(owner.id()); // its port refuses connections; a new owner is elected
    manager.pause("orders");

    assertThat(manager.currentEndpoint()).isEqualTo(captures[1]);
    assertThat(cluster.owner().orElseThrow().id()).isNotEqualTo(owner.id());
    assertThat(cluster.changefeed("orders").orElseThrow().state())
        .isEqualTo(ChangefeedState.STOPPED);
  }
  // end::capture-kill[]
}
