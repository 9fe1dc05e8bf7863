package io.github.ticdcfake.cluster;

import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.FaultRules;
import io.github.ticdcfake.fault.Journal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * One cluster's settings, its guarded {@link ClusterState} and the point {@link
 * FakeCluster#reset()} returns to: what every collaborator of {@link FakeCluster} shares.
 * Everything mutable is read and written only while holding {@link #lock}.
 */
final class ClusterCore {
  final Object lock = new Object();
  final TiCdcVersion version;
  final DomainRules rules;
  final PdClock clock;
  final OwnerTickEngine engine;
  final String clusterId;
  final long upstreamId;
  final long checkpointLagMillis;
  final long resolvedLagMillis;
  final FaultRules faults = new FaultRules();
  final Journal journal;
  final ConfigPool configs;
  private final Random random;

  /** The live state; replaced by a copy of {@link #initial} on reset. */
  ClusterState state = new ClusterState();

  private ClusterState initial;
  private List<FaultRule> initialFaults = List.of();

  ClusterCore(
      TiCdcVersion version,
      PdClock clock,
      OwnerTick ownerTick,
      String clusterId,
      Long seed,
      long checkpointLagMillis,
      long resolvedLagMillis,
      int journalCapacity) {
    this.version = version;
    this.rules = DomainRules.of(version);
    this.clock = clock;
    this.engine = new OwnerTickEngine(clock, ownerTick);
    this.clusterId = clusterId;
    this.random = seed == null ? new Random() : new Random(seed);
    this.upstreamId = 7_000_000_000_000_000_000L + (random.nextLong() & 0x00FF_FFFF_FFFF_FFFFL);
    this.checkpointLagMillis = checkpointLagMillis;
    this.resolvedLagMillis = resolvedLagMillis;
    this.journal = new Journal(journalCapacity);
    this.configs = new ConfigPool(rules.shape());
  }

  ConfigShape shape() {
    return rules.shape();
  }

  /** A version-4 UUID from the cluster's (possibly seeded) random source. */
  String randomUuid() {
    synchronized (lock) {
      return new UUID(
              (random.nextLong() & ~0xF000L) | 0x4000L,
              (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L)
          .toString();
    }
  }

  /** Records the current state (with the clock and fault rules) as the one reset returns to. */
  void markInitialState() {
    synchronized (lock) {
      state.clockManual = clock.isManual();
      state.clockMillis = clock.snapshotMillis();
      initial = state.copy();
      initialFaults = faults.rules();
    }
  }

  /**
   * Returns to the recorded state; fault rules and the journal are cleared, then the initial rules
   * re-added.
   *
   * @return the captures that listen after the reset, id to address, for the caller to bind
   */
  Map<String, String> restoreInitialState() {
    synchronized (lock) {
      state = initial.copy();
      clock.restore(initial.clockManual, initial.clockMillis);
      faults.clear();
      initialFaults.forEach(faults::add);
      journal.clear();
      Map<String, String> live = new java.util.LinkedHashMap<>();
      for (ClusterState.CaptureEntry c : state.captures) {
        if (c.alive) {
          live.put(c.id, c.address);
        }
      }
      return live;
    }
  }

  // ---- changefeed lookup: callers hold the lock -------------------------------------------------

  /** The entry, caught up with the last tick; null when there is none. */
  ChangefeedEntry find(String namespace, String id) {
    ChangefeedEntry entry = state.changefeed(namespace, id);
    if (entry != null) {
      engine.catchUp(state, entry);
    }
    return entry;
  }

  /**
   * The entry after a tick, failing like TiCDC on an invalid id ({@code CDC:ErrAPIInvalidParam}) or
   * an unknown one ({@code CDC:ErrChangeFeedNotExists}).
   */
  ChangefeedEntry require(String namespace, String id) {
    ChangefeedChecks.checkChangefeedId(id);
    return requireUnchecked(namespace, id);
  }

  /**
   * {@link #require} for GET, {@code …/status} and {@code …/synced}: the new architecture does not
   * validate the id there, so a malformed one is just not found (pingcap/ticdc {@code
   * api/v2/changefeed.go@v26.3.4} GetChangeFeed, status, synced).
   */
  ChangefeedEntry requireForRead(String namespace, String id) {
    if (!rules.coordinator()) {
      ChangefeedChecks.checkChangefeedId(id);
    }
    return requireUnchecked(namespace, id);
  }

  private ChangefeedEntry requireUnchecked(String namespace, String id) {
    engine.tick(state);
    ChangefeedEntry entry = find(namespace, id);
    if (entry == null) {
      throw CdcError.CHANGEFEED_NOT_EXISTS.raise(rules.coordinator() ? id : namespace + "/" + id);
    }
    return entry;
  }

  /** A snapshot with its table assignments (none unless running). */
  Changefeed snapshot(ChangefeedEntry entry) {
    return entry.snapshot(
        upstreamId,
        entry.state.isRunning() ? TableScheduler.tables(state, entry) : Map.of(),
        version,
        maintainerAddress(entry));
  }

  /**
   * The address of the capture running the changefeed's maintainer while it is scheduled (normal or
   * warning), placed when first asked ({@link Maintainers}); null in classic TiCDC.
   */
  private String maintainerAddress(ChangefeedEntry entry) {
    if (!rules.coordinator()) {
      return null;
    }
    ClusterState.CaptureEntry capture = Maintainers.place(state, entry);
    return capture == null ? null : capture.address;
  }

  /** A new changefeed gid from the cluster's (possibly seeded) random source. */
  Changefeed.Gid randomGid() {
    synchronized (lock) {
      return new Changefeed.Gid(random.nextLong(), random.nextLong());
    }
  }

  /** A snapshot without table assignments: lists do not show them and must stay cheap. */
  Changefeed listSnapshot(ChangefeedEntry entry) {
    return entry.snapshot(upstreamId, Map.of(), version, maintainerAddress(entry));
  }
}
