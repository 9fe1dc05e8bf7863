package io.github.ticdcfake.cluster;

import io.github.ticdcfake.fault.FaultRules;
import io.github.ticdcfake.fault.Journal;
import io.github.ticdcfake.fault.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

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

  private static final Duration DEFAULT_AWAIT = Duration.ofSeconds(5);

  private final ClusterCore core;
  private final Membership membership;
  private final Upstream upstream;
  private final ChangefeedCommands commands;
  private final ChangefeedQueries queries;
  private final ChangefeedScripting scripting;
  private final V1ChangefeedCommands v1;
  private final ScenarioIo scenarios;

  private FakeCluster(ClusterSettings settings) {
    core = settings.newCore();
    membership = settings.newMembership(core);
    upstream = new Upstream(core, settings.pdEndpoints, settings.sinkProbe);
    commands = new ChangefeedCommands(core, upstream);
    queries = new ChangefeedQueries(core);
    scripting = new ChangefeedScripting(core, membership);
    v1 = new V1ChangefeedCommands(core, upstream, commands, queries);
    scenarios = new ScenarioIo(core, membership, upstream, commands, scripting);
    markInitialState();
  }

  /** A builder; {@code FakeTiCdcServer.builder()} is the usual way to get a cluster. */
  public static Builder builder() {
    return new Builder();
  }

  // ---- cluster-wide facts ---------------------------------------------------------------------

  /** The TiCDC release this cluster mimics. */
  public TiCdcVersion version() {
    return core.version;
  }

  /** The PD clock: "now" and TSOs for this cluster. */
  public PdClock clock() {
    return core.clock;
  }

  /** The TiCDC cluster id, {@code default} unless configured. */
  public String clusterId() {
    return core.clusterId;
  }

  /** The PD cluster id of the upstream, reported as {@code upstream_id}. */
  public long upstreamId() {
    return core.upstreamId;
  }

  /** The owner tick policy for pause and resume. */
  public OwnerTick ownerTick() {
    return core.engine.policy();
  }

  /** Whether create and update really connect to sink hosts ({@link Builder#sinkProbe}). */
  public SinkProbe sinkProbe() {
    return upstream.sinkProbe();
  }

  /** Issues a fresh TSO from the PD clock. */
  public long nextTso() {
    return core.clock.nextTso();
  }

  /**
   * {@code POST /api/v2/tso}: a fresh TSO of upstream {@code upstreamId} (0: the one {@code
   * pdAddrs} name).
   */
  public long nextTso(long upstreamId, List<String> pdAddrs) {
    return upstream.tso(upstreamId, pdAddrs);
  }

  /** Records the current state as the one {@link #reset()} returns to (the server's start). */
  public void markInitialState() {
    core.markInitialState();
  }

  /**
   * Returns to the state {@link #markInitialState()} recorded, captures, clock and fault rules
   * included; the journal is cleared.
   */
  public void reset() {
    membership.reset();
  }

  // ---- captures and owner ---------------------------------------------------------------------

  /** All captures, alive or killed, in the order they joined. */
  public List<Capture> captures() {
    return membership.captures(false);
  }

  /** The live captures as {@code GET /api/v2/captures} lists them. */
  public List<Capture> liveCaptures() {
    return membership.captures(true);
  }

  /** The capture with this id. */
  public Optional<Capture> capture(String captureId) {
    return membership.capture(captureId);
  }

  /** The owner, or empty while no owner is elected. */
  public Optional<Capture> owner() {
    return membership.owner();
  }

  /** The owner, or {@code CDC:ErrOwnerNotFound} like TiCDC's owner-routed requests. */
  public Capture requireOwner() {
    return owner().orElseThrow(CdcError.OWNER_NOT_FOUND::raise);
  }

  /**
   * {@code POST /api/v2/owner/resign}: the next live capture in join order becomes owner after the
   * {@linkplain #setOwnerElectionDelay election delay}.
   */
  public void resignOwner() {
    membership.resignOwner();
  }

  /** Makes {@code captureId} the owner. */
  public void electOwner(String captureId) {
    membership.electOwner(captureId);
  }

  /** The log level a capture was set to with {@code POST /api/v2/log} ({@code info} at start). */
  public String logLevel(String captureId) {
    return membership.logLevel(captureId);
  }

  /**
   * {@code POST /api/v2/log}: a zap level, case-insensitive, else {@code CDC:ErrAPIInvalidParam}.
   */
  public void setLogLevel(String captureId, String level) {
    membership.setLogLevel(captureId, level);
  }

  /**
   * A capture's log redaction mode, {@code OFF}, {@code MARKER} or {@code ON}: the new
   * architecture's {@code POST /api/v2/log/redact} sets it per server process, so per capture;
   * {@code OFF} at start, after {@link #reset()} and for a restarted capture.
   *
   * @throws IllegalArgumentException if there is no such capture
   */
  public String redactMode(String captureId) {
    return membership.redactMode(captureId);
  }

  /**
   * {@code POST /api/v2/log/redact} on one capture: {@code off}, {@code marker} or {@code on} (and
   * TiCDC's synonyms), only ever more restrictive; returns the previous mode. Otherwise {@code
   * CDC:ErrAPIInvalidParam} with TiCDC's text.
   *
   * @throws UnsupportedOperationException in classic TiCDC, which has no runtime redaction switch
   * @throws IllegalArgumentException if there is no such capture
   */
  public String setRedactMode(String captureId, String mode) {
    if (!core.rules.coordinator()) {
      throw new UnsupportedOperationException(
          "log redaction mode is the new architecture's (POST /api/v2/log/redact); TiCDC "
              + core.version.version()
              + " has no such route");
    }
    return membership.setRedactMode(captureId, mode);
  }

  /** How long the cluster is ownerless after a resign or the owner's death (see the builder). */
  public void setOwnerElectionDelay(Duration delay) {
    membership.setOwnerElectionDelay(delay);
  }

  /** The owner election delay set by {@link #setOwnerElectionDelay}. */
  public Duration ownerElectionDelay() {
    return membership.ownerElectionDelay();
  }

  /**
   * Kills a capture: its port stops answering, its tables move, a new owner is elected if needed.
   *
   * @throws IllegalArgumentException if there is no such capture
   */
  public void killCapture(String captureId) {
    membership.killCapture(captureId);
  }

  /** Adds a capture (not the owner) on a new port; running changefeeds spread over it. */
  public Capture addCapture() {
    return membership.addCapture();
  }

  /**
   * Restarts a capture like its {@code cdc server} with the same {@code --addr}: killed, then a new
   * capture id on the same address.
   *
   * @throws IllegalArgumentException if there is no such capture
   */
  public Capture restartCapture(String captureId) {
    return membership.restartCapture(captureId);
  }

  /**
   * {@code POST /api/v2/captures/{capture_id}/drain}: the tables still on the capture; each call
   * moves half of them away, so polling sees the count fall to 0.
   *
   * @throws UnsupportedOperationException in the new architecture, which has no capture drain: no
   *     {@code POST /api/v2/captures/{capture_id}/drain}, and {@code PUT /api/v1/captures/drain} is
   *     a stub that moves nothing (pingcap/ticdc {@code api/v1/api.go@v26.3.4}); kill the capture
   *     to move its maintainers instead
   */
  public int drainCapture(String captureId) {
    if (core.rules.coordinator()) {
      throw new UnsupportedOperationException(
          "the new architecture has no capture drain (no POST /api/v2/captures/{capture_id}/drain;"
              + " PUT /api/v1/captures/drain is a stub): kill the capture to move its maintainers");
    }
    return membership.drainCapture(captureId);
  }

  /**
   * The new architecture's {@code PUT /api/v1/captures/drain}, a stub at v26.3.4 that moves
   * nothing: it counts the answering capture's calls and answers 10 on every tenth, else 0
   * (pingcap/ticdc {@code api/v1/api.go} drainCapture). The count belongs to the capture's process,
   * so a {@link #reset()} starts it again.
   *
   * @param captureId the capture answering (the coordinator the call is forwarded to)
   * @return the {@code current_table_count} to answer
   */
  public int countV1DrainStubCall(String captureId) {
    return membership.countShimDrainCall(captureId);
  }

  /**
   * Classic TiCDC's processors, one per (running changefeed, live capture), as {@code GET
   * /api/v2/processors} lists them. In the new architecture the processor routes are stubs that
   * list nothing; this still answers the fake's spread of tables over captures (what {@code
   * /metrics} reports), and {@link #maintainerTables()} shows where the spans really run.
   */
  public List<Processor> processors() {
    return TableScheduler.processors(core);
  }

  /**
   * {@code GET /api/v2/processors/{changefeed_id}/{capture_id}}: table ids, or null.
   *
   * @throws IllegalArgumentException in the new architecture, whose processors are stubs ({@code
   *     {"table_ids":null}} for any ids); ask {@link #maintainerTables()} there
   */
  public List<Long> processorTables(String namespace, String changefeedId, String captureId) {
    if (core.rules.coordinator()) {
      throw new IllegalArgumentException(
          "the new architecture has no processors' table assignment (its processor routes are"
              + " stubs): use maintainerTables().tables(...) for the spans per node");
    }
    return TableScheduler.processorTables(core, namespace, changefeedId, captureId);
  }

  /**
   * The new architecture's maintainers: where a changefeed's table spans run and the internal table
   * routes that move them (pingcap/ticdc {@code api/v2/changefeed.go@v26.3.4}). In classic TiCDC no
   * changefeed has a maintainer, so every call fails with {@code Can't not find maintainer}.
   */
  public MaintainerTables maintainerTables() {
    return new MaintainerTables(core);
  }

  // ---- health and readiness -------------------------------------------------------------------

  /** Whether {@code GET /api/v2/health} succeeds. */
  public boolean isHealthy() {
    return membership.isHealthy();
  }

  /** Makes {@code /api/v2/health} fail with {@code CDC:ErrClusterIsUnhealthy}, or heals it. */
  public void setHealthy(boolean healthy) {
    membership.setHealthy(healthy);
  }

  /**
   * Whether the captures are ready; until then classic TiCDC answers every {@code /api/v2} and
   * {@code /api/v1} route 503, the new architecture its changefeed routes 500 (the coordinator is
   * not initialised).
   */
  public boolean isReady() {
    return membership.isReady();
  }

  /** Switches readiness; {@link #isReady()} says what an unready cluster answers. */
  public void setReady(boolean ready) {
    membership.setReady(ready);
  }

  /** {@code GET /api/v2/health}: {@code CDC:ErrOwnerNotFound} or {@code ErrClusterIsUnhealthy}. */
  public void checkHealth() {
    membership.checkHealth();
  }

  // ---- upstream: PD, GC safepoint, sinks, schema ---------------------------------------------

  /** The upstream PD's endpoints, as {@code pd_addrs} must name them. */
  public List<String> pdEndpoints() {
    return upstream.pdEndpoints();
  }

  /** PD's min service GC safepoint (0 at start). */
  public long gcSafepoint() {
    return upstream.gcSafepoint();
  }

  /** Moves the GC safepoint: creates and resumes at or below it fail with ErrStartTsBeforeGC. */
  public void setGcSafepoint(long tso) {
    upstream.setGcSafepoint(tso);
  }

  /**
   * Scripts whether create and update reach sink {@code host:port}, whatever the {@link SinkProbe}.
   */
  public void setSinkReachable(String hostPort, boolean reachable) {
    upstream.setSinkReachable(hostPort, reachable);
  }

  /** The upstream tables, in the order they were added. */
  public List<UpstreamTable> upstreamTables() {
    return upstream.tables();
  }

  /**
   * Adds an upstream table (id assigned when 0, ineligible without a primary key); running
   * changefeeds whose filter matches it replicate it.
   */
  public UpstreamTable addUpstreamTable(
      String schema, String table, long tableId, List<String> columns, List<String> primaryKey) {
    return upstream.addTable(schema, table, tableId, columns, primaryKey);
  }

  /** {@code POST /api/v2/verify_table}: the tables a config's filter matches, by eligibility. */
  public VerifiedTables verifyTables(ChangefeedSpec request) {
    return upstream.verifyTables(request);
  }

  /** The new architecture's {@code POST /api/v2/get_all_tables}: verify without the sink. */
  public VerifiedTables allTables(ChangefeedSpec request) {
    return upstream.allTables(request);
  }

  // ---- changefeeds: queries -------------------------------------------------------------------

  /** The changefeed in the default namespace, without counting as a read of the HTTP API. */
  public Optional<Changefeed> changefeed(String id) {
    return changefeed(DEFAULT_NAMESPACE, id);
  }

  /** The changefeed, without counting as a read of the HTTP API. */
  public Optional<Changefeed> changefeed(String namespace, String id) {
    return queries.peek(namespace, id);
  }

  /** All changefeeds of every namespace, sorted by namespace then id. */
  public List<Changefeed> changefeeds() {
    return queries.all();
  }

  /** {@code GET /api/v2/changefeeds/{id}}, counting as a read for {@link OwnerTick#afterReads}. */
  public Changefeed getChangefeed(String namespace, String id) {
    return queries.get(namespace, id);
  }

  /**
   * {@code GET /api/v2/changefeeds}: a namespace's changefeeds by id; filter empty = all but
   * finished, {@code all} = all, else one internal state.
   */
  public List<Changefeed> listChangefeeds(String namespace, String stateFilter) {
    return queries.list(namespace, stateFilter);
  }

  /** {@code GET /api/v2/changefeeds/{id}/synced}, from the checkpoints and the PD clock. */
  public SyncedStatus syncedStatus(String namespace, String id) {
    return queries.synced(namespace, id, () -> null);
  }

  /** {@link #syncedStatus(String, String)} with a body (may be null) decoded as TiCDC binds it. */
  public SyncedStatus syncedStatus(String namespace, String id, Supplier<?> body) {
    return queries.synced(namespace, id, Objects.requireNonNull(body, "body"));
  }

  // ---- changefeeds: commands ------------------------------------------------------------------

  /** {@code POST /api/v2/changefeeds}: validated in TiCDC's order, stored {@code normal}. */
  public Changefeed createChangefeed(ChangefeedSpec request) {
    return commands.create(request);
  }

  /**
   * {@code PUT /api/v2/changefeeds/{id}}: stopped or failed changefeeds only, validated like a
   * create; a sent {@code replica_config} replaces the whole config; no-ops are refused.
   */
  public Changefeed updateChangefeed(String namespace, String id, ChangefeedSpec request) {
    Objects.requireNonNull(request, "request");
    return commands.update(namespace, id, () -> request);
  }

  /** {@link #updateChangefeed(String, String, ChangefeedSpec)}, decoding after the state gate. */
  public Changefeed updateChangefeed(String namespace, String id, Supplier<ChangefeedSpec> body) {
    return commands.update(namespace, id, body);
  }

  /** {@code DELETE /api/v2/changefeeds/{id}}: whether one was removed (missing is no error). */
  public boolean removeChangefeed(String namespace, String id) {
    return commands.remove(namespace, id);
  }

  /** {@code POST /api/v2/changefeeds/{id}/pause}: a stop job for the owner's next tick. */
  public void pauseChangefeed(String namespace, String id) {
    commands.pause(namespace, id);
  }

  /**
   * {@code POST /api/v2/changefeeds/{id}/resume}: checks the checkpoint against the TSO and the GC
   * safepoint, then queues a resume job; a non-zero {@code overwriteCheckpointTs} becomes the
   * checkpoint and start ts.
   */
  public void resumeChangefeed(String namespace, String id, long overwriteCheckpointTs) {
    commands.resume(
        namespace, id, () -> new RequestBodies.Resume(overwriteCheckpointTs, List.of()));
  }

  /** {@link #resumeChangefeed(String, String, long)}, decoding once the changefeed is found. */
  public void resumeChangefeed(String namespace, String id, Supplier<RequestBodies.Resume> body) {
    commands.resume(namespace, id, Objects.requireNonNull(body, "body"));
  }

  // ---- /api/v1 semantics (tiflow cdc/api/v1/api.go, cdc/api/v1/validator.go) ------------------

  /** {@code POST /api/v1/changefeeds}: v1's body, namespace {@code default}, v1's checks. */
  public Changefeed createChangefeed(V1ChangefeedConfig request) {
    return commands.create(request.forVersion(version()).toCreateSpec());
  }

  /** {@code PUT /api/v1/changefeeds/{id}}: state gate, then only the fields v1 reads. */
  public Changefeed updateChangefeed(String id, Supplier<V1ChangefeedConfig> body) {
    return v1.update(id, Objects.requireNonNull(body, "body"));
  }

  /** {@code POST /api/v1/changefeeds/{id}/resume}: queues a resume with no TSO or GC check. */
  public void resumeChangefeedWithoutCheckpointCheck(String namespace, String id) {
    v1.resumeWithoutCheckpointCheck(namespace, id);
  }

  /** {@code DELETE /api/v1/changefeeds/{id}}: a missing one is {@code ErrChangeFeedNotExists}. */
  public void removeExistingChangefeed(String namespace, String id) {
    v1.removeExisting(namespace, id);
  }

  /** The changefeed or {@code CDC:ErrChangeFeedNotExists}, not counted as a read (v1's checks). */
  public Changefeed existingChangefeed(String namespace, String id) {
    return v1.requireExisting(namespace, id);
  }

  /** {@code GET /api/v1/changefeeds}: {@link #listChangefeeds} over every namespace, in order. */
  public List<Changefeed> listChangefeedsInAllNamespaces(String stateFilter) {
    return v1.listInAllNamespaces(stateFilter);
  }

  // ---- scripting ------------------------------------------------------------------------------

  /** Forces a state; {@code error} fills the error (or warning) slot where TiCDC shows it. */
  public Changefeed forceState(
      String namespace, String id, ChangefeedState newState, CdcException error) {
    return scripting.forceState(namespace, id, newState, error);
  }

  /**
   * Freezes a changefeed's checkpoint, or releases it to catch up at twice the clock's speed;
   * replaces any earlier checkpoint script.
   */
  public void setCheckpointStalled(String namespace, String id, boolean stalled) {
    scripting.setCheckpointStalled(namespace, id, stalled);
  }

  /**
   * Holds a changefeed's checkpoint {@code lag} behind the PD clock as it runs (even below its
   * start ts); replaces any earlier checkpoint script, and a target ts still finishes it.
   */
  public void setCheckpointLag(String namespace, String id, Duration lag) {
    scripting.setCheckpointLag(namespace, id, lag);
  }

  /**
   * Sets and freezes a changefeed's checkpoint until another checkpoint script; reaching {@code
   * target_ts} finishes it.
   */
  public Changefeed setCheckpoint(String namespace, String id, long checkpointTs) {
    return scripting.setCheckpoint(namespace, id, checkpointTs);
  }

  /** Records that data committed at {@code commitTs} reached the sink (for {@code /synced}). */
  public void recordSyncedData(String namespace, String id, long commitTs) {
    scripting.recordSyncedData(namespace, id, commitTs);
  }

  /** The fault rules of this cluster, shared by all captures; {@link #reset()} clears them. */
  public FaultRules faults() {
    return core.faults;
  }

  /** The request journal of all captures; {@link #reset()} clears it. */
  public Journal journal() {
    return core.journal;
  }

  /** Waits up to 5 s for a request matching {@code filter} (see {@link Journal#await}). */
  public RecordedRequest awaitRequest(Predicate<? super RecordedRequest> filter) {
    return core.journal.await(filter, DEFAULT_AWAIT);
  }

  /** Waits up to {@code timeout} for a request matching {@code filter}. */
  public RecordedRequest awaitRequest(Predicate<? super RecordedRequest> filter, Duration timeout) {
    return core.journal.await(filter, timeout);
  }

  /** Waits up to 5 s for a changefeed of the default namespace to reach {@code expected}. */
  public Changefeed awaitChangefeedState(String id, ChangefeedState expected) {
    return awaitChangefeedState(DEFAULT_NAMESPACE, id, expected, DEFAULT_AWAIT);
  }

  /**
   * Waits until the changefeed is in state {@code expected}, without counting as a read.
   *
   * @throws AssertionError naming the last state seen if {@code timeout} passes first
   */
  public Changefeed awaitChangefeedState(
      String namespace, String id, ChangefeedState expected, Duration timeout) {
    return queries.awaitState(namespace, id, expected, timeout);
  }

  // ---- scenarios ------------------------------------------------------------------------------

  /**
   * Seeds the cluster from a scenario (clock, tables, changefeeds created like a POST, faults);
   * captures and version are the server's.
   *
   * @throws IllegalArgumentException naming the scenario entry that failed and why
   */
  public void load(Scenario scenario) {
    scenarios.load(scenario);
  }

  /** The current cluster as a scenario that {@link #load} into a fresh cluster gives back. */
  public Scenario currentScenario() {
    return scenarios.current();
  }

  /** Builds a {@link FakeCluster}. */
  public static final class Builder {
    private final ClusterSettings settings = new ClusterSettings();

    private Builder() {}

    /** The upstream PD's endpoints (others fail as unreachable); default 127.0.0.1:2379. */
    public Builder pdEndpoints(List<String> endpoints) {
      settings.pdEndpoints(endpoints);
      return this;
    }

    /** Whether create/update really connect to sink hosts; default {@link SinkProbe#none()}. */
    public Builder sinkProbe(SinkProbe sinkProbe) {
      settings.sinkProbe(sinkProbe);
      return this;
    }

    /** How long (PD clock) the cluster is ownerless after a resign or death; default zero. */
    public Builder ownerElectionDelay(Duration delay) {
      settings.ownerElectionDelay(delay);
      return this;
    }

    /** The most requests the journal keeps; default 10 000. */
    public Builder journalCapacity(int capacity) {
      settings.journalCapacity(capacity);
      return this;
    }

    /** The new architecture ({@code cdc server --newarch}): {@code version(V26_3_NEWARCH)}. */
    public Builder newArchitecture() {
      return version(TiCdcVersion.V26_3_NEWARCH);
    }

    /** The TiCDC release to mimic; default {@link TiCdcVersion#latest()}. */
    public Builder version(TiCdcVersion version) {
      settings.version(version);
      return this;
    }

    /** The PD clock; default {@link PdClock#system()}. */
    public Builder clock(PdClock clock) {
      settings.clock(clock);
      return this;
    }

    /** When pause and resume take effect; default {@link OwnerTick#immediate()}. */
    public Builder ownerTick(OwnerTick ownerTick) {
      settings.ownerTick(ownerTick);
      return this;
    }

    /** TiCDC's cluster id; default {@code default}. */
    public Builder clusterId(String clusterId) {
      settings.clusterId(clusterId);
      return this;
    }

    /** Seeds capture ids, generated changefeed ids and the upstream id, for reproducible runs. */
    public Builder seed(long seed) {
      settings.seed(seed);
      return this;
    }

    /** How far checkpoints trail the clock while normal; default 1.5 s (resolved: 0.5 s). */
    public Builder checkpointLag(Duration lag) {
      settings.checkpointLag(lag);
      return this;
    }

    /** The advertised {@code host:port} of each capture; capture 0 starts as owner. */
    public Builder captureAddresses(List<String> addresses) {
      settings.captureAddresses(addresses);
      return this;
    }

    /** What opens and closes capture ports; {@code FakeTiCdcServer} passes its listeners. */
    public Builder captureNetwork(CaptureNetwork network) {
      settings.captureNetwork(network);
      return this;
    }

    /**
     * Loads {@code scenario} into a portless trial cluster on a copy of the clock and discards it,
     * so an invalid scenario fails before any port is bound.
     *
     * @throws IllegalArgumentException naming the scenario entry that failed and why
     */
    public void checkScenario(Scenario scenario) {
      Objects.requireNonNull(scenario, "scenario");
      settings.trial(trial -> new FakeCluster(trial).load(scenario));
    }

    /** The cluster. */
    public FakeCluster build() {
      return new FakeCluster(settings);
    }
  }
}
