package io.github.ticdcfake.internal.http;

import java.util.HashMap;
import java.util.Map;

/**
 * The value of each capture's {@code ticdc_owner_ownership_counter}: TiCDC's owner adds the time
 * since its last tick on every tick, so {@code rate()} is 1 while a capture owns the cluster
 * (tiflow {@code cdc/owner/owner.go} updateMetrics). The fake measures on the cluster's PD clock
 * between scrapes that both saw the capture as owner; the counter never goes down, like a
 * process's.
 */
final class OwnershipMeter {
  private static final class Seen {
    long millis;
    boolean owner;
    double seconds;
  }

  private final Map<String, Seen> captures = new HashMap<>();

  /** Records what one scrape saw and returns the capture's counter. */
  synchronized double observe(String captureId, boolean owner, long nowMillis) {
    Seen seen = captures.get(captureId);
    if (seen == null) {
      seen = new Seen();
      seen.millis = nowMillis;
      captures.put(captureId, seen);
    } else if (owner && seen.owner && nowMillis > seen.millis) {
      seen.seconds += (nowMillis - seen.millis) / 1e3;
    }
    seen.millis = Math.max(seen.millis, nowMillis);
    seen.owner = owner;
    return seen.seconds;
  }
}
