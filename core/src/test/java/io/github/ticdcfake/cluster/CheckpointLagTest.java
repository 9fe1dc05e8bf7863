package io.github.ticdcfake.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a scripted checkpoint lag, a stall and a scripted {@code checkpoint_ts} move a changefeed's
 * checkpoint: each command replaces the one before (the last scripting command wins).
 */
class CheckpointLagTest {
  private static final Instant START = Instant.parse("2024-05-20T02:00:00Z");
  private static final String NS = FakeCluster.DEFAULT_NAMESPACE;

  private final PdClock clock = PdClock.manual(START);
  private final FakeCluster cluster = cluster(clock);

  private static FakeCluster cluster(PdClock clock) {
    FakeCluster cluster =
        FakeCluster.builder()
            .clock(clock)
            .seed(7)
            .captureAddresses(List.of("127.0.0.1:8300"))
            .build();
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
    return cluster;
  }

  private Changefeed cf() {
    return cluster.changefeed("cf-1").orElseThrow();
  }

  private static Instant checkpoint(Changefeed cf) {
    return Tso.toInstant(cf.checkpointTs());
  }

  private static Instant resolved(Changefeed cf) {
    return Tso.toInstant(cf.resolvedTs());
  }

  @Test
  void aScriptedLagTakesEffectAtOnce() {
    clock.advance(Duration.ofMinutes(10)); // running for a while: 1.5 s behind

    cluster.setCheckpointLag(NS, "cf-1", Duration.ofSeconds(60));

    Instant now = START.plus(Duration.ofMinutes(10));
    assertThat(checkpoint(cf())).isEqualTo(now.minusSeconds(60));
    assertThat(resolved(cf())).isEqualTo(now.minusMillis(500));
  }

  @Test
  void aScriptedLagHoldsWhileTheManualClockAdvances() {
    cluster.setCheckpointLag(NS, "cf-1", Duration.ofSeconds(60));

    for (int i = 1; i <= 3; i++) {
      clock.advance(Duration.ofMinutes(7));
      Instant now = START.plus(Duration.ofMinutes(7L * i));
      assertThat(checkpoint(cf())).isEqualTo(now.minusSeconds(60));
      assertThat(resolved(cf())).isEqualTo(now.minusMillis(500));
    }
  }

  @Test
  void aScriptedLagHoldsWhileTheSystemClockRuns() {
    MovableWall wall = new MovableWall(START);
    PdClock systemClock = PdClock.system(wall);
    FakeCluster onSystemTime = cluster(systemClock);

    onSystemTime.setCheckpointLag(NS, "cf-1", Duration.ofSeconds(60));
    wall.move(Duration.ofSeconds(45));

    Changefeed cf = onSystemTime.changefeed("cf-1").orElseThrow();
    assertThat(checkpoint(cf)).isEqualTo(START.plusSeconds(45).minusSeconds(60));
  }

  @Test
  void aShorterLagMovesTheCheckpointForwardALongerOneBack() {
    clock.advance(Duration.ofMinutes(10));
    Instant now = START.plus(Duration.ofMinutes(10));

    cluster.setCheckpointLag(NS, "cf-1", Duration.ofMinutes(5));
    assertThat(checkpoint(cf())).isEqualTo(now.minus(Duration.ofMinutes(5)));

    cluster.setCheckpointLag(NS, "cf-1", Duration.ZERO);
    assertThat(checkpoint(cf())).isEqualTo(now);
    assertThat(resolved(cf())).isEqualTo(now);
  }

  @Test
  void aLagLongerThanTheChangefeedsLifePutsTheCheckpointBeforeItsStartTs() {
    // the script says "an hour behind", so every reader sees an hour, even right after the create
    cluster.setCheckpointLag(NS, "cf-1", Duration.ofHours(1));

    assertThat(checkpoint(cf())).isEqualTo(START.minus(Duration.ofHours(1)));
    assertThat(cf().startTs()).isEqualTo(Tso.of(START));
  }

  @Test
  void aStallAfterALagFreezesTheCheckpointSoTheLagGrows() {
    cluster.setCheckpointLag(NS, "cf-1", Duration.ofSeconds(60));
    cluster.setCheckpointStalled(NS, "cf-1", true);

    clock.advance(Duration.ofMinutes(10));

    assertThat(checkpoint(cf())).isEqualTo(START.minusSeconds(60));
  }

  @Test
  void aLagAfterAStallReleasesItAndTakesEffectAtOnce() {
    cluster.setCheckpointStalled(NS, "cf-1", true);
    clock.advance(Duration.ofMinutes(10));

    cluster.setCheckpointLag(NS, "cf-1", Duration.ofSeconds(60));

    Instant now = START.plus(Duration.ofMinutes(10));
    assertThat(checkpoint(cf())).isEqualTo(now.minusSeconds(60));
    clock.advance(Duration.ofMinutes(1));
    assertThat(checkpoint(cf())).isEqualTo(now);
  }

  @Test
  void aScriptedCheckpointTsAfterALagFreezesThereAndALagAfterItWinsAgain() {
    cluster.setCheckpointLag(NS, "cf-1", Duration.ofSeconds(60));
    long pinned = Tso.of(START.minusSeconds(300));

    cluster.setCheckpoint(NS, "cf-1", pinned);
    clock.advance(Duration.ofMinutes(10));
    assertThat(cf().checkpointTs()).isEqualTo(pinned);

    cluster.setCheckpointLag(NS, "cf-1", Duration.ofSeconds(30));
    assertThat(checkpoint(cf())).isEqualTo(START.plus(Duration.ofMinutes(10)).minusSeconds(30));
  }

  @Test
  void releasingAStallLetsTheCheckpointCatchUpAtTwiceTheClocksSpeed() {
    cluster.setCheckpointLag(NS, "cf-1", Duration.ofSeconds(60));
    cluster.setCheckpointStalled(NS, "cf-1", true);
    clock.advance(Duration.ofMinutes(10)); // frozen at START - 60 s: 11 min behind

    cluster.setCheckpointStalled(NS, "cf-1", false);
    clock.advance(Duration.ofMinutes(4));

    // it gained 8 min in 4: 7 min behind, on its way back to the cluster's 1.5 s
    Instant now = START.plus(Duration.ofMinutes(14));
    assertThat(checkpoint(cf())).isEqualTo(START.minusSeconds(60).plus(Duration.ofMinutes(8)));
    clock.advance(Duration.ofMinutes(30));
    assertThat(checkpoint(cf())).isEqualTo(now.plus(Duration.ofMinutes(30)).minusMillis(1500));
  }

  @Test
  void aStoppedChangefeedKeepsItsCheckpointAndTakesUpTheLagWhenResumed() {
    cluster.pauseChangefeed(NS, "cf-1");
    clock.advance(Duration.ofMinutes(10));
    cluster.setCheckpointLag(NS, "cf-1", Duration.ofSeconds(60));
    assertThat(checkpoint(cf())).isEqualTo(START);

    cluster.resumeChangefeed(NS, "cf-1", 0);

    assertThat(cf().state()).isEqualTo(ChangefeedState.NORMAL);
    assertThat(checkpoint(cf())).isEqualTo(START.plus(Duration.ofMinutes(10)).minusSeconds(60));
  }

  @Test
  void aLaggingCheckpointStillStopsAtTheTargetTsAndFinishes() {
    long target = Tso.of(START.plusSeconds(90));
    cluster.createChangefeed(
        ChangefeedSpec.builder()
            .changefeedId("cf-2")
            .sinkUri("blackhole://")
            .targetTs(target)
            .build());
    cluster.setCheckpointLag(NS, "cf-2", Duration.ofSeconds(60));

    clock.advance(Duration.ofSeconds(120));
    assertThat(cluster.changefeed("cf-2").orElseThrow().state()).isEqualTo(ChangefeedState.NORMAL);
    clock.advance(Duration.ofSeconds(60));

    Changefeed cf2 = cluster.changefeed("cf-2").orElseThrow();
    assertThat(cf2.checkpointTs()).isEqualTo(target);
    assertThat(cf2.state()).isEqualTo(ChangefeedState.FINISHED);
  }

  /** A wall clock the test moves. */
  private static final class MovableWall extends Clock {
    private Instant now;

    MovableWall(Instant start) {
      this.now = start;
    }

    void move(Duration amount) {
      now = now.plus(amount);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
