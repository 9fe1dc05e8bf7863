package io.github.ticdcfake.cluster;

import io.github.ticdcfake.fault.FaultRule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A cluster to start from: captures, TiCDC version, the PD clock, health and readiness, the GC
 * safepoint, upstream tables, changefeeds in given states with their checkpoints, and fault rules —
 * the Java form of the scenario file ({@code --scenario}, {@code GET /__fake/state}) — plus server
 * settings read at start (PD endpoints, cluster id, time zone, advertise address, upstream users),
 * which {@code GET /__fake/state} does not repeat.
 *
 * <p>Changefeeds are created through the same validation as {@code POST /api/v2/changefeeds}, then
 * given their checkpoint and forced into their state. Immutable.
 *
 * <pre>{@code
 * Scenario scenario = Scenario.builder()
 *     .captures(2)
 *     .upstreamTable("test", "orders", List.of("id", "note"), List.of("id"))
 *     .changefeed(ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build())
 *     .changefeed(
 *         ChangefeedSpec.builder().changefeedId("cf-2").sinkUri("blackhole://").build(),
 *         ChangefeedState.FAILED,
 *         CdcException.of("CDC:ErrGCTTLExceeded", "gc ttl exceeded"))
 *     .build();
 * FakeTiCdcServer.builder().scenario(scenario).start();
 * }</pre>
 */
public final class Scenario {
  private final OptionalInt captures;
  private final Optional<TiCdcVersion> version;
  private final List<UpstreamTable> upstreamTables;
  private final List<ChangefeedSeed> changefeeds;
  private final List<FaultRule> faults;
  private final List<String> pdEndpoints;
  private final Optional<String> clusterId;
  private final Optional<ZoneId> timeZone;
  private final Optional<String> advertiseAddress;
  private final Map<String, String> upstreamUsers;
  private final Optional<ClockSeed> clock;
  private final boolean healthy;
  private final boolean ready;
  private final long gcSafepoint;

  /**
   * A changefeed of a scenario.
   *
   * @param spec the create request
   * @param state the state it is forced into after the create
   * @param error its error (failed, pending) or warning (warning), if any
   * @param checkpoint where its checkpoint stands and how it moves
   */
  public record ChangefeedSeed(
      ChangefeedSpec spec,
      ChangefeedState state,
      Optional<CdcException> error,
      CheckpointSeed checkpoint) {
    public ChangefeedSeed {
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** A changefeed whose checkpoint starts at its start ts, as a create leaves it. */
    public ChangefeedSeed(
        ChangefeedSpec spec, ChangefeedState state, Optional<CdcException> error) {
      this(spec, state, error, CheckpointSeed.AS_CREATED);
    }
  }

  /**
   * Where a scenario changefeed's checkpoint stands and what moves it; a TSO of 0 leaves the value
   * a create gives (the start ts).
   *
   * @param checkpointTs the checkpoint TSO, or 0
   * @param resolvedTs the resolved TSO (never below the checkpoint), or 0
   * @param lastSyncedTs the commit TSO of the last data written downstream (for {@code /synced}),
   *     or 0
   * @param stalled the checkpoint is frozen ({@link FakeCluster#setCheckpointStalled})
   * @param lag the checkpoint is held this far behind the clock ({@link
   *     FakeCluster#setCheckpointLag}); not together with {@code stalled}
   */
  public record CheckpointSeed(
      long checkpointTs,
      long resolvedTs,
      long lastSyncedTs,
      boolean stalled,
      Optional<Duration> lag) {
    /** The checkpoint a create leaves: at the start ts, following the clock. */
    public static final CheckpointSeed AS_CREATED =
        new CheckpointSeed(0, 0, 0, false, Optional.empty());

    public CheckpointSeed {
      Objects.requireNonNull(lag, "lag");
      if (stalled && lag.isPresent()) {
        throw new IllegalArgumentException("a checkpoint is either stalled or lagging, not both");
      }
      if (lag.isPresent() && lag.get().isNegative()) {
        throw new IllegalArgumentException("lag cannot be negative: " + lag.get());
      }
      if (checkpointTs != 0
          && resolvedTs != 0
          && Long.compareUnsigned(resolvedTs, checkpointTs) < 0) {
        throw new IllegalArgumentException(
            "resolved_ts "
                + Long.toUnsignedString(resolvedTs)
                + " is below checkpoint_ts "
                + Long.toUnsignedString(checkpointTs));
      }
    }
  }

  /**
   * The PD clock of a scenario: its mode and where it stands. A system-mode clock runs on from
   * {@code now} at the wall clock's speed.
   *
   * @param manual whether it stands still until advanced
   * @param now its time when the scenario is loaded
   */
  public record ClockSeed(boolean manual, Instant now) {
    public ClockSeed {
      Objects.requireNonNull(now, "now");
    }
  }

  private Scenario(Builder b) {
    this.captures = b.captures;
    this.version = b.version;
    this.upstreamTables = List.copyOf(b.upstreamTables);
    this.changefeeds = List.copyOf(b.changefeeds);
    this.faults = List.copyOf(b.faults);
    this.pdEndpoints = b.pdEndpoints;
    this.clusterId = b.clusterId;
    this.timeZone = b.timeZone;
    this.advertiseAddress = b.advertiseAddress;
    this.upstreamUsers =
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.upstreamUsers));
    this.clock = b.clock;
    this.healthy = b.healthy;
    this.ready = b.ready;
    this.gcSafepoint = b.gcSafepoint;
  }

  /** An empty scenario builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of captures, if the scenario sets it. */
  public OptionalInt captures() {
    return captures;
  }

  /** The TiCDC version, if the scenario sets it. */
  public Optional<TiCdcVersion> version() {
    return version;
  }

  /** Upstream tables in order; a {@code tableId} of 0 is assigned when loaded. */
  public List<UpstreamTable> upstreamTables() {
    return upstreamTables;
  }

  /** Changefeeds in creation order. */
  public List<ChangefeedSeed> changefeeds() {
    return changefeeds;
  }

  /** Fault rules in order. */
  public List<FaultRule> faults() {
    return faults;
  }

  /** The upstream PD's endpoints ({@code cdc server --pd}), if the scenario sets them. */
  public List<String> pdEndpoints() {
    return pdEndpoints;
  }

  /** TiCDC's cluster id ({@code cdc server --cluster-id}), if the scenario sets it. */
  public Optional<String> clusterId() {
    return clusterId;
  }

  /** The zone local times are rendered in (the TiCDC machine's zone), if the scenario sets it. */
  public Optional<ZoneId> timeZone() {
    return timeZone;
  }

  /** The first capture's advertised {@code host:port}, if the scenario sets it. */
  public Optional<String> advertiseAddress() {
    return advertiseAddress;
  }

  /** The upstream TiDB's users and passwords, which client authentication logs in as. */
  public Map<String, String> upstreamUsers() {
    return upstreamUsers;
  }

  /** The PD clock's mode and time, if the scenario sets them. */
  public Optional<ClockSeed> clock() {
    return clock;
  }

  /** Whether {@code GET /api/v2/health} succeeds; default {@code true}. */
  public boolean healthy() {
    return healthy;
  }

  /** Whether the captures are ready; default {@code true}. */
  public boolean ready() {
    return ready;
  }

  /** PD's min service GC safepoint; default 0. */
  public long gcSafepoint() {
    return gcSafepoint;
  }

  /** Builds a {@link Scenario}. */
  public static final class Builder {
    private OptionalInt captures = OptionalInt.empty();
    private Optional<TiCdcVersion> version = Optional.empty();
    private final List<UpstreamTable> upstreamTables = new ArrayList<>();
    private final List<ChangefeedSeed> changefeeds = new ArrayList<>();
    private final List<FaultRule> faults = new ArrayList<>();
    private List<String> pdEndpoints = List.of();
    private Optional<String> clusterId = Optional.empty();
    private Optional<ZoneId> timeZone = Optional.empty();
    private Optional<String> advertiseAddress = Optional.empty();
    private final Map<String, String> upstreamUsers = new LinkedHashMap<>();
    private Optional<ClockSeed> clock = Optional.empty();
    private boolean healthy = true;
    private boolean ready = true;
    private long gcSafepoint;

    private Builder() {}

    /**
     * The PD clock at load: its mode and time. A clock never goes back, so the cluster's clock must
     * not have shown a later time (a fresh cluster's has shown none).
     */
    public Builder clock(ClockSeed clock) {
      this.clock = Optional.of(Objects.requireNonNull(clock, "clock"));
      return this;
    }

    /** Whether {@code GET /api/v2/health} succeeds. */
    public Builder healthy(boolean healthy) {
      this.healthy = healthy;
      return this;
    }

    /** Whether the captures are ready (TiCDC answers 503 until they are). */
    public Builder ready(boolean ready) {
      this.ready = ready;
      return this;
    }

    /** PD's min service GC safepoint, set after the changefeeds are created. */
    public Builder gcSafepoint(long tso) {
      this.gcSafepoint = tso;
      return this;
    }

    /** The upstream PD's endpoints, such as {@code https://127.0.0.1:2579}. */
    public Builder pdEndpoints(List<String> endpoints) {
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("PD needs at least one endpoint");
      }
      this.pdEndpoints = List.copyOf(endpoints);
      return this;
    }

    /** TiCDC's cluster id. */
    public Builder clusterId(String clusterId) {
      this.clusterId = Optional.of(Objects.requireNonNull(clusterId, "clusterId"));
      return this;
    }

    /** The zone local times are rendered in. */
    public Builder timeZone(ZoneId zone) {
      this.timeZone = Optional.of(Objects.requireNonNull(zone, "zone"));
      return this;
    }

    /** The first capture's advertised {@code host:port}. */
    public Builder advertiseAddress(String hostPort) {
      this.advertiseAddress = Optional.of(Objects.requireNonNull(hostPort, "hostPort"));
      return this;
    }

    /** A user of the upstream TiDB. */
    public Builder upstreamUser(String user, String password) {
      upstreamUsers.put(
          Objects.requireNonNull(user, "user"), Objects.requireNonNull(password, "password"));
      return this;
    }

    /** The number of captures (at least 1). */
    public Builder captures(int captures) {
      if (captures < 1) {
        throw new IllegalArgumentException("captures must be at least 1, got " + captures);
      }
      this.captures = OptionalInt.of(captures);
      return this;
    }

    /** The TiCDC version to mimic. */
    public Builder version(TiCdcVersion version) {
      this.version = Optional.of(Objects.requireNonNull(version, "version"));
      return this;
    }

    /** An upstream table; no primary key makes it ineligible. Its id is assigned on load. */
    public Builder upstreamTable(
        String schema, String table, List<String> columns, List<String> primaryKey) {
      return upstreamTable(new UpstreamTable(schema, table, 0, columns, primaryKey));
    }

    /** An upstream table; a {@code tableId} of 0 is assigned on load. */
    public Builder upstreamTable(UpstreamTable table) {
      upstreamTables.add(Objects.requireNonNull(table, "table"));
      return this;
    }

    /** A changefeed in state normal. */
    public Builder changefeed(ChangefeedSpec spec) {
      return changefeed(spec, ChangefeedState.NORMAL, null);
    }

    /** A changefeed forced into {@code state}, with an error ({@code null} for none). */
    public Builder changefeed(ChangefeedSpec spec, ChangefeedState state, CdcException error) {
      return changefeed(spec, state, error, CheckpointSeed.AS_CREATED);
    }

    /**
     * A changefeed forced into {@code state}, with an error ({@code null} for none) and its
     * checkpoint where {@code checkpoint} puts it.
     */
    public Builder changefeed(
        ChangefeedSpec spec, ChangefeedState state, CdcException error, CheckpointSeed checkpoint) {
      changefeeds.add(new ChangefeedSeed(spec, state, Optional.ofNullable(error), checkpoint));
      return this;
    }

    /** A fault rule, active from the start (and again after every reset). */
    public Builder fault(FaultRule rule) {
      faults.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** The scenario. */
    public Scenario build() {
      return new Scenario(this);
    }
  }
}
