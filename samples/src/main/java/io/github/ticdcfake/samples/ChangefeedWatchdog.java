package io.github.ticdcfake.samples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Raises an {@link Alert} when a changefeed has failed or its checkpoint has not moved for {@code
 * stallAfter} of PD time while it is {@code normal}. Call {@link #check()} periodically (a
 * scheduler in production, directly in tests); each incident is alerted once until it clears.
 */
public final class ChangefeedWatchdog {
  private final ChangefeedManager manager;
  private final Duration stallAfter;
  private final Consumer<Alert> alerts;
  private final Map<String, long[]> lastMove = new HashMap<>(); // id -> {checkpoint, PD ms}
  private final Set<String> open = new HashSet<>();

  public ChangefeedWatchdog(
      ChangefeedManager manager, Duration stallAfter, Consumer<Alert> alerts) {
    this.manager = manager;
    this.stallAfter = stallAfter;
    this.alerts = alerts;
  }

  /** Looks at every changefeed once; returns (and sends) the alerts this check raised. */
  public synchronized List<Alert> check() {
    List<Alert> raised = new ArrayList<>();
    Set<String> stillOpen = new HashSet<>();
    for (ChangefeedSummary cf : manager.list()) {
      long now = (cf.checkpointTso() >>> 18) + cf.lag().toMillis();
      long[] seen = lastMove.get(cf.id());
      if (seen == null || seen[0] != cf.checkpointTso()) {
        seen = new long[] {cf.checkpointTso(), now};
        lastMove.put(cf.id(), seen);
      }
      Alert alert = null;
      if (cf.state().equals("failed")) {
        alert = new Alert(cf.id(), Alert.Kind.FAILED, "failed with " + cf.errorCode());
      } else if (cf.state().equals("normal") && now - seen[1] >= stallAfter.toMillis()) {
        alert =
            new Alert(
                cf.id(),
                Alert.Kind.STALLED,
                "checkpoint has not moved for " + Duration.ofMillis(now - seen[1]));
      }
      if (alert != null) {
        String key = alert.changefeedId() + "/" + alert.kind();
        stillOpen.add(key);
        if (!open.contains(key)) {
          raised.add(alert);
        }
      }
    }
    open.clear();
    open.addAll(stillOpen);
    raised.forEach(alerts);
    return raised;
  }
}
