package io.github.ticdcfake.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reads of changefeeds: as tests see them (no effect on the owner's tick) and as TiCDC's GET, list
 * and {@code /synced} routes do (counting as reads for {@link OwnerTick#afterReads(int)}).
 */
final class ChangefeedQueries {
  private final ClusterCore core;

  ChangefeedQueries(ClusterCore core) {
    this.core = core;
  }

  /** The changefeed, without counting as a read. */
  Optional<Changefeed> peek(String namespace, String id) {
    synchronized (core.lock) {
      core.engine.tick(core.state);
      ChangefeedEntry entry = core.find(namespace, id);
      return entry == null ? Optional.empty() : Optional.of(core.snapshot(entry));
    }
  }

  /** Every changefeed, sorted by namespace then id, without counting as reads. */
  List<Changefeed> all() {
    synchronized (core.lock) {
      ClusterState state = core.state;
      core.engine.tick(state);
      List<Changefeed> out = new ArrayList<>();
      for (TreeMap<String, ChangefeedEntry> byId : state.changefeeds.values()) {
        for (ChangefeedEntry entry : byId.values()) {
          core.engine.catchUp(state, entry);
          out.add(core.snapshot(entry));
        }
      }
      return out;
    }
  }

  /** {@code GET /api/v2/changefeeds/{id}}: counts as a read. */
  Changefeed get(String namespace, String id) {
    synchronized (core.lock) {
      ChangefeedEntry entry = core.requireForRead(namespace, id);
      Changefeed snapshot = core.snapshot(entry);
      core.engine.countRead(entry);
      return snapshot;
    }
  }

  /**
   * {@code GET /api/v2/changefeeds}: one namespace sorted by id; an empty filter shows everything
   * but finished ones, {@code all} everything, anything else that exact state.
   */
  List<Changefeed> list(String namespace, String stateFilter) {
    synchronized (core.lock) {
      ClusterState state = core.state;
      core.engine.tick(state);
      TreeMap<String, ChangefeedEntry> byId = state.changefeeds.get(namespace);
      if (byId == null) {
        return new ArrayList<>();
      }
      List<Changefeed> out = new ArrayList<>(byId.size());
      boolean all = stateFilter.equals("all");
      for (ChangefeedEntry entry : byId.values()) {
        core.engine.catchUp(state, entry);
        boolean include =
            stateFilter.isEmpty()
                ? entry.state != ChangefeedState.FINISHED
                : all || stateFilter.equals(entry.state.wireName());
        if (include) {
          out.add(core.listSnapshot(entry));
          core.engine.countRead(entry);
        }
      }
      return out;
    }
  }

  /**
   * {@code GET /api/v2/changefeeds/{id}/synced}: existence, then the optional body is decoded (its
   * PD settings are not used), then the status is decided from the checkpoint, the resolved ts, the
   * last synced ts and the changefeed's {@code synced_status} intervals.
   */
  SyncedStatus synced(String namespace, String id, Supplier<?> body) {
    synchronized (core.lock) {
      ChangefeedEntry entry = core.requireForRead(namespace, id);
      body.get();
      core.engine.countRead(entry);
      ReplicaConfig config = entry.config;
      SyncedStatus status =
          SyncedStatus.decide(
              entry.checkpointTs,
              entry.resolvedTs,
              entry.lastSyncedTs,
              core.clock.millis(),
              config.syncedCheckIntervalSeconds(),
              config.checkpointIntervalSeconds());
      return core.rules.coordinator() ? status.worded(SyncedStatus.Wording.COORDINATOR) : status;
    }
  }

  /**
   * Waits until the changefeed is in state {@code expected}, waking on every request and at least
   * every 10 ms, without counting as reads.
   *
   * @throws AssertionError naming the last state seen if {@code timeout} passes first
   */
  Changefeed awaitState(String namespace, String id, ChangefeedState expected, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<Changefeed> current = peek(namespace, id);
      if (current.isPresent() && current.get().state() == expected) {
        return current.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "changefeed "
                + namespace
                + "/"
                + id
                + " did not become "
                + expected.wireName()
                + " within "
                + timeout
                + "; it is "
                + current.map(c -> c.state().wireName()).orElse("absent"));
      }
      core.journal.awaitActivity(Math.min(left, 10_000_000L));
    }
  }
}
