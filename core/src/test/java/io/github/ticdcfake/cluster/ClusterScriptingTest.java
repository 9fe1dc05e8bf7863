package io.github.ticdcfake.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.fault.Fault;
import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The scripting operations of {@link FakeCluster}, driven in Java without HTTP. */
class ClusterScriptingTest {
  private static final Instant START = Instant.parse("2024-05-20T02:00:00Z");
  private final PdClock clock = PdClock.manual(START);

  private FakeCluster cluster(int captures) {
    List<String> addresses =
        java.util.stream.IntStream.range(0, captures)
            .mapToObj(i -> "127.0.0.1:" + (8300 + i))
            .toList();
    return FakeCluster.builder().clock(clock).seed(7).captureAddresses(addresses).build();
  }

  private static Changefeed create(FakeCluster cluster, String id) {
    return cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId(id).sinkUri("blackhole://").build());
  }

  private static String ns() {
    return FakeCluster.DEFAULT_NAMESPACE;
  }

  @Test
  void forcedFailureCarriesTheErrorWhereTiCdcKeepsIt() {
    FakeCluster cluster = cluster(1);
    create(cluster, "cf-1");

    Changefeed failed =
        cluster.forceState(
            ns(),
            "cf-1",
            ChangefeedState.FAILED,
            CdcException.of("CDC:ErrGCTTLExceeded", "gc ttl exceeded"));

    assertThat(failed.state()).isEqualTo(ChangefeedState.FAILED);
    assertThat(failed.error())
        .get()
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo("CDC:ErrGCTTLExceeded");
              assertThat(e.message()).isEqualTo("[CDC:ErrGCTTLExceeded]gc ttl exceeded");
              assertThat(e.addr()).isEqualTo("127.0.0.1:8300");
            });
    assertThat(failed.warning()).isEmpty();
  }

  @Test
  void forcedWarningUsesTheWarningSlot() {
    FakeCluster cluster = cluster(1);
    create(cluster, "cf-1");

    Changefeed warning =
        cluster.forceState(
            ns(), "cf-1", ChangefeedState.WARNING, CdcException.of("CDC:ErrMySQLTxnError", "txn"));

    assertThat(warning.error()).isEmpty();
    assertThat(warning.warning())
        .get()
        .extracting(RunningError::code)
        .isEqualTo("CDC:ErrMySQLTxnError");
  }

  @Test
  void everyStateCanBeForced() {
    FakeCluster cluster = cluster(1);
    create(cluster, "cf-1");

    for (ChangefeedState state : ChangefeedState.values()) {
      assertThat(cluster.forceState(ns(), "cf-1", state, null).state()).isEqualTo(state);
    }
  }

  @Test
  void checkpointFollowsThePdClockUntilStalled() {
    FakeCluster cluster = cluster(1);
    long start = create(cluster, "cf-1").checkpointTs();

    clock.advance(Duration.ofSeconds(10));
    long moving = cluster.changefeed("cf-1").orElseThrow().checkpointTs();
    cluster.setCheckpointStalled(ns(), "cf-1", true);
    clock.advance(Duration.ofSeconds(10));
    Changefeed stalled = cluster.changefeed("cf-1").orElseThrow();

    assertThat(moving).isGreaterThan(start);
    assertThat(Tso.toInstant(moving)).isEqualTo(START.plusSeconds(10).minusMillis(1500));
    assertThat(stalled.checkpointTs()).isEqualTo(moving);
    assertThat(stalled.state()).isEqualTo(ChangefeedState.NORMAL);
  }

  @Test
  void lagSetsHowFarTheCheckpointTrails() {
    FakeCluster cluster = cluster(1);
    create(cluster, "cf-1");

    cluster.setCheckpointLag(ns(), "cf-1", Duration.ofMinutes(5));
    clock.advance(Duration.ofMinutes(10));

    assertThat(Tso.toInstant(cluster.changefeed("cf-1").orElseThrow().checkpointTs()))
        .isEqualTo(START.plus(Duration.ofMinutes(5)));
  }

  @Test
  void checkpointSetByTheTestStaysAndReachingTargetTsFinishes() {
    FakeCluster cluster = cluster(1);
    long target = Tso.of(START.plusSeconds(60));
    cluster.createChangefeed(
        ChangefeedSpec.builder()
            .changefeedId("cf-1")
            .sinkUri("blackhole://")
            .targetTs(target)
            .build());

    long mid = Tso.of(START.plusSeconds(30));
    cluster.setCheckpoint(ns(), "cf-1", mid);
    clock.advance(Duration.ofSeconds(120));
    assertThat(cluster.changefeed("cf-1").orElseThrow().checkpointTs()).isEqualTo(mid);

    Changefeed finished = cluster.setCheckpoint(ns(), "cf-1", target);
    assertThat(finished.state()).isEqualTo(ChangefeedState.FINISHED);
    assertThat(finished.checkpointTs()).isEqualTo(target);
  }

  @Test
  void checkpointReachesTargetTsWithTheClock() {
    FakeCluster cluster = cluster(1);
    long target = Tso.of(START.plusSeconds(60));
    cluster.createChangefeed(
        ChangefeedSpec.builder()
            .changefeedId("cf-1")
            .sinkUri("blackhole://")
            .targetTs(target)
            .build());

    clock.advance(Duration.ofSeconds(62));

    assertThat(cluster.changefeed("cf-1").orElseThrow())
        .extracting(Changefeed::state, Changefeed::checkpointTs)
        .containsExactly(ChangefeedState.FINISHED, target);
  }

  @Test
  void resignElectsTheNextCaptureAtOnceByDefault() {
    FakeCluster cluster = cluster(2);
    String first = cluster.owner().orElseThrow().id();

    cluster.resignOwner();

    assertThat(cluster.owner()).get().extracting(Capture::id).isNotEqualTo(first);
  }

  @Test
  void resignLeavesNoOwnerForTheElectionDelay() {
    FakeCluster cluster = cluster(2);
    cluster.setOwnerElectionDelay(Duration.ofSeconds(3));
    String second = cluster.captures().get(1).id();

    cluster.resignOwner();
    assertThat(cluster.owner()).isEmpty();
    assertThatThrownBy(cluster::requireOwner)
        .isInstanceOfSatisfying(
            CdcException.class, e -> assertThat(e.errorCode()).isEqualTo("CDC:ErrOwnerNotFound"));
    assertThatThrownBy(cluster::checkHealth).hasMessageContaining("CDC:ErrOwnerNotFound");

    clock.advance(Duration.ofSeconds(3));
    assertThat(cluster.owner()).get().extracting(Capture::id).isEqualTo(second);
  }

  @Test
  void killingTheCaptureAboutToBeElectedPassesTheElectionOn() {
    FakeCluster cluster = cluster(3);
    cluster.setOwnerElectionDelay(Duration.ofSeconds(3));
    String second = cluster.captures().get(1).id();
    String third = cluster.captures().get(2).id();

    cluster.resignOwner();
    cluster.killCapture(second);
    clock.advance(Duration.ofSeconds(3));

    assertThat(cluster.owner()).get().extracting(Capture::id).isEqualTo(third);
  }

  @Test
  void electingAGivenCaptureEndsTheWindow() {
    FakeCluster cluster = cluster(3);
    cluster.setOwnerElectionDelay(Duration.ofSeconds(3));
    String third = cluster.captures().get(2).id();

    cluster.resignOwner();
    cluster.electOwner(third);

    assertThat(cluster.owner()).get().extracting(Capture::id).isEqualTo(third);
    clock.advance(Duration.ofSeconds(5));
    assertThat(cluster.owner()).get().extracting(Capture::id).isEqualTo(third);
  }

  @Test
  void killingTheOwnerElectsAnotherAndMovesItsTables() {
    FakeCluster cluster = cluster(2);
    cluster.addUpstreamTable("test", "a", 0, List.of("id"), List.of("id"));
    cluster.addUpstreamTable("test", "b", 0, List.of("id"), List.of("id"));
    create(cluster, "cf-1");
    Capture owner = cluster.owner().orElseThrow();
    Capture other = cluster.captures().get(1);
    assertThat(cluster.changefeed("cf-1").orElseThrow().tables())
        .containsKeys(owner.id(), other.id());

    cluster.killCapture(owner.id());

    assertThat(cluster.owner()).get().extracting(Capture::id).isEqualTo(other.id());
    assertThat(cluster.capture(owner.id())).get().extracting(Capture::alive).isEqualTo(false);
    assertThat(cluster.liveCaptures()).extracting(Capture::id).containsExactly(other.id());
    assertThat(cluster.changefeed("cf-1").orElseThrow().tables())
        .containsOnlyKeys(other.id())
        .containsEntry(other.id(), List.of(104L, 106L));
  }

  @Test
  void killingTheLastCaptureLeavesNoOwnerAndAnAddedCaptureIsElected() {
    FakeCluster cluster = cluster(1);
    cluster.killCapture(cluster.captures().get(0).id());
    assertThat(cluster.owner()).isEmpty();

    Capture added = cluster.addCapture();

    assertThat(cluster.owner()).get().extracting(Capture::id).isEqualTo(added.id());
    assertThatThrownBy(() -> cluster.killCapture("nope")).hasMessageContaining("no capture nope");
  }

  @Test
  void addedCaptureTakesItsShareOfTables() {
    FakeCluster cluster = cluster(1);
    cluster.addUpstreamTable("test", "a", 0, List.of("id"), List.of("id"));
    cluster.addUpstreamTable("test", "b", 0, List.of("id"), List.of("id"));
    create(cluster, "cf-1");

    Capture added = cluster.addCapture();

    assertThat(added.owner()).isFalse();
    assertThat(cluster.changefeed("cf-1").orElseThrow().tables().get(added.id()))
        .containsExactly(106L);
  }

  @Test
  void gcSafepointRefusesCreatesAndResumesBelowIt() {
    FakeCluster cluster = cluster(1);
    create(cluster, "cf-1");
    cluster.forceState(ns(), "cf-1", ChangefeedState.STOPPED, null);
    cluster.setGcSafepoint(Tso.of(START.plusSeconds(1)));

    assertThatThrownBy(
            () ->
                cluster.createChangefeed(
                    ChangefeedSpec.builder()
                        .changefeedId("cf-2")
                        .sinkUri("blackhole://")
                        .startTs(Tso.of(START))
                        .build()))
        .hasMessageStartingWith("[CDC:ErrStartTsBeforeGC]");
    assertThatThrownBy(() -> cluster.resumeChangefeed(ns(), "cf-1", 0))
        .hasMessageStartingWith("[CDC:ErrStartTsBeforeGC]");
  }

  @Test
  void unhealthyAndNotReadyAreSwitches() {
    FakeCluster cluster = cluster(1);
    cluster.setHealthy(false);
    cluster.setReady(false);

    assertThatThrownBy(cluster::checkHealth)
        .hasMessage("[CDC:ErrClusterIsUnhealthy]TiCDC cluster is unhealthy");
    assertThat(cluster.isReady()).isFalse();
  }

  @Test
  void pauseWaitsForTheOwnersTickAfterReads() {
    FakeCluster cluster =
        FakeCluster.builder().clock(clock).ownerTick(OwnerTick.afterReads(2)).build();
    create(cluster, "cf-1");

    cluster.pauseChangefeed(ns(), "cf-1");

    assertThat(cluster.getChangefeed(ns(), "cf-1").state()).isEqualTo(ChangefeedState.NORMAL);
    assertThat(cluster.getChangefeed(ns(), "cf-1").state()).isEqualTo(ChangefeedState.NORMAL);
    assertThat(cluster.getChangefeed(ns(), "cf-1").state()).isEqualTo(ChangefeedState.STOPPED);
  }

  @Test
  void pauseWaitsForTheOwnersTickAfterADuration() {
    FakeCluster cluster =
        FakeCluster.builder()
            .clock(clock)
            .ownerTick(OwnerTick.after(Duration.ofSeconds(1)))
            .build();
    create(cluster, "cf-1");

    cluster.pauseChangefeed(ns(), "cf-1");
    assertThat(cluster.changefeed("cf-1").orElseThrow().state()).isEqualTo(ChangefeedState.NORMAL);
    clock.advance(Duration.ofSeconds(1));

    assertThat(cluster.changefeed("cf-1").orElseThrow().state()).isEqualTo(ChangefeedState.STOPPED);
  }

  @Test
  void awaitChangefeedStateWakesWhenTheStateChanges() throws Exception {
    FakeCluster cluster = cluster(1);
    create(cluster, "cf-1");

    CompletableFuture<Changefeed> waiting =
        CompletableFuture.supplyAsync(
            () -> cluster.awaitChangefeedState("cf-1", ChangefeedState.STOPPED));
    cluster.pauseChangefeed(ns(), "cf-1");

    assertThat(waiting.get().state()).isEqualTo(ChangefeedState.STOPPED);
  }

  @Test
  void awaitChangefeedStateNeverBlocksForever() {
    FakeCluster cluster = cluster(1);
    create(cluster, "cf-1");

    assertThatThrownBy(
            () ->
                cluster.awaitChangefeedState(
                    ns(), "cf-1", ChangefeedState.FAILED, Duration.ofMillis(30)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("changefeed default/cf-1 did not become failed within PT0.03S; it is normal");
  }

  @Test
  void resetRestoresCapturesChangefeedsAndClearsFaultsAndJournal() {
    FakeCluster cluster = cluster(2);
    create(cluster, "cf-1");
    cluster.markInitialState();
    String owner = cluster.owner().orElseThrow().id();

    cluster.killCapture(owner);
    cluster.addCapture();
    cluster.forceState(ns(), "cf-1", ChangefeedState.FAILED, null);
    create(cluster, "cf-2");
    cluster.faults().add(FaultRule.onAnyOperation().inject(Fault.status(500, "")));
    cluster.setOwnerElectionDelay(Duration.ofSeconds(1));
    cluster.reset();

    assertThat(cluster.owner()).get().extracting(Capture::id).isEqualTo(owner);
    assertThat(cluster.captures()).hasSize(2).allMatch(Capture::alive);
    assertThat(cluster.changefeeds())
        .extracting(Changefeed::id, Changefeed::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("cf-1", ChangefeedState.NORMAL));
    assertThat(cluster.faults().rules()).isEmpty();
    assertThat(cluster.journal().requests()).isEmpty();
    assertThat(cluster.ownerElectionDelay()).isZero();
  }

  @Test
  void scenarioSeedsTablesChangefeedsAndFaultsThroughTheCreateValidation() {
    FakeCluster cluster = cluster(1);
    Scenario scenario =
        Scenario.builder()
            .upstreamTable("test", "orders", List.of("id"), List.of("id"))
            .changefeed(
                ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build())
            .changefeed(
                ChangefeedSpec.builder().changefeedId("cf-2").sinkUri("blackhole://").build(),
                ChangefeedState.FAILED,
                CdcException.of("CDC:ErrGCTTLExceeded", "gc ttl exceeded"))
            .fault(FaultRule.on(Operation.PAUSE_CHANGEFEED).inject(Fault.status(503, "busy")))
            .build();

    cluster.load(scenario);

    assertThat(cluster.upstreamTables()).extracting(UpstreamTable::tableId).containsExactly(104L);
    assertThat(cluster.changefeeds())
        .extracting(Changefeed::state)
        .containsExactly(ChangefeedState.NORMAL, ChangefeedState.FAILED);
    assertThat(cluster.faults().rules()).hasSize(1);

    Scenario bad =
        Scenario.builder()
            .changefeed(ChangefeedSpec.builder().changefeedId("cf-3").sinkUri("").build())
            .build();
    assertThatThrownBy(() -> cluster.load(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("changefeeds[0] (cf-3): [CDC:ErrSinkURIInvalid]");
  }
}
