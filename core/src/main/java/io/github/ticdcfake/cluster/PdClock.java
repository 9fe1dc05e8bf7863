package io.github.ticdcfake.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The fake PD's clock: the source of "now" and of TSOs for one cluster.
 *
 * <p>In system mode (the default) it moves at the wall clock's speed; in manual mode it stands
 * still until a test {@linkplain #advance(Duration) advances} it, so checkpoints, {@code
 * checkpoint_time} and TSOs are deterministic. Switching modes never makes it jump: manual mode
 * stops it where it stands and system mode lets it run on from there, so a clock advanced ahead of
 * the wall clock stays ahead by as much. It never goes back, in any mode and for any reader (TSOs,
 * checkpoints, {@code create_time}, {@code /synced}), even when the wall clock steps back. TSOs are
 * strictly increasing within one clock whatever the mode. The clock also carries the zone TiCDC
 * renders local times in ({@code checkpoint_time} has no zone suffix).
 *
 * <pre>{@code
 * PdClock clock = PdClock.manual(Instant.parse("2024-05-20T02:00:00Z"));
 * FakeTiCdcServer server = FakeTiCdcServer.builder().clock(clock).start();
 * clock.advance(Duration.ofSeconds(5)); // checkpoints of normal changefeeds move 5 s
 * clock.useSystemMode();                // runs on from 02:00:05 at wall-clock speed
 * }</pre>
 */
public final class PdClock {
  private final ZoneId zone;
  private final Ticks ticks; // shared by every zone view of one clock (withZone)

  /** The clock's state; every view of one clock locks and moves this one object. */
  private static final class Ticks {
    final Clock wall;
    boolean manual;

    /** Where a manual clock stands. */
    long manualMillis;

    /** What system mode adds to the wall clock: where the clock stood when it last started. */
    long offsetMillis;

    /** The latest reading handed out: no reader ever sees less. */
    Instant last = Instant.EPOCH;

    long lastTso;

    Ticks(boolean manual, long manualMillis, Clock wall) {
      this.wall = wall;
      this.manual = manual;
      this.manualMillis = manualMillis;
    }
  }

  private PdClock(Ticks ticks, ZoneId zone) {
    this.ticks = ticks;
    this.zone = zone;
  }

  /** A clock that follows the system clock, rendering times in the JVM's default zone. */
  public static PdClock system() {
    return system(Clock.systemUTC());
  }

  /** A clock that stands at {@code start} until advanced, in the JVM's default zone. */
  public static PdClock manual(Instant start) {
    return manual(start, Clock.systemUTC());
  }

  /** A system-mode clock reading {@code wall} instead of the system clock (tests). */
  static PdClock system(Clock wall) {
    return new PdClock(new Ticks(false, 0, wall), ZoneId.systemDefault());
  }

  /** A manual clock that runs at {@code wall}'s speed once switched to system mode (tests). */
  static PdClock manual(Instant start, Clock wall) {
    return new PdClock(new Ticks(true, start.toEpochMilli(), wall), ZoneId.systemDefault());
  }

  /**
   * The same clock rendering local times in {@code zone}: both share one time and one TSO sequence,
   * so advancing either moves both.
   */
  public PdClock withZone(ZoneId zone) {
    return new PdClock(ticks, Objects.requireNonNull(zone, "zone"));
  }

  /**
   * An independent clock standing where this one stands now (mode, time, readings, TSOs): what a
   * trial load of a scenario runs on, so that it leaves this clock untouched.
   */
  PdClock copy() {
    synchronized (ticks) {
      Ticks t = new Ticks(ticks.manual, ticks.manualMillis, ticks.wall);
      t.offsetMillis = ticks.offsetMillis;
      t.last = ticks.last;
      t.lastTso = ticks.lastTso;
      return new PdClock(t, zone);
    }
  }

  /** The zone TiCDC's local-time fields are rendered in. */
  public ZoneId zone() {
    return zone;
  }

  /** Whether the clock stands still until advanced. */
  public boolean isManual() {
    synchronized (ticks) {
      return ticks.manual;
    }
  }

  /** Current time in milliseconds since the epoch. */
  public long millis() {
    synchronized (ticks) {
      return read().toEpochMilli();
    }
  }

  /** Current time. */
  public Instant now() {
    return Instant.ofEpochMilli(millis());
  }

  /** Current time with the wall clock's precision in system mode (for {@code create_time}). */
  public Instant instant() {
    synchronized (ticks) {
      return read();
    }
  }

  /**
   * Moves the clock forward; in system mode the clock switches to manual mode first, stopping where
   * it stands.
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a PD clock never goes back: " + amount);
    }
    synchronized (ticks) {
      useManualMode();
      ticks.manualMillis = Math.addExact(ticks.manualMillis, amount.toMillis());
    }
  }

  /** Stops the clock at its current time. */
  public void useManualMode() {
    synchronized (ticks) {
      if (!ticks.manual) {
        ticks.manualMillis = read().toEpochMilli();
        ticks.manual = true;
      }
    }
  }

  /** Lets the clock run at the wall clock's speed again, on from where it stands. */
  public void useSystemMode() {
    synchronized (ticks) {
      if (ticks.manual) {
        ticks.offsetMillis = read().toEpochMilli() - ticks.wall.millis();
        ticks.manual = false;
      }
    }
  }

  /** Sets a manual clock to {@code instant}; a clock never goes back. */
  public void set(Instant instant) {
    long millis = instant.toEpochMilli();
    synchronized (ticks) {
      if (millis < read().toEpochMilli()) {
        throw new IllegalArgumentException("a PD clock never goes back: " + instant);
      }
      ticks.manual = true;
      ticks.manualMillis = millis;
    }
  }

  /**
   * Puts the clock in {@code manual} or system mode at {@code now}, as a scenario's clock starts: a
   * system clock runs on from {@code now}. Works on a clock nobody has read yet whatever {@code
   * now} is; after that only forward, as a clock never goes back.
   *
   * @throws IllegalArgumentException if a reader has already seen a later time
   */
  void startAt(boolean manual, Instant now) {
    long millis = now.toEpochMilli();
    synchronized (ticks) {
      if (now.isBefore(ticks.last)) {
        throw new IllegalArgumentException(
            now + " is before the PD clock's time " + ticks.last + "; a PD clock never goes back");
      }
      ticks.manual = manual;
      if (manual) {
        ticks.manualMillis = millis;
      } else {
        ticks.offsetMillis = millis - ticks.wall.millis();
      }
    }
  }

  /** Issues the next TSO: the current physical time, strictly greater than any issued before. */
  public long nextTso() {
    synchronized (ticks) {
      long candidate = Tso.compose(read().toEpochMilli(), 0);
      ticks.lastTso = candidate > ticks.lastTso ? candidate : ticks.lastTso + 1;
      return ticks.lastTso;
    }
  }

  /** The TSO {@link #nextTso()} would build from the current time, without issuing one. */
  public long peekTso() {
    synchronized (ticks) {
      long candidate = Tso.compose(read().toEpochMilli(), 0);
      return Math.max(candidate, ticks.lastTso);
    }
  }

  /**
   * The one place "now" is computed: the mode's raw time, floored at the latest reading so that no
   * mode switch and no step of the wall clock shows any reader a time below one already seen.
   * Callers hold the lock of {@link #ticks}.
   */
  private Instant read() {
    Ticks t = ticks;
    Instant raw =
        t.manual
            ? Instant.ofEpochMilli(t.manualMillis)
            : t.wall.instant().plusMillis(t.offsetMillis);
    if (raw.isAfter(t.last)) {
      t.last = raw;
    }
    return t.last;
  }

  /**
   * What {@link #restore} needs to put the clock back where it stands now: the time of a manual
   * clock, or a system clock's offset from the wall clock.
   */
  long snapshotMillis() {
    synchronized (ticks) {
      return ticks.manual ? ticks.manualMillis : ticks.offsetMillis;
    }
  }

  /**
   * Puts the clock back where a reset wants it (the mode and the {@link #snapshotMillis()} taken
   * then), forgetting issued TSOs and readings: a reset starts the cluster's history again.
   */
  void restore(boolean manual, long snapshotMillis) {
    synchronized (ticks) {
      ticks.manual = manual;
      if (manual) {
        ticks.manualMillis = snapshotMillis;
      } else {
        ticks.offsetMillis = snapshotMillis;
      }
      ticks.last = Instant.EPOCH;
      ticks.lastTso = 0;
    }
  }
}
