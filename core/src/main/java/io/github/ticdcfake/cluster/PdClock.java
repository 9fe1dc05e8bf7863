package io.github.ticdcfake.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The fake PD's clock: the source of "now" and of TSOs for one cluster.
 *
 * <p>In system mode (the default) it follows the wall clock; in manual mode it stands still until a
 * test {@linkplain #advance(Duration) advances} it, so checkpoints, {@code checkpoint_time} and
 * TSOs are deterministic. TSOs are strictly increasing within one clock whatever the mode. The
 * clock also carries the zone TiCDC renders local times in ({@code checkpoint_time} has no zone
 * suffix).
 *
 * <pre>{@code
 * PdClock clock = PdClock.manual(Instant.parse("2024-05-20T02:00:00Z"));
 * FakeTiCdcServer server = FakeTiCdcServer.builder().clock(clock).start();
 * clock.advance(Duration.ofSeconds(5)); // checkpoints of normal changefeeds move 5 s
 * }</pre>
 */
public final class PdClock {
  private final ZoneId zone;
  private final Ticks ticks; // shared by the zone views of one clock

  /** The clock's state; every view of one clock ({@link #withZone}) locks and moves it. */
  private static final class Ticks {
    boolean manual;
    long manualMillis;
    long lastTso;

    Ticks(boolean manual, long manualMillis) {
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
    return new PdClock(new Ticks(false, 0), ZoneId.systemDefault());
  }

  /** A clock that stands at {@code start} until advanced, in the JVM's default zone. */
  public static PdClock manual(Instant start) {
    return new PdClock(new Ticks(true, start.toEpochMilli()), ZoneId.systemDefault());
  }

  /**
   * The same clock rendering local times in {@code zone}: both share one time and one TSO sequence,
   * so advancing either moves both.
   */
  public PdClock withZone(ZoneId zone) {
    return new PdClock(ticks, Objects.requireNonNull(zone, "zone"));
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
      return ticks.manual ? ticks.manualMillis : System.currentTimeMillis();
    }
  }

  /** Current time. */
  public Instant now() {
    return Instant.ofEpochMilli(millis());
  }

  /** Current time with the system clock's precision in system mode (for {@code create_time}). */
  public Instant instant() {
    synchronized (ticks) {
      return ticks.manual ? Instant.ofEpochMilli(ticks.manualMillis) : Instant.now();
    }
  }

  /**
   * Moves the clock forward; in system mode the clock switches to manual mode first, starting from
   * the current wall-clock time.
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a PD clock never goes back: " + amount);
    }
    synchronized (ticks) {
      if (!ticks.manual) {
        ticks.manualMillis = System.currentTimeMillis();
        ticks.manual = true;
      }
      ticks.manualMillis += amount.toMillis();
    }
  }

  /** Stops the clock at its current time. */
  public void useManualMode() {
    synchronized (ticks) {
      if (!ticks.manual) {
        ticks.manualMillis = System.currentTimeMillis();
        ticks.manual = true;
      }
    }
  }

  /** Lets the clock follow the system clock again (never going back below TSOs already issued). */
  public void useSystemMode() {
    synchronized (ticks) {
      ticks.manual = false;
    }
  }

  /** Sets a manual clock to {@code instant}; a clock never goes back. */
  public void set(Instant instant) {
    long millis = instant.toEpochMilli();
    synchronized (ticks) {
      if (millis < millis()) {
        throw new IllegalArgumentException("a PD clock never goes back: " + instant);
      }
      ticks.manual = true;
      ticks.manualMillis = millis;
    }
  }

  /** Issues the next TSO: the current physical time, strictly greater than any issued before. */
  public long nextTso() {
    synchronized (ticks) {
      long candidate = Tso.compose(millis(), 0);
      ticks.lastTso = candidate > ticks.lastTso ? candidate : ticks.lastTso + 1;
      return ticks.lastTso;
    }
  }

  /** The TSO {@link #nextTso()} would build from the current time, without issuing one. */
  public long peekTso() {
    synchronized (ticks) {
      long candidate = Tso.compose(millis(), 0);
      return Math.max(candidate, ticks.lastTso);
    }
  }

  long snapshotMillis() {
    synchronized (ticks) {
      return ticks.manualMillis;
    }
  }

  /** Puts the clock back where a reset wants it, forgetting issued TSOs. */
  void restore(boolean manual, long manualMillis) {
    synchronized (ticks) {
      ticks.manual = manual;
      ticks.manualMillis = manualMillis;
      ticks.lastTso = 0;
    }
  }
}
