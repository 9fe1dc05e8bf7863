package io.github.ticdcfake.cluster;

import static java.time.temporal.ChronoUnit.MILLIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PD clock never goes back, whatever the mode and whoever reads it; system mode moves at the
 * wall clock's speed from where the clock stands.
 */
class PdClockTest {
  private static final Instant WALL_START = Instant.parse("2026-01-01T00:00:00.000123456Z");
  private static final Instant MANUAL_START = Instant.parse("2024-05-20T02:00:00Z");

  /** A wall clock the test moves by hand, so no test sleeps. */
  static final class WallClock extends Clock {
    private Instant now;

    WallClock(Instant now) {
      this.now = now;
    }

    void move(Duration amount) {
      now = now.plus(amount);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
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

  private final WallClock wall = new WallClock(WALL_START);

  @Test
  void systemModeFollowsTheWallClock() {
    PdClock clock = PdClock.system(wall);

    wall.move(Duration.ofSeconds(3));

    assertThat(clock.now()).isEqualTo(WALL_START.plusSeconds(3).truncatedTo(MILLIS));
    assertThat(clock.instant()).isEqualTo(WALL_START.plusSeconds(3));
  }

  @Test
  void systemModeContinuesFromWhereAnAdvancedClockStands() {
    PdClock clock = PdClock.system(wall);
    clock.useManualMode();
    clock.advance(Duration.ofHours(1));
    Instant advanced = clock.now();

    clock.useSystemMode();

    assertThat(clock.now()).isEqualTo(advanced);
    wall.move(Duration.ofSeconds(5));
    assertThat(clock.now()).isEqualTo(advanced.plusSeconds(5));
    assertThat(Tso.toInstant(clock.nextTso())).isEqualTo(advanced.plusSeconds(5));
    wall.move(Duration.ofMillis(1));
    assertThat(Tso.logical(clock.nextTso())).isZero();
  }

  @Test
  void systemModeContinuesFromAManualClockInThePast() {
    PdClock clock = PdClock.manual(MANUAL_START, wall);

    clock.useSystemMode();
    wall.move(Duration.ofSeconds(2));

    assertThat(clock.now()).isEqualTo(MANUAL_START.plusSeconds(2));
  }

  @Test
  void manualModeStopsTheClockWhereItStandsNotAtTheWallClock() {
    PdClock clock = PdClock.manual(MANUAL_START, wall);
    clock.useSystemMode();
    wall.move(Duration.ofSeconds(2));

    clock.useManualMode();
    wall.move(Duration.ofSeconds(30));

    assertThat(clock.now()).isEqualTo(MANUAL_START.plusSeconds(2));
    clock.advance(Duration.ofSeconds(1));
    assertThat(clock.now()).isEqualTo(MANUAL_START.plusSeconds(3));
  }

  @Test
  void advanceInSystemModeStartsFromWhereTheClockStands() {
    PdClock clock = PdClock.manual(MANUAL_START, wall);
    clock.useSystemMode();
    wall.move(Duration.ofSeconds(2));

    clock.advance(Duration.ofSeconds(10));

    assertThat(clock.isManual()).isTrue();
    assertThat(clock.now()).isEqualTo(MANUAL_START.plusSeconds(12));
  }

  @Test
  void aWallClockStepBackDoesNotMoveThePdClockBack() {
    PdClock clock = PdClock.system(wall);
    wall.move(Duration.ofSeconds(10));
    long before = clock.millis();
    Instant createTime = clock.instant();
    long tso = clock.nextTso();

    wall.move(Duration.ofSeconds(-5));

    assertThat(clock.millis()).isEqualTo(before);
    assertThat(clock.instant()).isAfterOrEqualTo(createTime);
    assertThat(clock.nextTso()).isGreaterThan(tso);
    assertThat(clock.peekTso()).isGreaterThan(tso);
  }

  @Test
  void readingsNeverDecreaseAcrossModeSwitches() {
    PdClock clock = PdClock.system(wall);
    List<Runnable> steps =
        List.of(
            clock::useManualMode,
            () -> clock.advance(Duration.ofMinutes(7)),
            clock::useSystemMode,
            () -> wall.move(Duration.ofMillis(1500)),
            clock::useManualMode,
            () -> wall.move(Duration.ofHours(2)),
            clock::useSystemMode,
            () -> wall.move(Duration.ofMillis(-900)),
            () -> clock.advance(Duration.ofMillis(3)),
            clock::useSystemMode,
            () -> wall.move(Duration.ofMillis(2)));
    long millis = clock.millis();
    Instant instant = clock.instant();
    long tso = clock.nextTso();
    for (Runnable step : steps) {
      step.run();
      assertThat(clock.millis()).isGreaterThanOrEqualTo(millis);
      assertThat(clock.instant()).isAfterOrEqualTo(instant);
      assertThat(clock.instant().toEpochMilli()).isEqualTo(clock.millis());
      assertThat(clock.peekTso()).isGreaterThanOrEqualTo(tso);
      assertThat(clock.nextTso()).isGreaterThan(tso);
      millis = clock.millis();
      instant = clock.instant();
      tso = clock.nextTso();
    }
    assertThat(clock.now())
        .isEqualTo(WALL_START.truncatedTo(MILLIS).plusMillis(420_000 + 1500 + 3 + 2));
  }

  @Test
  void setRefusesATimeBelowTheCurrentReadingInSystemMode() {
    PdClock clock = PdClock.manual(MANUAL_START, wall);
    clock.advance(Duration.ofHours(1));
    clock.useSystemMode();

    assertThatThrownBy(() -> clock.set(MANUAL_START.plusSeconds(60)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never goes back");
    clock.set(MANUAL_START.plusSeconds(7200));
    assertThat(clock.now()).isEqualTo(MANUAL_START.plusSeconds(7200));
  }

  @Test
  void withZoneKeepsWhereTheClockStands() {
    PdClock clock = PdClock.manual(MANUAL_START, wall);
    clock.advance(Duration.ofHours(1));
    clock.useSystemMode();

    PdClock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));
    wall.move(Duration.ofSeconds(1));

    assertThat(shanghai.isManual()).isFalse();
    assertThat(shanghai.now()).isEqualTo(MANUAL_START.plusSeconds(3601));
  }

  @Test
  void checkpointsKeepMovingAfterSwitchingBackToSystemMode() {
    PdClock clock = PdClock.system(wall);
    FakeCluster cluster =
        FakeCluster.builder()
            .clock(clock)
            .ownerTick(OwnerTick.immediate())
            .captureAddresses(List.of("127.0.0.1:1"))
            .build();
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("cf").sinkUri("blackhole://").build());
    clock.useManualMode();
    clock.advance(Duration.ofHours(1));
    long checkpointWhileAhead = cluster.changefeed("cf").orElseThrow().checkpointTs();

    clock.useSystemMode();
    wall.move(Duration.ofSeconds(10));
    Changefeed later = cluster.changefeed("cf").orElseThrow();
    Changefeed created =
        cluster.createChangefeed(
            ChangefeedSpec.builder().changefeedId("cf-2").sinkUri("blackhole://").build());

    assertThat(later.checkpointTs()).isGreaterThan(checkpointWhileAhead);
    assertThat(Tso.toInstant(later.checkpointTs())).isBeforeOrEqualTo(clock.now());
    assertThat(created.startTs()).isGreaterThan(later.checkpointTs());
    assertThat(Tso.toInstant(created.startTs())).isEqualTo(clock.now());
    assertThat(created.createTime()).isAfterOrEqualTo(WALL_START.plus(Duration.ofHours(1)));
  }

  @Test
  void resetReturnsToTheStartReadingOfASystemClockWithItsOffset() {
    PdClock clock = PdClock.manual(MANUAL_START, wall);
    clock.useSystemMode();
    FakeCluster cluster =
        FakeCluster.builder().clock(clock).captureAddresses(List.of("127.0.0.1:1")).build();
    cluster.markInitialState();
    clock.advance(Duration.ofHours(5));
    wall.move(Duration.ofSeconds(4));

    cluster.reset();

    assertThat(clock.isManual()).isFalse();
    assertThat(clock.now()).isEqualTo(MANUAL_START.plusSeconds(4));
  }

  @Test
  void resetReturnsAManualClockToItsStart() {
    PdClock clock = PdClock.manual(MANUAL_START, wall);
    FakeCluster cluster =
        FakeCluster.builder().clock(clock).captureAddresses(List.of("127.0.0.1:1")).build();
    cluster.markInitialState();
    clock.advance(Duration.ofHours(5));
    clock.useSystemMode();

    cluster.reset();

    assertThat(clock.isManual()).isTrue();
    assertThat(clock.now()).isEqualTo(MANUAL_START);
    assertThat(clock.nextTso()).isEqualTo(Tso.of(MANUAL_START));
  }
}
