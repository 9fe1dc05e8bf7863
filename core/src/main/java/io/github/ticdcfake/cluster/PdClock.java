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
  private boolean manual;
  private long manualMillis;
  private long lastTso;

  private PdClock(boolean manual, long manualMillis, ZoneId zone) {
    this.manual = manual;
    this.manualMillis = manualMillis;
    this.zone = zone;
  }

  /** A clock that follows the system clock, rendering times in the JVM's default zone. */
  public static PdClock system() {
    return new PdClock(false, 0, ZoneId.systemDefault());
  }

  /** A clock that stands at {@code start} until advanced, in the JVM's default zone. */
  public static PdClock manual(Instant start) {
    return new PdClock(true, start.toEpochMilli(), ZoneId.systemDefault());
  }

  /** The same clock state rendering local times in {@code zone}. */
  public PdClock withZone(ZoneId zone) {
    synchronized (this) {
      PdClock copy = new PdClock(manual, manualMillis, Objects.requireNonNull(zone, "zone"));
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
    return manual ? manualMillis : System.currentTimeMillis();
  }

  /** Current time. */
  public Instant now() {
    return Instant.ofEpochMilli(millis());
  }

  /** Current time with the system clock's precision in system mode (for {@code create_time}). */
  public synchronized Instant instant() {
    return manual ? Instant.ofEpochMilli(manualMillis) : Instant.now();
  }

  /**
   * Moves the clock forward; in system mode the clock switches to manual mode first, starting from
   * the current wall-clock time.
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public synchronized void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a PD clock never goes back: " + amount);
    }
    if (!manual) {
      manualMillis = System.currentTimeMillis();
      manual = true;
    }
    manualMillis += amount.toMillis();
  }

  /** Stops the clock at its current time. */
  public synchronized void useManualMode() {
    if (!manual) {
      manualMillis = System.currentTimeMillis();
      manual = true;
    }
  }

  /** Lets the clock follow the system clock again (never going back below TSOs already issued). */
  public synchronized void useSystemMode() {
    manual = false;
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

  synchronized long snapshotMillis() {
    return manualMillis;
  }

  /** Puts the clock back where a reset wants it, forgetting issued TSOs. */
  synchronized void restore(boolean manual, long manualMillis) {
    this.manual = manual;
    this.manualMillis = manualMillis;
    this.lastTso = 0;
  }
}
