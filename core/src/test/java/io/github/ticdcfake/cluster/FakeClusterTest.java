package io.github.ticdcfake.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The domain without HTTP: clock, state machine, owner, reset (pingcap/tiflow
 * cdc/owner/feed_state_manager.go; pingcap/tiflow cdc/owner/owner.go).
 */
class FakeClusterTest {
  static final Instant START = Instant.parse("2024-05-20T02:00:00Z");

  private final PdClock clock = PdClock.manual(START);

  private FakeCluster cluster(OwnerTick tick) {
    return FakeCluster.builder()
        .clock(clock)
        .ownerTick(tick)
        .seed(1)
        .captureAddresses(List.of("127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3"))
        .build();
  }

  private static ChangefeedSpec blackhole(String id) {
    return ChangefeedSpec.builder().changefeedId(id).sinkUri("blackhole://").build();
  }

  @Test
  void tsoLayoutMatchesPd() {
    assertThat(Tso.of(START)).isEqualTo(449883773337600000L);
    assertThat(Tso.physicalMillis(449883773337600005L)).isEqualTo(START.toEpochMilli());
    assertThat(Tso.logical(449883773337600005L)).isEqualTo(5);
  }

  @Test
  void tsosAreStrictlyIncreasingEvenWhenTheClockStandsStill() {
    long first = clock.nextTso();
    long second = clock.nextTso();

    assertThat(first).isEqualTo(449883773337600000L);
    assertThat(second).isEqualTo(first + 1);
  }

  @Test
  void createStartsNormalWithCheckpointAndResolvedAtStartTs() {
    Changefeed cf = cluster(OwnerTick.immediate()).createChangefeed(blackhole("cf"));

    assertThat(cf.state()).isEqualTo(ChangefeedState.NORMAL);
    assertThat(cf.checkpointTs()).isEqualTo(cf.startTs()).isEqualTo(cf.resolvedTs());
    assertThat(cf.adminJobType()).isZero();
  }

  @Test
  void checkpointNeverPassesResolvedAndFreezesWhileStopped() {
    FakeCluster cluster = cluster(OwnerTick.immediate());
    cluster.createChangefeed(blackhole("cf"));
    clock.advance(Duration.ofSeconds(30));
    Changefeed running = cluster.changefeed("cf").orElseThrow();

    cluster.pauseChangefeed("default", "cf");
    clock.advance(Duration.ofSeconds(30));
    Changefeed stopped = cluster.changefeed("cf").orElseThrow();

    assertThat(running.checkpointTs()).isLessThanOrEqualTo(running.resolvedTs());
    assertThat(Tso.physicalMillis(running.checkpointTs()))
        .isEqualTo(START.plusSeconds(30).toEpochMilli() - 1500);
    assertThat(stopped.checkpointTs()).isEqualTo(running.checkpointTs());
  }

  @Test
  void checkpointReachingTargetTsFinishesTheChangefeed() {
    FakeCluster cluster = cluster(OwnerTick.immediate());
    long target = Tso.of(START.plusSeconds(10));
    cluster.createChangefeed(
        ChangefeedSpec.builder()
            .changefeedId("cf")
            .sinkUri("blackhole://")
            .targetTs(target)
            .build());

    clock.advance(Duration.ofSeconds(20));

    Changefeed cf = cluster.changefeed("cf").orElseThrow();
    assertThat(cf.state()).isEqualTo(ChangefeedState.FINISHED);
    assertThat(cf.checkpointTs()).isEqualTo(target);
    assertThat(cf.adminJobType()).isEqualTo(4);
  }

  @Test
  void stalledCheckpointStaysWhileStateStaysNormal() {
    FakeCluster cluster = cluster(OwnerTick.immediate());
    cluster.createChangefeed(blackhole("cf"));
    clock.advance(Duration.ofSeconds(5));
    cluster.setCheckpointStalled("default", "cf", true);
    long frozen = cluster.changefeed("cf").orElseThrow().checkpointTs();

    clock.advance(Duration.ofMinutes(10));

    Changefeed cf = cluster.changefeed("cf").orElseThrow();
    assertThat(cf.state()).isEqualTo(ChangefeedState.NORMAL);
    assertThat(cf.checkpointTs()).isEqualTo(frozen);
  }

  @Test
  void ownerTickAfterReadsKeepsTheOldStateVisibleForThatManyReads() {
    FakeCluster cluster = cluster(OwnerTick.afterReads(2));
    cluster.createChangefeed(blackhole("cf"));

    cluster.pauseChangefeed("default", "cf");

    assertThat(cluster.getChangefeed("default", "cf").state()).isEqualTo(ChangefeedState.NORMAL);
    assertThat(cluster.getChangefeed("default", "cf").state()).isEqualTo(ChangefeedState.NORMAL);
    assertThat(cluster.getChangefeed("default", "cf").state()).isEqualTo(ChangefeedState.STOPPED);
  }

  @Test
  void ownerTickAfterDurationWaitsForThePdClock() {
    FakeCluster cluster = cluster(OwnerTick.after(Duration.ofMillis(200)));
    cluster.createChangefeed(blackhole("cf"));

    cluster.pauseChangefeed("default", "cf");
    ChangefeedState before = cluster.getChangefeed("default", "cf").state();
    clock.advance(Duration.ofMillis(200));

    assertThat(before).isEqualTo(ChangefeedState.NORMAL);
    assertThat(cluster.getChangefeed("default", "cf").state()).isEqualTo(ChangefeedState.STOPPED);
  }

  @Test
  void resumeClearsTheErrorOfAFailedChangefeed() {
    FakeCluster cluster = cluster(OwnerTick.immediate());
    cluster.createChangefeed(blackhole("cf"));
    cluster.forceState(
        "default", "cf", ChangefeedState.FAILED, CdcException.of("CDC:ErrGCTTLExceeded", "x"));

    cluster.resumeChangefeed("default", "cf", 0);

    Changefeed cf = cluster.changefeed("cf").orElseThrow();
    assertThat(cf.state()).isEqualTo(ChangefeedState.NORMAL);
    assertThat(cf.error()).isEmpty();
  }

  @Test
  void resignRotatesOwnershipThroughLiveCaptures() {
    FakeCluster cluster = cluster(OwnerTick.immediate());
    List<Capture> captures = cluster.captures();

    cluster.resignOwner();
    String second = cluster.owner().orElseThrow().id();
    cluster.resignOwner();
    cluster.resignOwner();

    assertThat(second).isEqualTo(captures.get(1).id());
    assertThat(cluster.owner().orElseThrow().id()).isEqualTo(captures.get(0).id());
  }

  @Test
  void resetRestoresChangefeedsOwnerAndClock() {
    FakeCluster cluster = cluster(OwnerTick.immediate());
    String owner = cluster.owner().orElseThrow().id();
    cluster.createChangefeed(blackhole("cf"));
    cluster.resignOwner();
    cluster.setHealthy(false);
    clock.advance(Duration.ofHours(1));

    cluster.reset();

    assertThat(cluster.changefeeds()).isEmpty();
    assertThat(cluster.owner().orElseThrow().id()).isEqualTo(owner);
    assertThat(cluster.isHealthy()).isTrue();
    assertThat(clock.now()).isEqualTo(START);
    assertThat(clock.nextTso()).isEqualTo(Tso.of(START));
  }

  @Test
  void seededClustersAreReproducible() {
    FakeCluster a = cluster(OwnerTick.immediate());
    FakeCluster b = cluster(OwnerTick.immediate());

    assertThat(a.captures()).isEqualTo(b.captures());
    assertThat(a.upstreamId()).isEqualTo(b.upstreamId());
  }

  @Test
  void ineligibleTablesRefuseCreateUnlessIgnoredOrForced() {
    FakeCluster cluster = cluster(OwnerTick.immediate());
    cluster.addUpstreamTable("test", "logs", 0, List.of("line"), List.of());

    assertThatThrownBy(() -> cluster.createChangefeed(blackhole("cf")))
        .isInstanceOf(CdcException.class)
        .hasMessage(
            "[CDC:ErrTableIneligible]some tables are not eligible to replicate([test.logs]), if you"
                + " want to ignore these tables, please set ignore_ineligible_table to true");
    cluster.createChangefeed(
        ChangefeedSpec.builder()
            .changefeedId("ignored")
            .sinkUri("blackhole://")
            .replicaConfig(java.util.Map.of("ignore_ineligible_table", true))
            .build());
    assertThat(cluster.changefeed("ignored")).isPresent();
  }

  @Test
  void filterRulesDecideWhichTablesAChangefeedReplicates() {
    FakeCluster cluster = cluster(OwnerTick.immediate());
    cluster.addUpstreamTable("app", "orders", 200, List.of("id"), List.of("id"));
    cluster.addUpstreamTable("app", "tmp_x", 202, List.of("id"), List.of("id"));
    cluster.addUpstreamTable("mysql", "user", 204, List.of("id"), List.of("id"));

    cluster.createChangefeed(
        ChangefeedSpec.builder()
            .changefeedId("cf")
            .sinkUri("blackhole://")
            .replicaConfig(
                java.util.Map.of("filter", java.util.Map.of("rules", List.of("*.*", "!app.tmp_*"))))
            .build());

    assertThat(cluster.changefeed("cf").orElseThrow().tables().values())
        .flatMap(ids -> ids)
        .containsExactly(200L);
  }

  @Test
  void badFilterRuleIsRefused() {
    FakeCluster cluster = cluster(OwnerTick.immediate());

    assertThatThrownBy(
            () ->
                cluster.createChangefeed(
                    ChangefeedSpec.builder()
                        .changefeedId("cf")
                        .sinkUri("blackhole://")
                        .replicaConfig(
                            java.util.Map.of("filter", java.util.Map.of("rules", List.of("nodot"))))
                        .build()))
        .isInstanceOf(CdcException.class)
        .extracting(e -> ((CdcException) e).errorCode())
        .isEqualTo("CDC:ErrFilterRuleInvalid");
  }

  @Test
  void anIdleChangefeedCatchesUpExactlyLikeOneReadOnEveryTick() {
    FakeCluster cluster = cluster(OwnerTick.immediate());
    cluster.createChangefeed(
        ChangefeedSpec.builder()
            .changefeedId("watched")
            .sinkUri("blackhole://")
            .startTs(Tso.of(START.minusSeconds(60)))
            .build());
    cluster.createChangefeed(
        ChangefeedSpec.builder()
            .changefeedId("idle")
            .sinkUri("blackhole://")
            .startTs(Tso.of(START.minusSeconds(60)))
            .build());

    for (int step = 0; step < 50; step++) {
      clock.advance(Duration.ofMillis(700));
      cluster.getChangefeed("default", "watched"); // ticks; "idle" is not visited
    }
    Changefeed watched = cluster.changefeed("watched").orElseThrow();
    Changefeed idle = cluster.changefeed("idle").orElseThrow();

    assertThat(idle.checkpointTs()).isEqualTo(watched.checkpointTs());
    assertThat(idle.resolvedTs()).isEqualTo(watched.resolvedTs());
    assertThat(cluster.listChangefeeds("default", "all"))
        .extracting(Changefeed::checkpointTs)
        .containsOnly(watched.checkpointTs());
  }

  @Test
  void aQueuedPauseStillLandsOnTheTickWhenItIsDue() {
    FakeCluster cluster = cluster(OwnerTick.after(Duration.ofSeconds(2)));
    cluster.createChangefeed(blackhole("paused"));
    cluster.createChangefeed(blackhole("other"));
    cluster.pauseChangefeed("default", "paused");
    clock.advance(Duration.ofSeconds(3));
    cluster.getChangefeed("default", "other"); // the tick that applies the due stop
    long frozen = cluster.changefeed("paused").orElseThrow().checkpointTs();

    clock.advance(Duration.ofSeconds(30));

    Changefeed paused = cluster.changefeed("paused").orElseThrow();
    assertThat(paused.state()).isEqualTo(ChangefeedState.STOPPED);
    assertThat(paused.checkpointTs()).isEqualTo(frozen);
  }
}
