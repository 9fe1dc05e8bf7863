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
  private final Clock wall;
  private boolean manual;

  /** Where a manual clock stands. */
  private long manualMillis;

  /**
   * What system mode adds to the wall clock: where the clock stood when it last started running.
   */
  private long offsetMillis;

  /** The latest reading handed out: no reader ever sees less. */
  private Instant last = Instant.EPOCH;

  private long lastTso;

  private PdClock(boolean manual, long manualMillis, ZoneId zone, Clock wall) {
    this.wall = wall;
    this.manual = manual;
    this.manualMillis = manualMillis;
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
    return new PdClock(false, 0, ZoneId.systemDefault(), wall);
  }

  /** A manual clock that runs at {@code wall}'s speed once switched to system mode (tests). */
  static PdClock manual(Instant start, Clock wall) {
    return new PdClock(true, start.toEpochMilli(), ZoneId.systemDefault(), wall);
  }

  /** The same clock state rendering local times in {@code zone}. */
  public PdClock withZone(ZoneId zone) {
    synchronized (this) {
      PdClock copy = new PdClock(manual, manualMillis, Objects.requireNonNull(zone, "zone"), wall);
      copy.offsetMillis = offsetMillis;
      copy.last = last;
      copy.lastTso = lastTso;
      return copy;
    }
  }

  /** The zone TiCDC's local-time fields are rendered in. */
  public ZoneId zone() {
    return zone;
  }

  /** Whether the clock stands still until advanced. */
  public synchronized boolean isManual() {
    return manual;
  }

  /** Current time in milliseconds since the epoch. */
  public synchronized long millis() {
    return read().toEpochMilli();
  }

  /** Current time. */
  public Instant now() {
    return Instant.ofEpochMilli(millis());
  }

  /** Current time with the wall clock's precision in system mode (for {@code create_time}). */
  public synchronized Instant instant() {
    return read();
  }

  /**
   * Moves the clock forward; in system mode the clock switches to manual mode first, stopping where
   * it stands.
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public synchronized void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a PD clock never goes back: " + amount);
    }
    useManualMode();
    manualMillis = Math.addExact(manualMillis, amount.toMillis());
  }

  /** Stops the clock at its current time. */
  public synchronized void useManualMode() {
    if (!manual) {
      manualMillis = millis();
      manual = true;
    }
  }

  /** Lets the clock run at the wall clock's speed again, on from where it stands. */
  public synchronized void useSystemMode() {
    if (manual) {
      offsetMillis = millis() - wall.millis();
      manual = false;
    }
  }

  /** Sets a manual clock to {@code instant}; a clock never goes back. */
  public synchronized void set(Instant instant) {
    long millis = instant.toEpochMilli();
    if (millis < millis()) {
      throw new IllegalArgumentException("a PD clock never goes back: " + instant);
    }
    manual = true;
    manualMillis = millis;
  }

  /** Issues the next TSO: the current physical time, strictly greater than any issued before. */
  public synchronized long nextTso() {
    long candidate = Tso.compose(millis(), 0);
    lastTso = candidate > lastTso ? candidate : lastTso + 1;
    return lastTso;
  }

  /** The TSO {@link #nextTso()} would build from the current time, without issuing one. */
  public synchronized long peekTso() {
    long candidate = Tso.compose(millis(), 0);
    return Math.max(candidate, lastTso);
  }

  /**
   * The one place "now" is computed: the mode's raw time, floored at the latest reading so that no
   * mode switch and no step of the wall clock shows any reader a time below one already seen.
   */
  private Instant read() {
    Instant raw =
        manual ? Instant.ofEpochMilli(manualMillis) : wall.instant().plusMillis(offsetMillis);
    if (raw.isAfter(last)) {
      last = raw;
    }
    return last;
  }

  /**
   * What {@link #restore} needs to put the clock back where it stands now: the time of a manual
   * clock, or a system clock's offset from the wall clock.
   */
  synchronized long snapshotMillis() {
    return manual ? manualMillis : offsetMillis;
  }

  /**
   * Puts the clock back where a reset wants it (the mode and the {@link #snapshotMillis()} taken
   * then), forgetting issued TSOs and readings: a reset starts the cluster's history again.
   */
  synchronized void restore(boolean manual, long snapshotMillis) {
    this.manual = manual;
    if (manual) {
      this.manualMillis = snapshotMillis;
    } else {
      this.offsetMillis = snapshotMillis;
    }
    this.last = Instant.EPOCH;
    this.lastTso = 0;
  }
}
