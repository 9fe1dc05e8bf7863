package io.github.ticdcfake.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * When the owner applies queued admin jobs (pause, resume) — TiCDC answers those requests with 200
 * at once and changes the state on the owner's next tick (pingcap/tiflow cdc/api/v2/changefeed.go
 * pauseChangefeed–pingcap/tiflow cdc/api/v2/changefeed.go resumeChangefeed; pingcap/tiflow
 * cdc/owner/feed_state_manager.go).
 *
 * <p>{@link #immediate()} (the default) applies the job before the next request is served, so
 * simple tests need no polling. {@link #afterReads(int)} and {@link #after(Duration)} keep the old
 * state visible for a while, so polling code can be tested deterministically without sleeps.
 */
public final class OwnerTick {
  enum Mode {
    IMMEDIATE,
    AFTER_READS,
    AFTER_DURATION
  }

  final Mode mode;
  final int reads;
  final Duration delay;

  private OwnerTick(Mode mode, int reads, Duration delay) {
    this.mode = mode;
    this.reads = reads;
    this.delay = delay;
  }

  /** Jobs take effect before the next request is answered. */
  public static OwnerTick immediate() {
    return new OwnerTick(Mode.IMMEDIATE, 0, Duration.ZERO);
  }

  /**
   * Jobs take effect after {@code reads} reads of the changefeed (GET, list, status) still showed
   * the old state, like moto's state manager.
   */
  public static OwnerTick afterReads(int reads) {
    if (reads < 0) {
      throw new IllegalArgumentException("reads must be >= 0, got " + reads);
    }
    return new OwnerTick(Mode.AFTER_READS, reads, Duration.ZERO);
  }

  /**
   * Jobs take effect once the cluster's {@link PdClock} has moved {@code delay} past the request.
   */
  public static OwnerTick after(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    return new OwnerTick(Mode.AFTER_DURATION, 0, delay);
  }

  @Override
  public String toString() {
    return switch (mode) {
      case IMMEDIATE -> "OwnerTick.immediate()";
      case AFTER_READS -> "OwnerTick.afterReads(" + reads + ")";
      case AFTER_DURATION -> "OwnerTick.after(" + delay + ")";
    };
  }
}
