package io.github.ticdcfake.cluster;

import io.github.ticdcfake.cluster.ChangefeedEntry.Job;
import io.github.ticdcfake.cluster.ChangefeedEntry.JobType;
import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.FaultRules;
import io.github.ticdcfake.fault.Journal;
import io.github.ticdcfake.fault.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A fake TiCDC cluster: captures and their owner, changefeeds with TiCDC's state machine,
 * processors, a PD clock and an upstream schema — the state every fake capture's HTTP API serves.
 *
 * <p>Every operation is atomic with respect to the others (one lock per cluster), so concurrent
 * requests are linearizable. Operations named after TiCDC's API ({@link #createChangefeed}, {@link
 * #pauseChangefeed}, …) apply TiCDC's validation and raise {@link CdcException} with TiCDC's codes
 * and messages, so Java callers and HTTP clients see the same behaviour.
 *
 * <pre>{@code
 * FakeCluster cluster = server.cluster();
 * cluster.createChangefeed(ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
 * cluster.pauseChangefeed("default", "cf-1");
 * assertThat(cluster.changefeed("cf-1")).map(Changefeed::state).contains(ChangefeedState.STOPPED);
 * }</pre>
 */
public final class FakeCluster {
  /** The default namespace. */
  public static final String DEFAULT_NAMESPACE = "default";

  private static final Set<String> ZAP_LEVELS =
      Set.of("debug", "info", "warn", "error", "dpanic", "panic", "fatal", "");

  private final Object lock = new Object();
  private final TiCdcVersion version;
  private final ConfigShape shape;
  private final PdClock clock;
  private final OwnerTick ownerTick;
  private final String clusterId;
  private final long upstreamId;
  private final Random random;
  private final long checkpointLagMillis;
  private final long resolvedLagMillis;
  private final SinkProbe sinkProbe;
  private final List<String> pdEndpoints;
  private final FaultRules faults = new FaultRules();
  private final Journal journal;
  private CaptureNetwork network;

  private State state = new State();
  private State initial;
  private List<FaultRule> initialFaults = List.of();
  private static final Duration DEFAULT_AWAIT = Duration.ofSeconds(5);

  /** Everything {@link #reset()} restores; copied wholesale. */
  private static final class State {
    final List<CaptureEntry> captures = new ArrayList<>();
    String ownerId;
    final TreeMap<String, TreeMap<String, ChangefeedEntry>> changefeeds = new TreeMap<>();
    final List<UpstreamTable> upstreamTables = new ArrayList<>();
    final Map<String, Boolean> sinkReachability = new TreeMap<>();

    /**
     * Changefeeds with queued admin jobs: the only ones the owner's tick visits. Every other
     * changefeed moves lazily ({@link #catchUp}) when it is read, which gives the same checkpoints
     * because progress from one time to a later one does not depend on the steps in between.
     */
    final Set<ChangefeedEntry> withJobs = new LinkedHashSet<>();

    /** The latest clock reading a tick saw: where every changefeed's progress is due. */
    long tickMillis = Long.MIN_VALUE;

    long gcSafepoint;
    boolean healthy = true;
    boolean ready = true;
    boolean clockManual;
    long clockMillis;
    long ownerElectionDelayMillis;
    String electedNext;
    long electionDueMillis;

    State copy() {
      State c = new State();
      for (CaptureEntry capture : captures) {
        c.captures.add(capture.copy());
      }
      c.ownerId = ownerId;
      changefeeds.forEach(
          (ns, byId) -> {
            TreeMap<String, ChangefeedEntry> copy = new TreeMap<>();
            byId.forEach(
                (id, entry) -> {
                  ChangefeedEntry e = entry.copy();
                  copy.put(id, e);
                  if (!e.jobs.isEmpty()) {
                    c.withJobs.add(e);
                  }
                });
            c.changefeeds.put(ns, copy);
          });
      c.upstreamTables.addAll(upstreamTables);
      c.sinkReachability.putAll(sinkReachability);
      c.tickMillis = tickMillis;
      c.gcSafepoint = gcSafepoint;
      c.healthy = healthy;
      c.ready = ready;
      c.clockManual = clockManual;
      c.clockMillis = clockMillis;
      c.ownerElectionDelayMillis = ownerElectionDelayMillis;
      c.electedNext = electedNext;
      c.electionDueMillis = electionDueMillis;
      return c;
    }
  }

  private static final class CaptureEntry {
    final String id;
    final String address;
    boolean alive = true;
    String logLevel = "info";

    /** Tables still to move off while draining; -1 when not draining. */
    int drainRemaining = -1;

    CaptureEntry(String id, String address) {
      this.id = id;
      this.address = address;
    }

    CaptureEntry copy() {
      CaptureEntry c = new CaptureEntry(id, address);
      c.alive = alive;
      c.logLevel = logLevel;
      c.drainRemaining = drainRemaining;
      return c;
    }
  }

  private FakeCluster(Builder builder) {
    this.version = builder.version;
    this.shape = ConfigShape.of(version);
    this.clock = builder.clock;
    this.ownerTick = builder.ownerTick;
    this.clusterId = builder.clusterId;
    this.random = builder.seed == null ? new Random() : new Random(builder.seed);
    this.upstreamId = 7_000_000_000_000_000_000L + (random.nextLong() & 0x00FF_FFFF_FFFF_FFFFL);
    this.checkpointLagMillis = builder.checkpointLag.toMillis();
    this.resolvedLagMillis = builder.resolvedLag.toMillis();
    this.sinkProbe = builder.sinkProbe;
    this.pdEndpoints = builder.pdEndpoints;
    for (String address : builder.addresses) {
      state.captures.add(new CaptureEntry(randomUuid(), address));
    }
    state.ownerId = state.captures.get(0).id;
    state.ownerElectionDelayMillis = builder.ownerElectionDelay.toMillis();
    this.journal = new Journal(builder.journalCapacity);
    markInitialState();
  }

  /** A builder; {@code FakeTiCdcServer.builder()} is the usual way to get a cluster. */
  public static Builder builder() {
    return new Builder();
  }

  private String randomUuid() {
    return new UUID(
            (random.nextLong() & ~0xF000L) | 0x4000L,
            (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L)
        .toString();
  }

  // ---- cluster-wide facts ---------------------------------------------------------------------

  /** The TiCDC release this cluster mimics. */
  public TiCdcVersion version() {
    return version;
  }

  /** The PD clock: "now" and TSOs for this cluster. */
  public PdClock clock() {
    return clock;
  }

  /** The TiCDC cluster id, {@code default} unless configured. */
  public String clusterId() {
    return clusterId;
  }

  /** The PD cluster id of the upstream, reported as {@code upstream_id}. */
  public long upstreamId() {
    return upstreamId;
  }

  /** The owner tick policy for pause and resume. */
  public OwnerTick ownerTick() {
    return ownerTick;
  }

  /** Issues a fresh TSO from the PD clock. */
  public long nextTso() {
    return clock.nextTso();
  }

  /**
   * Records the current state as the one {@link #reset()} returns to; the server calls it after
   * start (and after applying a scenario).
   */
  public void markInitialState() {
    synchronized (lock) {
      state.clockManual = clock.isManual();
      state.clockMillis = clock.snapshotMillis();
      initial = state.copy();
      initialFaults = faults.rules();
    }
  }

  /**
   * Returns to the state recorded by {@link #markInitialState()}: captures (killed ones listen
   * again, added ones stop), owner, changefeeds, upstream tables, GC safepoint, health and the
   * clock; fault rules and the journal are cleared, then the initial fault rules re-added.
   */
  public void reset() {
    synchronized (lock) {
      state = initial.copy();
      clock.restore(initial.clockManual, initial.clockMillis);
      faults.clear();
      initialFaults.forEach(faults::add);
      journal.clear();
      syncNetwork();
    }
  }

  // ---- captures and owner ---------------------------------------------------------------------

  /** All captures, alive or killed, in the order they joined. */
  public List<Capture> captures() {
    synchronized (lock) {
      electIfDue();
      List<Capture> out = new ArrayList<>();
      for (CaptureEntry c : state.captures) {
        out.add(toCapture(c));
      }
      return out;
    }
  }

  /** The live captures as {@code GET /api/v2/captures} lists them. */
  public List<Capture> liveCaptures() {
    synchronized (lock) {
      electIfDue();
      List<Capture> out = new ArrayList<>();
      for (CaptureEntry c : state.captures) {
        if (c.alive) {
          out.add(toCapture(c));
        }
      }
      return out;
    }
  }

  /** The capture with this id. */
  public Optional<Capture> capture(String captureId) {
    synchronized (lock) {
      electIfDue();
      return Optional.ofNullable(findCapture(captureId)).map(this::toCapture);
    }
  }

  /** The owner, or empty while no owner is elected. */
  public Optional<Capture> owner() {
    synchronized (lock) {
      electIfDue();
      return state.ownerId == null ? Optional.empty() : capture(state.ownerId);
    }
  }

  /**
   * The owner, failing like TiCDC's owner-routed requests when there is none ({@code
   * CDC:ErrOwnerNotFound}, reference §3.10).
   */
  public Capture requireOwner() {
    return owner().orElseThrow(CdcError.OWNER_NOT_FOUND::raise);
  }

  /**
   * Resigns the owner ({@code POST /api/v2/owner/resign}): a new owner is elected among the live
   * captures, the next one after the old owner in join order (the same one when it is alone) —
   * after the {@linkplain #setOwnerElectionDelay owner election delay}, during which there is no
   * owner.
   */
  public void resignOwner() {
    synchronized (lock) {
      electIfDue();
      List<CaptureEntry> live = new ArrayList<>();
      int current = -1;
      for (CaptureEntry c : state.captures) {
        if (c.alive) {
          if (c.id.equals(state.ownerId)) {
            current = live.size();
          }
          live.add(c);
        }
      }
      String next = live.isEmpty() ? null : live.get((current + 1) % live.size()).id;
      elect(next);
    }
  }

  /** Makes {@code captureId} the owner. */
  public void electOwner(String captureId) {
    synchronized (lock) {
      CaptureEntry capture = findCapture(captureId);
      if (capture == null || !capture.alive) {
        throw CdcError.CAPTURE_NOT_EXIST.raise(captureId);
      }
      state.ownerId = captureId;
      state.electedNext = null;
    }
  }

  /** The log level a capture was set to with {@code POST /api/v2/log} ({@code info} at start). */
  public String logLevel(String captureId) {
    synchronized (lock) {
      CaptureEntry capture = findCapture(captureId);
      if (capture == null) {
        throw new IllegalArgumentException("no capture " + captureId);
      }
      return capture.logLevel;
    }
  }

  /**
   * Sets a capture's log level like {@code POST /api/v2/log}: zap levels, case-insensitive, empty
   * meaning {@code info}; anything else is {@code CDC:ErrAPIInvalidParam} (reference §3.10).
   */
  public void setLogLevel(String captureId, String level) {
    String lower = level.toLowerCase(Locale.ROOT);
    if (!ZAP_LEVELS.contains(lower)) {
      throw CdcError.API_INVALID_PARAM.raiseWithMessage("fail to change log level: " + level);
    }
    synchronized (lock) {
      CaptureEntry capture = findCapture(captureId);
      if (capture != null) {
        capture.logLevel = lower.isEmpty() ? "info" : lower;
      }
    }
  }

  private CaptureEntry findCapture(String captureId) {
    for (CaptureEntry c : state.captures) {
      if (c.id.equals(captureId)) {
        return c;
      }
    }
    return null;
  }

  private Capture toCapture(CaptureEntry c) {
    return new Capture(c.id, c.address, c.id.equals(state.ownerId), clusterId, c.alive);
  }

  // ---- health and readiness -------------------------------------------------------------------

  /** Whether {@code GET /api/v2/health} succeeds. */
  public boolean isHealthy() {
    synchronized (lock) {
      return state.healthy;
    }
  }

  /** Makes {@code /api/v2/health} fail with {@code CDC:ErrClusterIsUnhealthy}, or heals it. */
  public void setHealthy(boolean healthy) {
    synchronized (lock) {
      state.healthy = healthy;
    }
  }

  /** Whether the captures are ready; until then every {@code /api/v2} route answers 503. */
  public boolean isReady() {
    synchronized (lock) {
      return state.ready;
    }
  }

  /** Switches readiness (reference §9: TiCDC answers 503 until a capture is initialised). */
  public void setReady(boolean ready) {
    synchronized (lock) {
      state.ready = ready;
    }
  }

  /** Fails like {@code GET /api/v2/health} on an unhealthy cluster. */
  public void checkHealth() {
    synchronized (lock) {
      if (state.ownerId == null) {
        throw CdcError.OWNER_NOT_FOUND.raise();
      }
      if (!state.healthy) {
        throw CdcError.CLUSTER_IS_UNHEALTHY.raise();
      }
    }
  }

  /** PD's min service GC safepoint (0 at start). */
  public long gcSafepoint() {
    synchronized (lock) {
      return state.gcSafepoint;
    }
  }

  /** Moves the GC safepoint: creates and resumes at or below it fail with ErrStartTsBeforeGC. */
  public void setGcSafepoint(long tso) {
    synchronized (lock) {
      state.gcSafepoint = tso;
    }
  }

  // ---- PD -------------------------------------------------------------------------------------

  /** The upstream PD's endpoints, as {@code pd_addrs} must name them. */
  public List<String> pdEndpoints() {
    return pdEndpoints;
  }

  /**
   * Fails like TiCDC's PD client when {@code pdAddrs} name an address that is not one of {@link
   * #pdEndpoints()} (reference §3.1 step 2): 500 {@code CDC:ErrAPIGetPDClientFailed}. Empty means
   * the server's default upstream.
   */
  public void checkPdAddrs(List<String> pdAddrs) {
    for (String address : pdAddrs) {
      if (pdEndpoints.stream().noneMatch(e -> hostPort(e).equals(hostPort(address)))) {
        throw CdcError.API_GET_PD_CLIENT_FAILED.wrap("context deadline exceeded");
      }
    }
  }

  /**
   * {@link #checkPdAddrs} for a resume body: v8 answers 500 {@code ErrAPIGetPDClientFailed}, v7.3
   * wrapped it in 400 {@code ErrAPIInvalidParam} (reference §11.1).
   */
  public void checkResumePdAddrs(List<String> pdAddrs) {
    try {
      checkPdAddrs(pdAddrs);
    } catch (CdcException e) {
      throw version.resumePdFailureIsBadRequest()
          ? CdcError.API_INVALID_PARAM.wrap(e.getMessage())
          : e;
    }
  }

  private static String hostPort(String address) {
    String a = address.strip();
    int scheme = a.indexOf("://");
    a = scheme >= 0 ? a.substring(scheme + 3) : a;
    return a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
  }

  // ---- sink reachability ---------------------------------------------------------------------

  /**
   * Scripts whether create and update can reach a sink host ({@code host:port} as TiCDC dials it,
   * e.g. {@code 127.0.0.1:3306}), whatever the {@link SinkProbe}: an unreachable MySQL answers 400
   * {@code CDC:ErrMySQLConnectionError}, Kafka 500 {@code CDC:ErrKafkaNewProducer}.
   */
  public void setSinkReachable(String hostPort, boolean reachable) {
    synchronized (lock) {
      state.sinkReachability.put(hostPort, reachable);
    }
  }

  private String dialError(SinkUri uri) {
    String target = ChangefeedChecks.dialTarget(uri);
    if (target == null) {
      return null;
    }
    Boolean scripted = state.sinkReachability.get(target);
    if (scripted != null) {
      return scripted ? null : "dial tcp " + target + ": connect: connection refused";
    }
    if (!sinkProbe.probes()) {
      return null;
    }
    int colon = target.lastIndexOf(':');
    return sinkProbe.dial(
        target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
  }

  // ---- upstream schema ------------------------------------------------------------------------

  /** The upstream tables, in the order they were added. */
  public List<UpstreamTable> upstreamTables() {
    synchronized (lock) {
      return List.copyOf(state.upstreamTables);
    }
  }

  /**
   * Adds a table to the upstream; running changefeeds whose filter matches it start replicating it
   * (their processors show its id).
   *
   * @param primaryKey key columns; none makes the table ineligible in TiCDC's sense
   * @return the table with its id ({@code 100 + n} style ids are assigned when {@code tableId} is
   *     0)
   */
  public UpstreamTable addUpstreamTable(
      String schema, String table, long tableId, List<String> columns, List<String> primaryKey) {
    synchronized (lock) {
      long id = tableId;
      if (id == 0) {
        id = 104;
        for (UpstreamTable existing : state.upstreamTables) {
          id = Math.max(id, existing.tableId() + 2);
        }
      }
      for (UpstreamTable existing : state.upstreamTables) {
        if (existing.qualifiedName().equals(schema + "." + table) || existing.tableId() == id) {
          throw new IllegalArgumentException(
              "upstream already has table " + existing.qualifiedName() + " (id " + id + ")");
        }
      }
      UpstreamTable added = new UpstreamTable(schema, table, id, columns, primaryKey);
      state.upstreamTables.add(added);
      return added;
    }
  }

  // ---- changefeeds: reads ---------------------------------------------------------------------

  /** The changefeed in the default namespace, without counting as a read of the HTTP API. */
  public Optional<Changefeed> changefeed(String id) {
    return changefeed(DEFAULT_NAMESPACE, id);
  }

  /** The changefeed, without counting as a read of the HTTP API. */
  public Optional<Changefeed> changefeed(String namespace, String id) {
    synchronized (lock) {
      tick();
      ChangefeedEntry entry = find(namespace, id);
      return entry == null ? Optional.empty() : Optional.of(snapshot(entry));
    }
  }

  /** All changefeeds of every namespace, sorted by namespace then id. */
  public List<Changefeed> changefeeds() {
    synchronized (lock) {
      tick();
      List<Changefeed> out = new ArrayList<>();
      for (TreeMap<String, ChangefeedEntry> byId : state.changefeeds.values()) {
        for (ChangefeedEntry entry : byId.values()) {
          catchUp(entry);
          out.add(snapshot(entry));
        }
      }
      return out;
    }
  }

  /**
   * {@code GET /api/v2/changefeeds/{id}}: the changefeed, counting as a read for {@link
   * OwnerTick#afterReads(int)}.
   *
   * @throws CdcException {@code invalid changefeed_id} or {@code CDC:ErrChangeFeedNotExists}
   */
  public Changefeed getChangefeed(String namespace, String id) {
    synchronized (lock) {
      ChangefeedEntry entry = require(namespace, id);
      Changefeed snapshot = snapshot(entry);
      countRead(entry);
      return snapshot;
    }
  }

  /**
   * The changefeed, failing like TiCDC when the id is invalid ({@code CDC:ErrAPIInvalidParam}) or
   * unknown ({@code CDC:ErrChangeFeedNotExists}); does not count as a read.
   */
  public Changefeed requireChangefeed(String namespace, String id) {
    synchronized (lock) {
      return snapshot(require(namespace, id));
    }
  }

  /**
   * {@code GET /api/v2/changefeeds}: the changefeeds of a namespace sorted by id, filtered by state
   * like TiCDC (reference §3.2): empty filter = everything but finished, {@code all} = everything,
   * anything else = exact internal state.
   */
  public List<Changefeed> listChangefeeds(String namespace, String stateFilter) {
    synchronized (lock) {
      tick();
      List<Changefeed> out = new ArrayList<>();
      TreeMap<String, ChangefeedEntry> byId = state.changefeeds.get(namespace);
      if (byId == null) {
        return out;
      }
      for (ChangefeedEntry entry : byId.values()) {
        catchUp(entry);
        String name = entry.state.wireName();
        boolean include =
            stateFilter.isEmpty()
                ? entry.state != ChangefeedState.FINISHED
                : stateFilter.equals("all") || stateFilter.equals(name);
        if (include) {
          out.add(listSnapshot(entry));
          countRead(entry);
        }
      }
      return out;
    }
  }

  /**
   * The config the owner holds for a changefeed: pruned per sink type, what GET shows (reference
   * §5.1 step 3).
   */
  public ReplicaConfig ownerConfig(String namespace, String id) {
    synchronized (lock) {
      return require(namespace, id).ownerConfig(version);
    }
  }

  // ---- changefeeds: writes --------------------------------------------------------------------

  /**
   * {@code POST /api/v2/changefeeds}: validates like TiCDC in TiCDC's order (reference §3.1) and
   * stores a {@code normal} changefeed whose checkpoint and resolved ts equal its start ts.
   */
  public Changefeed createChangefeed(ChangefeedSpec request) {
    ChangefeedSpec spec = Objects.requireNonNull(request, "spec").forVersion(version);
    checkPdAddrs(spec.pdAddrs());
    synchronized (lock) {
      tick();
      String sinkUri = spec.sinkUri();
      if (sinkUri.isEmpty()) {
        throw CdcError.SINK_URI_INVALID.raise(
            "sink_uri is empty, cannot create a changefeed without sink_uri");
      }
      String id = spec.changefeedId().isEmpty() ? randomUuid() : spec.changefeedId();
      ChangefeedChecks.checkChangefeedId(id);
      String namespace = spec.namespace().isEmpty() ? DEFAULT_NAMESPACE : spec.namespace();
      if (!ChangefeedChecks.validId(namespace)) {
        throw CdcError.API_INVALID_PARAM.raiseWithMessage("invalid namespace: " + namespace);
      }
      if (find(namespace, id) != null) {
        throw CdcError.CHANGEFEED_ALREADY_EXISTS.raise(id);
      }
      long tso = clock.nextTso();
      long startTs = spec.startTs() == 0 ? tso : spec.startTs();
      if (version.rejectsFutureStartTs() && Long.compareUnsigned(startTs, tso) > 0) {
        throw CdcError.API_INVALID_PARAM.raiseWithMessage(
            "invalid start-ts "
                + Long.toUnsignedString(startTs)
                + ", larger than current tso "
                + tso);
      }
      if (Long.compareUnsigned(startTs, state.gcSafepoint) <= 0) {
        throw CdcError.START_TS_BEFORE_GC.raise(startTs, state.gcSafepoint);
      }
      long targetTs = spec.targetTs();
      if (targetTs != 0 && Long.compareUnsigned(targetTs, startTs) <= 0) {
        throw CdcError.TARGET_TS_BEFORE_START_TS.raise(targetTs, startTs);
      }
      SinkUri uri = ChangefeedChecks.parseSinkUri(sinkUri);
      ReplicaConfig config =
          ReplicaConfig.validateAndAdjust(shape, version, spec.replicaConfigValue(), uri);
      ChangefeedChecks.verifiedTables(config, uri, state.upstreamTables);
      ChangefeedChecks.validateSink(config, uri);
      ChangefeedChecks.failIfUnreachable(uri, dialError(uri));

      ChangefeedEntry entry =
          new ChangefeedEntry(namespace, id, clock.instant(), version.version(), uri);
      entry.startTs = startTs;
      entry.targetTs = targetTs;
      entry.config = config;
      entry.checkpointTs = startTs;
      entry.resolvedTs = startTs;
      entry.checkpointLagMillis = checkpointLagMillis;
      entry.resolvedLagMillis = resolvedLagMillis;
      entry.lastProgressMillis = clock.millis();
      entry.lastSyncedTs = startTs;
      state.changefeeds.computeIfAbsent(namespace, ns -> new TreeMap<>()).put(id, entry);
      return snapshot(entry);
    }
  }

  /**
   * The state gate TiCDC applies to an update before reading its body (reference §3.4 step 2).
   *
   * @throws CdcException not exists, or {@code CDC:ErrChangefeedUpdateRefused} unless stopped or
   *     failed
   */
  public void checkUpdatable(String namespace, String id) {
    synchronized (lock) {
      ChangefeedEntry entry = require(namespace, id);
      if (entry.state != ChangefeedState.STOPPED && entry.state != ChangefeedState.FAILED) {
        throw CdcError.CHANGEFEED_UPDATE_REFUSED.raise(
            "can only update changefeed config when it is stopped or failed");
      }
    }
  }

  /**
   * {@code PUT /api/v2/changefeeds/{id}} (reference §3.4): only stopped or failed changefeeds;
   * {@code target_ts} is checked against {@code start_ts}; a sent {@code replica_config} replaces
   * the whole config from the defaults; the new pair is validated like a create; an update that
   * changes nothing is refused. The state does not change.
   */
  public Changefeed updateChangefeed(String namespace, String id, ChangefeedSpec request) {
    ChangefeedSpec update = request.forVersion(version);
    synchronized (lock) {
      checkUpdatable(namespace, id);
      checkPdAddrs(update.pdAddrs());
      ChangefeedEntry entry = require(namespace, id);
      long targetTs = entry.targetTs;
      if (update.targetTs() != 0) {
        if (Long.compareUnsigned(update.targetTs(), entry.startTs) <= 0) {
          throw CdcError.CHANGEFEED_UPDATE_REFUSED.raiseWithMessage(
              "can not update target_ts:"
                  + Long.toUnsignedString(update.targetTs())
                  + " less than start_ts:"
                  + Long.toUnsignedString(entry.startTs));
        }
        targetTs = update.targetTs();
      }
      String sinkUri = update.sinkUri().isEmpty() ? entry.sinkUri : update.sinkUri();
      ReplicaConfig oldConfig = entry.ownerConfig(version);
      ReplicaConfig config = oldConfig;
      SinkUri uri = entry.parsedUri;
      boolean configChanged = update.replicaConfigSent() || !sinkUri.equals(entry.sinkUri);
      if (configChanged) {
        try {
          uri = ChangefeedChecks.parseSinkUri(sinkUri);
          Map<String, Object> base =
              update.replicaConfigSent()
                  ? ReplicaConfig.fromUpdate(shape, update.replicaConfigValue())
                  : oldConfig.raw();
          config = ReplicaConfig.validateAndAdjust(shape, version, base, uri);
          ChangefeedChecks.verifiedTables(config, uri, state.upstreamTables);
          ChangefeedChecks.validateSink(config, uri);
          ChangefeedChecks.failIfUnreachable(uri, dialError(uri));
        } catch (CdcException e) {
          if (e.error() == CdcError.TABLE_INELIGIBLE) {
            throw e;
          }
          throw CdcError.CHANGEFEED_UPDATE_REFUSED.raise(e.getMessage());
        }
      }
      if (targetTs == entry.targetTs && sinkUri.equals(entry.sinkUri) && config.equals(oldConfig)) {
        throw CdcError.CHANGEFEED_UPDATE_REFUSED.raise(
            "changefeed config is the same with the old one, do nothing");
      }
      entry.targetTs = targetTs;
      entry.sinkUri = sinkUri;
      entry.parsedUri = uri;
      entry.config = config;
      return snapshot(entry);
    }
  }

  /**
   * {@code DELETE /api/v2/changefeeds/{id}}: removes the changefeed at once; a missing one is not
   * an error (reference §3.5).
   *
   * @return whether a changefeed was removed
   */
  public boolean removeChangefeed(String namespace, String id) {
    ChangefeedChecks.checkChangefeedId(id);
    synchronized (lock) {
      tick();
      TreeMap<String, ChangefeedEntry> byId = state.changefeeds.get(namespace);
      ChangefeedEntry removedEntry = byId == null ? null : byId.remove(id);
      boolean removed = removedEntry != null;
      if (removed) {
        state.withJobs.remove(removedEntry);
      }
      if (byId != null && byId.isEmpty()) {
        state.changefeeds.remove(namespace);
      }
      return removed;
    }
  }

  /**
   * {@code POST /api/v2/changefeeds/{id}/pause}: queues a stop job, applied on the owner's next
   * tick ({@link OwnerTick}); a stopped, failed or finished changefeed is left alone.
   */
  public void pauseChangefeed(String namespace, String id) {
    synchronized (lock) {
      ChangefeedEntry entry = require(namespace, id);
      queue(entry, JobType.STOP, 0);
    }
  }

  /**
   * Checks a resume like TiCDC before queuing it (reference §3.7 step 3): the checkpoint to resume
   * from ({@code overwriteCheckpointTs}, or the current one when 0) must not be above the current
   * TSO nor at or below the GC safepoint.
   */
  public void checkResumable(String namespace, String id, long overwriteCheckpointTs) {
    synchronized (lock) {
      ChangefeedEntry entry = require(namespace, id);
      if (overwriteCheckpointTs == 0 && !version.checksResumeCheckpoint()) {
        return;
      }
      long ts = overwriteCheckpointTs != 0 ? overwriteCheckpointTs : entry.checkpointTs;
      if (ts == 0) {
        return;
      }
      long tso = clock.nextTso();
      if (version.rejectsFutureOverwriteCheckpointTs() && Long.compareUnsigned(ts, tso) > 0) {
        throw CdcError.API_INVALID_PARAM.raiseWithMessage(
            "invalid checkpoint-ts "
                + Long.toUnsignedString(ts)
                + ", larger than current tso "
                + tso);
      }
      if (Long.compareUnsigned(ts, state.gcSafepoint) <= 0) {
        throw CdcError.START_TS_BEFORE_GC.raise(ts, state.gcSafepoint);
      }
    }
  }

  /**
   * {@code POST /api/v2/changefeeds/{id}/resume}: checks the checkpoint ({@link #checkResumable})
   * and queues a resume job; on the owner's tick a stopped, failed or finished changefeed becomes
   * normal with its error cleared, and a non-zero {@code overwriteCheckpointTs} becomes both its
   * checkpoint and its start ts.
   */
  public void resumeChangefeed(String namespace, String id, long overwriteCheckpointTs) {
    synchronized (lock) {
      checkResumable(namespace, id, overwriteCheckpointTs);
      queue(require(namespace, id), JobType.RESUME, overwriteCheckpointTs);
    }
  }

  // ---- scripting ------------------------------------------------------------------------------

  /**
   * Forces a changefeed into a state, as a test's script; {@code error} fills the error slot for
   * {@link ChangefeedState#FAILED}, {@link ChangefeedState#PENDING} and {@link
   * ChangefeedState#WARNING} (the warning slot for warning), where TiCDC shows it. The error's time
   * is now, but always after the checkpoint's time.
   */
  public Changefeed forceState(
      String namespace, String id, ChangefeedState newState, CdcException error) {
    synchronized (lock) {
      ChangefeedEntry entry = require(namespace, id);
      entry.state = newState;
      entry.jobs.clear();
      entry.error = null;
      entry.warning = null;
      if (error != null) {
        String addr = owner().map(Capture::address).orElse("");
        // An error stops a changefeed after its last checkpoint, so /status shows it as
        // last_error (reference 3.8) even when a manual clock has not moved since the create.
        Instant time = clock.instant();
        Instant checkpointTime = Tso.toInstant(entry.checkpointTs);
        if (!time.isAfter(checkpointTime)) {
          time = checkpointTime.plusMillis(1);
        }
        RunningError running =
            new RunningError(time, addr, error.errorCode(), error.errorMessage());
        if (newState == ChangefeedState.WARNING) {
          entry.warning = running;
        } else {
          entry.error = running;
        }
      }
      if (newState == ChangefeedState.FINISHED && entry.targetTs != 0) {
        entry.checkpointTs = entry.targetTs;
        entry.resolvedTs = Math.max(entry.resolvedTs, entry.targetTs);
      }
      return snapshot(entry);
    }
  }

  /** Freezes (or releases) a changefeed's checkpoint while its state stays as it is. */
  public void setCheckpointStalled(String namespace, String id, boolean stalled) {
    synchronized (lock) {
      ChangefeedEntry entry = require(namespace, id);
      progress(entry, clock.millis());
      entry.stalled = stalled;
      entry.lastProgressMillis = clock.millis();
    }
  }

  /** Sets how far a normal changefeed's checkpoint trails the PD clock. */
  public void setCheckpointLag(String namespace, String id, Duration lag) {
    synchronized (lock) {
      ChangefeedEntry entry = require(namespace, id);
      entry.checkpointLagMillis = Math.max(lag.toMillis(), 0);
      entry.resolvedLagMillis = Math.min(entry.resolvedLagMillis, entry.checkpointLagMillis);
      entry.stalled = false;
    }
  }

  // ---- scripting: captures, owner election, checkpoints, faults, journal, awaits ------------

  /**
   * How long the cluster has no owner after a resign or the owner's death, on the PD clock; zero
   * (the default) elects at once. During the window owner-routed requests fail with 500 {@code
   * CDC:ErrOwnerNotFound} (reference §3.10).
   */
  public void setOwnerElectionDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("owner election delay cannot be negative: " + delay);
    }
    synchronized (lock) {
      state.ownerElectionDelayMillis = delay.toMillis();
    }
  }

  /** The owner election delay set by {@link #setOwnerElectionDelay}. */
  public Duration ownerElectionDelay() {
    synchronized (lock) {
      return Duration.ofMillis(state.ownerElectionDelayMillis);
    }
  }

  /**
   * Kills a capture: its port stops answering (connections are closed), its tables move to the live
   * captures, and if it was the owner another one is elected. Killing a dead capture does nothing.
   *
   * @throws IllegalArgumentException if there is no such capture
   */
  public void killCapture(String captureId) {
    synchronized (lock) {
      CaptureEntry capture = findCapture(captureId);
      if (capture == null) {
        throw new IllegalArgumentException("no capture " + captureId + " in this cluster");
      }
      if (!capture.alive) {
        return;
      }
      capture.alive = false;
      if (network != null) {
        network.close(captureId);
      }
      CaptureEntry next = null;
      int index = state.captures.indexOf(capture);
      for (int i = 1; i <= state.captures.size() && next == null; i++) {
        CaptureEntry candidate = state.captures.get((index + i) % state.captures.size());
        next = candidate.alive ? candidate : null;
      }
      if (captureId.equals(state.electedNext)) {
        // the capture about to win the election died: the next live one wins at the same time
        state.electedNext = next == null ? null : next.id;
      }
      if (captureId.equals(state.ownerId)) {
        state.ownerId = null;
        elect(next == null ? null : next.id);
      }
    }
  }

  /**
   * Adds a capture listening on a new port; running changefeeds spread their tables over it too.
   *
   * @return the new capture (not the owner)
   */
  public Capture addCapture() {
    synchronized (lock) {
      String id = randomUuid();
      String address =
          network != null ? network.open(id, null) : "127.0.0.1:" + (8300 + state.captures.size());
      CaptureEntry entry = new CaptureEntry(id, address);
      state.captures.add(entry);
      if (state.ownerId == null && state.electedNext == null) {
        elect(id);
      }
      return toCapture(entry);
    }
  }

  /**
   * Connects the cluster to the ports of its captures; {@code FakeTiCdcServer} calls this once at
   * start.
   */
  public void attachNetwork(CaptureNetwork network) {
    synchronized (lock) {
      this.network = Objects.requireNonNull(network, "network");
    }
  }

  private void syncNetwork() {
    if (network == null) {
      return;
    }
    Map<String, String> live = new LinkedHashMap<>();
    for (CaptureEntry c : state.captures) {
      if (c.alive) {
        live.put(c.id, c.address);
      }
    }
    network.retainOnly(live);
  }

  private void elect(String next) {
    if (next == null || state.ownerElectionDelayMillis <= 0) {
      state.ownerId = next;
      state.electedNext = null;
      return;
    }
    state.ownerId = null;
    state.electedNext = next;
    state.electionDueMillis = clock.millis() + state.ownerElectionDelayMillis;
  }

  private void electIfDue() {
    if (state.electedNext != null && clock.millis() >= state.electionDueMillis) {
      state.ownerId = state.electedNext;
      state.electedNext = null;
    }
  }

  /**
   * Sets a changefeed's checkpoint to {@code checkpointTs} and freezes it there (the clock no
   * longer moves it) until {@link #setCheckpointLag} or {@link #setCheckpointStalled} with {@code
   * false}; a running changefeed whose checkpoint reaches its {@code target_ts} becomes finished.
   */
  public Changefeed setCheckpoint(String namespace, String id, long checkpointTs) {
    synchronized (lock) {
      ChangefeedEntry entry = require(namespace, id);
      entry.checkpointTs = checkpointTs;
      if (Long.compareUnsigned(entry.resolvedTs, checkpointTs) < 0) {
        entry.resolvedTs = checkpointTs;
      }
      entry.stalled = true;
      if (entry.state.isRunning()
          && entry.targetTs != 0
          && Long.compareUnsigned(checkpointTs, entry.targetTs) >= 0) {
        entry.checkpointTs = entry.targetTs;
        entry.state = ChangefeedState.FINISHED;
      }
      return snapshot(entry);
    }
  }

  /** The fault rules of this cluster, shared by all captures; {@link #reset()} clears them. */
  public FaultRules faults() {
    return faults;
  }

  /** The request journal of all captures; {@link #reset()} clears it. */
  public Journal journal() {
    return journal;
  }

  /** Waits up to 5 s for a request matching {@code filter} (see {@link Journal#await}). */
  public RecordedRequest awaitRequest(Predicate<? super RecordedRequest> filter) {
    return journal.await(filter, DEFAULT_AWAIT);
  }

  /** Waits up to {@code timeout} for a request matching {@code filter}. */
  public RecordedRequest awaitRequest(Predicate<? super RecordedRequest> filter, Duration timeout) {
    return journal.await(filter, timeout);
  }

  /** Waits up to 5 s for a changefeed of the default namespace to reach {@code expected}. */
  public Changefeed awaitChangefeedState(String id, ChangefeedState expected) {
    return awaitChangefeedState(DEFAULT_NAMESPACE, id, expected, DEFAULT_AWAIT);
  }

  /**
   * Waits until the changefeed is in state {@code expected}, waking on every request and at least
   * every 10 ms (time-driven transitions); reading does not count as a read of the HTTP API.
   *
   * @throws AssertionError naming the last state seen if {@code timeout} passes first
   */
  public Changefeed awaitChangefeedState(
      String namespace, String id, ChangefeedState expected, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<Changefeed> current = changefeed(namespace, id);
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
      journal.awaitActivity(Math.min(left, 10_000_000L));
    }
  }

  /**
   * Seeds the cluster from a scenario: upstream tables, changefeeds (created like {@code POST
   * /api/v2/changefeeds}, then forced into their state) and fault rules. Captures and version are
   * the server's business.
   *
   * @throws IllegalArgumentException naming the scenario entry that failed and why
   */
  public void load(Scenario scenario) {
    synchronized (lock) {
      int i = 0;
      for (UpstreamTable t : scenario.upstreamTables()) {
        try {
          addUpstreamTable(t.schema(), t.table(), t.tableId(), t.columns(), t.primaryKey());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("upstream.tables[" + i + "]: " + e.getMessage(), e);
        }
        i++;
      }
      i = 0;
      for (Scenario.ChangefeedSeed seed : scenario.changefeeds()) {
        try {
          Changefeed created = createChangefeed(seed.spec());
          if (seed.state() != ChangefeedState.NORMAL || seed.error().isPresent()) {
            forceState(created.namespace(), created.id(), seed.state(), seed.error().orElse(null));
          }
        } catch (CdcException e) {
          throw new IllegalArgumentException(
              "changefeeds[" + i + "] (" + seed.spec().changefeedId() + "): " + e.getMessage(), e);
        }
        i++;
      }
      scenario.faults().forEach(faults::add);
    }
  }

  /**
   * The current cluster as a scenario: live captures, version, upstream tables, every changefeed
   * with its state and error, and the fault rules; {@code GET /__fake/state} renders it.
   */
  public Scenario currentScenario() {
    synchronized (lock) {
      tick();
      Scenario.Builder b = Scenario.builder().version(version).captures(Math.max(1, liveCount()));
      state.upstreamTables.forEach(b::upstreamTable);
      for (TreeMap<String, ChangefeedEntry> byId : state.changefeeds.values()) {
        for (ChangefeedEntry e : byId.values()) {
          catchUp(e); // a target ts reached since the last tick finishes the changefeed
          ChangefeedSpec.Builder spec =
              ChangefeedSpec.builder()
                  .namespace(e.namespace)
                  .changefeedId(e.id)
                  .sinkUri(e.sinkUri)
                  .startTs(e.startTs);
          if (e.targetTs != 0) {
            spec.targetTs(e.targetTs);
          }
          ReplicaConfig plain =
              ReplicaConfig.validateAndAdjust(shape, version, shape.defaults(), e.parsedUri);
          if (!plain.equals(e.config)) {
            spec.replicaConfig(e.config.toMap());
          }
          RunningError shown = e.state == ChangefeedState.WARNING ? e.warning : e.error;
          CdcException error =
              shown == null ? null : CdcException.of(shown.code(), stripCode(shown));
          b.changefeed(spec.build(), e.state, error);
        }
      }
      faults.rules().forEach(b::fault);
      return b.build();
    }
  }

  private int liveCount() {
    int n = 0;
    for (CaptureEntry c : state.captures) {
      n += c.alive ? 1 : 0;
    }
    return n;
  }

  private static String stripCode(RunningError e) {
    String prefix = "[" + e.code() + "]";
    return e.message().startsWith(prefix) ? e.message().substring(prefix.length()) : e.message();
  }

  // ---- processors -----------------------------------------------------------------------------

  /**
   * {@code GET /api/v2/processors}: one processor per (running changefeed, live capture), all
   * namespaces.
   */
  public List<Processor> processors() {
    synchronized (lock) {
      tick();
      List<Processor> out = new ArrayList<>();
      for (TreeMap<String, ChangefeedEntry> byId : state.changefeeds.values()) {
        for (ChangefeedEntry entry : byId.values()) {
          catchUp(entry);
          if (entry.state.isRunning()) {
            tables(entry)
                .forEach(
                    (capture, tables) ->
                        out.add(new Processor(entry.namespace, entry.id, capture, tables)));
          }
        }
      }
      return out;
    }
  }

  /**
   * {@code GET /api/v2/processors/{changefeed_id}/{capture_id}} (reference §3.10): the table ids,
   * {@code null} when the capture runs only other changefeeds' processors.
   */
  public List<Long> processorTables(String namespace, String changefeedId, String captureId) {
    ChangefeedChecks.checkChangefeedId(changefeedId);
    ChangefeedChecks.checkCaptureId(captureId);
    synchronized (lock) {
      ChangefeedEntry entry = require(namespace, changefeedId);
      if (!entry.state.isRunning()) {
        throw CdcError.API_INVALID_PARAM.wrap(
            "changefeed in abnormal state: "
                + entry.state.wireName()
                + ", can'duration get processor of an abnormal changefeed");
      }
      boolean known = false;
      for (Processor processor : processors()) {
        known |= processor.captureId().equals(captureId);
      }
      if (!known) {
        throw CdcError.CAPTURE_NOT_EXIST.raise(captureId);
      }
      return tables(entry).get(captureId);
    }
  }

  // ---- drain, synced, verify_table -----------------------------------------------------------

  /**
   * {@code POST /api/v2/captures/{capture_id}/drain} (reference §3.10): the number of tables still
   * on the capture across normal changefeeds. The first call starts the drain; each further call
   * moves half of the remaining tables away, so polling clients see the count fall to 0, after
   * which the capture holds no tables.
   */
  public int drainCapture(String captureId) {
    synchronized (lock) {
      tick();
      long alive = state.captures.stream().filter(c -> c.alive).count();
      if (alive <= 1) {
        throw CdcError.SCHEDULER_REQUEST_FAILED.raise("only one capture alive");
      }
      CaptureEntry target = findCapture(captureId);
      if (target == null || !target.alive) {
        throw CdcError.CAPTURE_NOT_EXIST.raise(captureId);
      }
      if (captureId.equals(state.ownerId)) {
        throw CdcError.SCHEDULER_REQUEST_FAILED.raise("cannot drain the owner");
      }
      if (target.drainRemaining < 0) {
        int count = 0;
        for (TreeMap<String, ChangefeedEntry> byId : state.changefeeds.values()) {
          for (ChangefeedEntry entry : byId.values()) {
            catchUp(entry);
            if (entry.state == ChangefeedState.NORMAL) {
              count += tables(entry).getOrDefault(captureId, List.of()).size();
            }
          }
        }
        target.drainRemaining = count;
        return count;
      }
      target.drainRemaining /= 2;
      return target.drainRemaining;
    }
  }

  /**
   * {@code GET /api/v2/changefeeds/{id}/synced} (reference §3.9): decided from the checkpoint, the
   * resolved ts, the last synced ts (the start ts, or the last {@link #recordSyncedData}) and the
   * changefeed's {@code synced_status} intervals against the PD clock.
   */
  public SyncedStatus syncedStatus(String namespace, String id) {
    synchronized (lock) {
      ChangefeedEntry entry = require(namespace, id);
      countRead(entry);
      ReplicaConfig config = entry.config;
      return SyncedStatus.decide(
          entry.checkpointTs,
          entry.resolvedTs,
          entry.lastSyncedTs,
          clock.millis(),
          config.syncedCheckIntervalSeconds(),
          config.checkpointIntervalSeconds());
    }
  }

  /** Records that data committed at {@code commitTs} reached the sink (for {@code /synced}). */
  public void recordSyncedData(String namespace, String id, long commitTs) {
    synchronized (lock) {
      require(namespace, id).lastSyncedTs = commitTs;
    }
  }

  /**
   * {@code POST /api/v2/verify_table} (reference §3.10): which upstream tables a config's filter
   * matches, split by eligibility. Only an unparseable sink URI is refused; the scheme is not
   * checked.
   */
  public VerifiedTables verifyTables(ChangefeedSpec request) {
    ChangefeedSpec spec = request.forVersion(version);
    ChangefeedChecks.parseSinkUri(spec.sinkUri());
    ReplicaConfig config = new ReplicaConfig(shape, spec.replicaConfigValue());
    TableFilter filter = TableFilter.parse(config.filterRules(), config.caseSensitive());
    synchronized (lock) {
      List<UpstreamTable> eligible = new ArrayList<>();
      List<UpstreamTable> ineligible = new ArrayList<>();
      for (UpstreamTable table : state.upstreamTables) {
        if (filter.matches(table.schema(), table.table())) {
          (table.eligible() ? eligible : ineligible).add(table);
        }
      }
      return new VerifiedTables(ineligible, eligible);
    }
  }

  // ---- internals ------------------------------------------------------------------------------

  /** The entry, caught up with the last tick; null when there is none. */
  private ChangefeedEntry find(String namespace, String id) {
    TreeMap<String, ChangefeedEntry> byId = state.changefeeds.get(namespace);
    ChangefeedEntry entry = byId == null ? null : byId.get(id);
    if (entry != null) {
      catchUp(entry);
    }
    return entry;
  }

  private ChangefeedEntry require(String namespace, String id) {
    ChangefeedChecks.checkChangefeedId(id);
    tick();
    ChangefeedEntry entry = find(namespace, id);
    if (entry == null) {
      throw CdcError.CHANGEFEED_NOT_EXISTS.raise(namespace + "/" + id);
    }
    return entry;
  }

  private void queue(ChangefeedEntry entry, JobType type, long overwriteTs) {
    long due = clock.millis() + ownerTick.delay.toMillis();
    int reads = ownerTick.mode == OwnerTick.Mode.AFTER_READS ? ownerTick.reads : 0;
    entry.jobs.add(new Job(type, overwriteTs, due, reads));
    state.withJobs.add(entry);
    applyDueJobs(entry);
  }

  private void countRead(ChangefeedEntry entry) {
    Job head = entry.jobs.peek();
    if (head != null && head.readsLeft > 0) {
      head.readsLeft--;
    }
  }

  /**
   * The owner's tick: applies due jobs and moves checkpoints. It visits only changefeeds with
   * queued jobs, so it costs nothing per idle changefeed; the others catch up when read.
   */
  private void tick() {
    long now = clock.millis();
    state.tickMillis = Math.max(state.tickMillis, now);
    Iterator<ChangefeedEntry> it = state.withJobs.iterator();
    while (it.hasNext()) {
      ChangefeedEntry entry = it.next();
      applyDueJobs(entry);
      progress(entry, now);
      if (entry.jobs.isEmpty()) {
        it.remove();
      }
    }
  }

  /**
   * Brings a changefeed to where the eager tick would have left it: progress up to the latest
   * tick's time. Progress is path-independent (see {@link #progress}), so this equals having
   * visited it on every tick.
   */
  private void catchUp(ChangefeedEntry entry) {
    if (state.tickMillis != Long.MIN_VALUE) {
      progress(entry, state.tickMillis);
    }
  }

  private void applyDueJobs(ChangefeedEntry entry) {
    long now = clock.millis();
    Iterator<Job> it = entry.jobs.iterator();
    while (it.hasNext()) {
      Job job = it.next();
      if (job.readsLeft > 0 || job.dueMillis > now) {
        return;
      }
      it.remove();
      progress(entry, now);
      apply(entry, job);
    }
  }

  private void apply(ChangefeedEntry entry, Job job) {
    ChangefeedState s = entry.state;
    if (job.type == JobType.STOP) {
      if (s == ChangefeedState.NORMAL
          || s == ChangefeedState.WARNING
          || s == ChangefeedState.PENDING) {
        entry.state = ChangefeedState.STOPPED;
      }
      return;
    }
    if (s == ChangefeedState.STOPPED
        || s == ChangefeedState.FAILED
        || s == ChangefeedState.FINISHED) {
      entry.state = ChangefeedState.NORMAL;
      entry.error = null;
      entry.warning = null;
      if (job.overwriteCheckpointTs != 0) {
        entry.checkpointTs = job.overwriteCheckpointTs;
        entry.resolvedTs = job.overwriteCheckpointTs;
        entry.startTs = job.overwriteCheckpointTs;
      }
    }
  }

  /**
   * Checkpoints of normal changefeeds follow the PD clock: they gain twice the clock time that
   * passed (so a backlog is caught up) but never come closer to "now" than their lag, and stop at
   * the target ts, where the changefeed finishes. Time spent stopped, failed or stalled does not
   * count.
   */
  private void progress(ChangefeedEntry entry, long nowMillis) {
    long elapsed = nowMillis - entry.lastProgressMillis;
    if (elapsed <= 0) {
      return;
    }
    entry.lastProgressMillis = nowMillis;
    if (entry.state != ChangefeedState.NORMAL || entry.stalled) {
      return;
    }
    long resolved =
        Math.min(
            Tso.compose(Math.max(nowMillis - entry.resolvedLagMillis, 0), 0),
            Tso.compose(Tso.physicalMillis(entry.resolvedTs) + 2 * elapsed, 0));
    long checkpoint =
        Math.min(
            Tso.compose(Math.max(nowMillis - entry.checkpointLagMillis, 0), 0),
            Tso.compose(Tso.physicalMillis(entry.checkpointTs) + 2 * elapsed, 0));
    if (entry.targetTs != 0) {
      resolved = Math.min(resolved, entry.targetTs);
      checkpoint = Math.min(checkpoint, entry.targetTs);
    }
    entry.resolvedTs = Math.max(entry.resolvedTs, resolved);
    entry.checkpointTs = Math.min(Math.max(entry.checkpointTs, checkpoint), entry.resolvedTs);
    if (entry.targetTs != 0 && entry.checkpointTs >= entry.targetTs) {
      entry.state = ChangefeedState.FINISHED;
    }
  }

  private Changefeed snapshot(ChangefeedEntry entry) {
    return entry.snapshot(upstreamId, entry.state.isRunning() ? tables(entry) : Map.of(), version);
  }

  /** A snapshot without table assignments: lists do not show them and must stay cheap. */
  private Changefeed listSnapshot(ChangefeedEntry entry) {
    return entry.snapshot(upstreamId, Map.of(), version);
  }

  /** Table ids per live capture for a running changefeed, spread round-robin in join order. */
  private Map<String, List<Long>> tables(ChangefeedEntry entry) {
    Map<String, List<Long>> byCapture = new LinkedHashMap<>();
    List<String> live = new ArrayList<>();
    for (CaptureEntry c : state.captures) {
      if (c.alive) {
        byCapture.put(c.id, new ArrayList<>());
        if (c.drainRemaining != 0) {
          live.add(c.id); // a drained capture keeps its processors but gets no tables
        }
      }
    }
    if (live.isEmpty() || state.upstreamTables.isEmpty()) {
      return byCapture;
    }
    List<UpstreamTable> tables;
    try {
      tables = ChangefeedChecks.verifyTables(entry.config, state.upstreamTables, false);
    } catch (CdcException e) {
      tables = List.of();
    }
    int i = 0;
    for (UpstreamTable table : tables) {
      byCapture.get(live.get(i++ % live.size())).add(table.tableId());
    }
    byCapture.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return byCapture;
  }

  /** Builds a {@link FakeCluster}. */
  public static final class Builder {
    private TiCdcVersion version = TiCdcVersion.latest();
    private PdClock clock = PdClock.system();
    private OwnerTick ownerTick = OwnerTick.immediate();
    private String clusterId = "default";
    private Long seed;
    private List<String> addresses = List.of("127.0.0.1:8300");
    private Duration checkpointLag = Duration.ofMillis(1500);
    private Duration resolvedLag = Duration.ofMillis(500);
    private SinkProbe sinkProbe = SinkProbe.none();
    private List<String> pdEndpoints = List.of("http://127.0.0.1:2379");
    private Duration ownerElectionDelay = Duration.ZERO;
    private int journalCapacity = Journal.DEFAULT_CAPACITY;

    private Builder() {}

    /**
     * The upstream PD's endpoints; requests whose {@code pd_addrs} name another address fail like
     * TiCDC's unreachable PD. Default {@code http://127.0.0.1:2379}.
     */
    public Builder pdEndpoints(List<String> endpoints) {
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("PD needs at least one endpoint");
      }
      this.pdEndpoints = List.copyOf(endpoints);
      return this;
    }

    /** Whether create/update really connect to sink hosts; default {@link SinkProbe#none()}. */
    public Builder sinkProbe(SinkProbe sinkProbe) {
      this.sinkProbe = Objects.requireNonNull(sinkProbe, "sinkProbe");
      return this;
    }

    /**
     * How long the cluster has no owner after a resign or the owner's death, on the PD clock;
     * default zero (elected at once).
     */
    public Builder ownerElectionDelay(Duration delay) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("owner election delay cannot be negative: " + delay);
      }
      this.ownerElectionDelay = delay;
      return this;
    }

    /** The most requests the journal keeps; default 10 000. */
    public Builder journalCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("journal capacity must be >= 1, got " + capacity);
      }
      this.journalCapacity = capacity;
      return this;
    }

    /** The TiCDC release to mimic; default {@link TiCdcVersion#latest()}. */
    public Builder version(TiCdcVersion version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /** The PD clock; default {@link PdClock#system()}. */
    public Builder clock(PdClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** When pause and resume take effect; default {@link OwnerTick#immediate()}. */
    public Builder ownerTick(OwnerTick ownerTick) {
      this.ownerTick = Objects.requireNonNull(ownerTick, "ownerTick");
      return this;
    }

    /** TiCDC's cluster id; default {@code default}. */
    public Builder clusterId(String clusterId) {
      this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
      return this;
    }

    /** Seeds capture ids, generated changefeed ids and the upstream id, for reproducible runs. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How far checkpoints trail the clock while normal; default 1.5 s (resolved: 0.5 s). */
    public Builder checkpointLag(Duration lag) {
      this.checkpointLag = Objects.requireNonNull(lag, "lag");
      this.resolvedLag = lag.compareTo(resolvedLag) < 0 ? lag : resolvedLag;
      return this;
    }

    /** The advertised {@code host:port} of each capture; capture 0 starts as owner. */
    public Builder captureAddresses(List<String> addresses) {
      if (addresses.isEmpty()) {
        throw new IllegalArgumentException("a cluster needs at least one capture");
      }
      this.addresses = List.copyOf(addresses);
      return this;
    }

    /** The cluster. */
    public FakeCluster build() {
      return new FakeCluster(this);
    }
  }
}
