package io.github.ticdcfake.cluster;

import java.time.Instant;

/**
 * PD timestamps (TSOs): {@code physical_ms << 18 | logical}, the unit of every {@code *_ts} field
 * TiCDC reports (pingcap/tiflow cdc/owner/feed_state_manager.go).
 */
public final class Tso {
  /** Bits of the logical part. */
  public static final int LOGICAL_BITS = 18;

  private Tso() {}

  /** Composes a TSO from physical milliseconds and a logical counter. */
  public static long compose(long physicalMillis, long logical) {
    return (physicalMillis << LOGICAL_BITS) | (logical & ((1L << LOGICAL_BITS) - 1));
  }

  /** The TSO of the first logical tick of {@code instant}'s millisecond. */
  public static long of(Instant instant) {
    return compose(instant.toEpochMilli(), 0);
  }

  /** The physical part: milliseconds since the Unix epoch. */
  public static long physicalMillis(long tso) {
    return tso >>> LOGICAL_BITS;
  }

  /** The logical part. */
  public static long logical(long tso) {
    return tso & ((1L << LOGICAL_BITS) - 1);
  }

  /** The wall-clock instant of a TSO (millisecond precision). */
  public static Instant toInstant(long tso) {
    return Instant.ofEpochMilli(physicalMillis(tso));
  }
}
