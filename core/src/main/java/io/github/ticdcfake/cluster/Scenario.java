package io.github.ticdcfake.cluster;

import io.github.ticdcfake.fault.FaultRule;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A cluster to start from: captures, TiCDC version, upstream tables, changefeeds in given states
 * and fault rules — the Java form of the scenario file ({@code --scenario}, {@code GET
 * /__fake/state}) — plus server settings read at start (PD endpoints, cluster id, time zone,
 * advertise address, upstream users), which {@code GET /__fake/state} does not repeat.
 *
 * <p>Changefeeds are created through the same validation as {@code POST /api/v2/changefeeds}, then
 * forced into their state. Immutable.
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

  /**
   * A changefeed of a scenario.
   *
   * @param spec the create request
   * @param state the state it is forced into after the create
   * @param error its error (failed, pending) or warning (warning), if any
   */
  public record ChangefeedSeed(
      ChangefeedSpec spec, ChangefeedState state, Optional<CdcException> error) {
    public ChangefeedSeed {
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(error, "error");
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

    private Builder() {}

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
      changefeeds.add(new ChangefeedSeed(spec, state, Optional.ofNullable(error)));
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
