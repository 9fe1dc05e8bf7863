package io.github.ticdcfake.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.fault.ConnectionFault;
import io.github.ticdcfake.fault.Fault;
import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.Operation;
import io.github.ticdcfake.junit5.TiCdcServer;
import io.github.ticdcfake.junit5.TiCdcUrl;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault rules: the retries and backoff of the manager, each against one kind of failure. */
@TiCdcServer
class FaultInjectionTest {
  private final List<Duration> backoffs = new CopyOnWriteArrayList<>();
  private ChangefeedManager manager;

  @BeforeEach
  void setUp(FakeCluster cluster, @TiCdcUrl URI url) {
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("orders").sinkUri("blackhole://").build());
    manager =
        ChangefeedManager.builder(url)
            .requestTimeout(Duration.ofSeconds(2))
            .retries(4, Duration.ofMillis(100), Duration.ofSeconds(1))
            .sleeper(backoffs::add) // records the backoff instead of sleeping
            .build();
  }

  // tag::fail-twice[]
  @Test
  void retriesTwoServerErrorsWithBackoff(FakeCluster cluster) {
    cluster
        .faults()
        .add(
            FaultRule.on(Operation.PAUSE_CHANGEFEED)
                .forChangefeed("orders")
                .times(2) // fail twice, then succeed
                .inject(Fault.error(500, "CDC:ErrPDEtcdAPIError", "etcd api call error")));

    manager.pause("orders");

    assertThat(cluster.journal().count(Operation.PAUSE_CHANGEFEED, "orders")).isEqualTo(3);
    assertThat(backoffs).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  // end::fail-twice[]
  // tag::connection-reset[]
  @Test
  void retriesAConnectionReset(FakeCluster cluster) {
    cluster
        .faults()
        .add(FaultRule.on(Operation.PAUSE_CHANGEFEED).times(1).inject(ConnectionFault.RESET));

    manager.pause("orders"); // java.net.http retries a reset GET by itself, a POST it does not

    assertThat(backoffs).hasSize(1);
    assertThat(cluster.changefeed("orders").orElseThrow().state())
        .isEqualTo(ChangefeedState.STOPPED);
  }

  // end::connection-reset[]
  // tag::delay[]
  @Test
  void retriesAnAnswerSlowerThanItsTimeout(FakeCluster cluster) {
    cluster
        .faults()
        .add(
            FaultRule.on(Operation.LIST_CHANGEFEEDS)
                .times(1)
                .inject(Fault.delay(Duration.ofSeconds(10)))); // the client gives up after 2 s

    assertThat(manager.list()).extracting(ChangefeedSummary::id).containsExactly("orders");
    assertThat(backoffs).hasSize(1);
  }

  // end::delay[]
  // tag::commit-then-fail[]
  @Test
  void createThatWentThroughBeforeA500IsNotCreatedTwice(FakeCluster cluster) {
    cluster
        .faults()
        .add(
            FaultRule.on(Operation.CREATE_CHANGEFEED)
                .times(1)
                .applyFirst() // the changefeed is created, yet the client sees a 500
                .inject(CdcError.OWNER_NOT_FOUND.asFault()));

    manager.create("audit", "blackhole://");

    // the retry was answered CDC:ErrChangeFeedAlreadyExists, which the manager takes as success
    assertThat(cluster.journal().requests(Operation.CREATE_CHANGEFEED))
        .extracting(r -> r.status())
        .containsExactly(500, 500);
    assertThat(cluster.changefeed("audit").orElseThrow().state()).isEqualTo(ChangefeedState.NORMAL);
  }

  // end::commit-then-fail[]
  @Test
  void givesUpAfterItsAttemptsAndSaysWhy(FakeCluster cluster) {
    cluster.faults().add(FaultRule.on(Operation.RESUME_CHANGEFEED).inject(Fault.status(503, "")));

    assertThatThrownBy(() -> manager.resume("orders"))
        .isInstanceOfSatisfying(
            TiCdcApiException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(backoffs)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void doesNotRetryAClientError(FakeCluster cluster) {
    assertThatThrownBy(() -> manager.create("orders", "blackhole://"))
        .isInstanceOfSatisfying(
            TiCdcApiException.class,
            e -> assertThat(e.errorCode()).isEqualTo("CDC:ErrChangeFeedAlreadyExists"));
    assertThat(backoffs).isEmpty();
  }
}
