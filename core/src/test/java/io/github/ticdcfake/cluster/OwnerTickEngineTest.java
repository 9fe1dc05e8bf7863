package io.github.ticdcfake.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.cluster.ChangefeedEntry.JobType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The owner's tick on its own: jobs, their timing policies and checkpoint progress. */
class OwnerTickEngineTest {
  private static final Instant START = Instant.parse("2024-05-20T02:00:00Z");

  private final PdClock clock = PdClock.manual(START);
  private final ClusterState state = new ClusterState();

  private ChangefeedEntry normal() throws SinkUri.ParseException {
    ChangefeedEntry entry =
        new ChangefeedEntry("default", "cf", START, "v8.5.4", SinkUri.parse("blackhole://"));
    long startTs = Tso.of(START);
    entry.startTs = startTs;
    entry.checkpointTs = startTs;
    entry.resolvedTs = startTs;
    entry.checkpointLagMillis = 1500;
    entry.resolvedLagMillis = 500;
    entry.lastProgressMillis = START.toEpochMilli();
    return entry;
  }

  @Test
  void anImmediateJobIsAppliedWhenQueued() throws Exception {
    OwnerTickEngine engine = new OwnerTickEngine(clock, OwnerTick.immediate());
    ChangefeedEntry entry = normal();

    engine.queue(state, entry, JobType.STOP, 0);

    assertThat(entry.state).isEqualTo(ChangefeedState.STOPPED);
    engine.tick(state);
    assertThat(state.withJobs).isEmpty();
  }

  @Test
  void anAfterReadsJobWaitsForThatManyReadsThenTheNextTick() throws Exception {
    OwnerTickEngine engine = new OwnerTickEngine(clock, OwnerTick.afterReads(2));
    ChangefeedEntry entry = normal();
    engine.queue(state, entry, JobType.STOP, 0);

    engine.countRead(entry);
    engine.tick(state);
    assertThat(entry.state).isEqualTo(ChangefeedState.NORMAL);

    engine.countRead(entry);
    engine.tick(state);
    assertThat(entry.state).isEqualTo(ChangefeedState.STOPPED);
    assertThat(state.withJobs).isEmpty();
  }

  @Test
  void aDelayedJobIsDueOnceTheClockMovedPastItsDelay() throws Exception {
    OwnerTickEngine engine = new OwnerTickEngine(clock, OwnerTick.after(Duration.ofSeconds(2)));
    ChangefeedEntry entry = normal();
    engine.queue(state, entry, JobType.STOP, 0);

    clock.advance(Duration.ofMillis(1999));
    engine.tick(state);
    assertThat(entry.state).isEqualTo(ChangefeedState.NORMAL);

    clock.advance(Duration.ofMillis(1));
    engine.tick(state);
    assertThat(entry.state).isEqualTo(ChangefeedState.STOPPED);
  }

  @Test
  void aResumeWithAnOverwriteMovesCheckpointResolvedAndStartTs() throws Exception {
    OwnerTickEngine engine = new OwnerTickEngine(clock, OwnerTick.immediate());
    ChangefeedEntry entry = normal();
    entry.state = ChangefeedState.FAILED;
    long overwrite = entry.startTs + 5;

    engine.queue(state, entry, JobType.RESUME, overwrite);

    assertThat(entry.state).isEqualTo(ChangefeedState.NORMAL);
    assertThat(entry.checkpointTs).isEqualTo(overwrite);
    assertThat(entry.resolvedTs).isEqualTo(overwrite);
    assertThat(entry.startTs).isEqualTo(overwrite);
  }

  @Test
  void checkpointsTrailTheClockByTheirLagAndCatchUpLazily() throws Exception {
    OwnerTickEngine engine = new OwnerTickEngine(clock, OwnerTick.immediate());
    ChangefeedEntry entry = normal();

    clock.advance(Duration.ofSeconds(10));
    engine.tick(state); // the entry has no job: the tick does not visit it
    assertThat(entry.checkpointTs).isEqualTo(entry.startTs);

    engine.catchUp(state, entry);
    long now = START.toEpochMilli() + 10_000;
    assertThat(Tso.physicalMillis(entry.checkpointTs)).isEqualTo(now - 1500);
    assertThat(Tso.physicalMillis(entry.resolvedTs)).isEqualTo(now - 500);
  }

  @Test
  void progressIsPathIndependent() throws Exception {
    OwnerTickEngine engine = new OwnerTickEngine(clock, OwnerTick.immediate());
    ChangefeedEntry stepped = normal();
    ChangefeedEntry jumped = normal();

    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofMillis(300));
      OwnerTickEngine.progress(stepped, clock.millis());
    }
    OwnerTickEngine.progress(jumped, clock.millis());

    assertThat(stepped.checkpointTs).isEqualTo(jumped.checkpointTs);
    assertThat(stepped.resolvedTs).isEqualTo(jumped.resolvedTs);
    engine.tick(state);
  }

  @Test
  void aChangefeedReachingItsTargetTsFinishes() throws Exception {
    ChangefeedEntry entry = normal();
    entry.targetTs = Tso.of(START.plusSeconds(3));

    OwnerTickEngine.progress(entry, START.toEpochMilli() + 60_000);

    assertThat(entry.state).isEqualTo(ChangefeedState.FINISHED);
    assertThat(entry.checkpointTs).isEqualTo(entry.targetTs);
  }

  @Test
  void noProgressWhileStalledOrStopped() throws Exception {
    ChangefeedEntry stalled = normal();
    stalled.stalled = true;
    ChangefeedEntry stopped = normal();
    stopped.state = ChangefeedState.STOPPED;

    OwnerTickEngine.progress(stalled, START.toEpochMilli() + 60_000);
    OwnerTickEngine.progress(stopped, START.toEpochMilli() + 60_000);

    assertThat(stalled.checkpointTs).isEqualTo(stalled.startTs);
    assertThat(stopped.checkpointTs).isEqualTo(stopped.startTs);
  }
}
