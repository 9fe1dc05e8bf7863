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
   * {@code POST /api/v2/tso}: a fresh TSO of the upstream {@code upstreamId} (0: the one {@code
   * pdAddrs} name, empty meaning the default upstream).
   *
   * @throws CdcException {@code CDC:ErrUpstreamNotFound}, or a 500 when PD cannot be reached
   */
  public long nextTso(long upstreamId, List<String> pdAddrs) {
    return upstream.tso(upstreamId, pdAddrs);
  }

  /**
   * Records the current state as the one {@link #reset()} returns to; the server calls it after
   * start (and after applying a scenario).
   */
  public void markInitialState() {
    core.markInitialState();
  }

  /**
   * Returns to the state recorded by {@link #markInitialState()}: captures (killed ones listen
   * again, added ones stop), owner, changefeeds, upstream tables, GC safepoint, health and the
   * clock; fault rules and the journal are cleared, then the initial fault rules re-added.
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

  /**
   * The owner, failing like TiCDC's owner-routed requests when there is none ({@code
   * CDC:ErrOwnerNotFound}).
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
   * Sets a capture's log level like {@code POST /api/v2/log}: zap levels, case-insensitive, empty
   * meaning {@code info}; anything else is {@code CDC:ErrAPIInvalidParam}.
   */
  public void setLogLevel(String captureId, String level) {
    membership.setLogLevel(captureId, level);
  }

  /**
   * How long the cluster has no owner after a resign or the owner's death, on the PD clock; zero
   * (the default) elects at once. During the window owner-routed requests fail with 500 {@code
   * CDC:ErrOwnerNotFound}.
   */
  public void setOwnerElectionDelay(Duration delay) {
    membership.setOwnerElectionDelay(delay);
  }

  /** The owner election delay set by {@link #setOwnerElectionDelay}. */
  public Duration ownerElectionDelay() {
    return membership.ownerElectionDelay();
  }

  /**
   * Kills a capture: its port stops answering (connections are closed), its tables move to the live
   * captures, and if it was the owner another one is elected. Killing a dead capture does nothing.
   *
   * @throws IllegalArgumentException if there is no such capture
   */
  public void killCapture(String captureId) {
    membership.killCapture(captureId);
  }

  /**
   * Adds a capture listening on a new port; running changefeeds spread their tables over it too.
   *
   * @return the new capture (not the owner)
   */
  public Capture addCapture() {
    return membership.addCapture();
  }

  /**
   * Restarts a capture as restarting its {@code cdc server} process with the same {@code --addr}
   * would: the capture is killed (tables move, an owner is elected if it was the owner) and a new
   * capture with a new id listens on the same address. Restarting a killed capture brings its port
   * back.
   *
   * @return the new capture (the owner only when no other capture is alive)
   * @throws IllegalArgumentException if there is no such capture
   */
  public Capture restartCapture(String captureId) {
    return membership.restartCapture(captureId);
  }

  /**
   * {@code POST /api/v2/captures/{capture_id}/drain}: the number of tables still on the capture
   * across normal changefeeds. The first call starts the drain; each further call moves half of the
   * remaining tables away, so polling clients see the count fall to 0, after which the capture
   * holds no tables.
   */
  public int drainCapture(String captureId) {
    return membership.drainCapture(captureId);
  }

  /**
   * {@code GET /api/v2/processors}: one processor per (running changefeed, live capture), all
   * namespaces.
   */
  public List<Processor> processors() {
    return TableScheduler.processors(core);
  }

  /**
   * {@code GET /api/v2/processors/{changefeed_id}/{capture_id}}: the table ids, {@code null} when
   * the capture runs only other changefeeds' processors.
   */
  public List<Long> processorTables(String namespace, String changefeedId, String captureId) {
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

  /** Whether the captures are ready; until then every {@code /api/v2} route answers 503. */
  public boolean isReady() {
    return membership.isReady();
  }

  /** Switches readiness: TiCDC answers 503 until a capture is initialised. */
  public void setReady(boolean ready) {
    membership.setReady(ready);
  }

  /**
   * {@code GET /api/v2/health}: fails with {@code CDC:ErrOwnerNotFound} while there is no owner and
   * with {@code CDC:ErrClusterIsUnhealthy} when {@linkplain #setHealthy made unhealthy}.
   */
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
   * Scripts whether create and update can reach a sink host ({@code host:port} as TiCDC dials it,
   * e.g. {@code 127.0.0.1:3306}), whatever the {@link SinkProbe}: an unreachable MySQL answers 400
   * {@code CDC:ErrMySQLConnectionError}, Kafka 500 {@code CDC:ErrKafkaNewProducer}.
   */
  public void setSinkReachable(String hostPort, boolean reachable) {
    upstream.setSinkReachable(hostPort, reachable);
  }

  /** The upstream tables, in the order they were added. */
  public List<UpstreamTable> upstreamTables() {
    return upstream.tables();
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
    return upstream.addTable(schema, table, tableId, columns, primaryKey);
  }

  /**
   * {@code POST /api/v2/verify_table}: which upstream tables a config's filter matches, split by
   * eligibility. Only an unparseable sink URI is refused; the scheme is not checked.
   */
  public VerifiedTables verifyTables(ChangefeedSpec request) {
    return upstream.verifyTables(request);
  }

  /**
   * The upstream tables a config's filter selects, split by eligibility, without looking at the
   * sink: the new architecture's {@code POST /api/v2/get_all_tables}.
   */
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

  /**
   * {@code GET /api/v2/changefeeds/{id}}: the changefeed, counting as a read for {@link
   * OwnerTick#afterReads(int)}.
   *
   * @throws CdcException {@code invalid changefeed_id} or {@code CDC:ErrChangeFeedNotExists}
   */
  public Changefeed getChangefeed(String namespace, String id) {
    return queries.get(namespace, id);
  }

  /**
   * {@code GET /api/v2/changefeeds}: the changefeeds of a namespace sorted by id, filtered by state
   * like TiCDC: empty filter = everything but finished, {@code all} = everything, anything else =
   * exact internal state.
   */
  public List<Changefeed> listChangefeeds(String namespace, String stateFilter) {
    return queries.list(namespace, stateFilter);
  }

  /**
   * {@code GET /api/v2/changefeeds/{id}/synced}: decided from the checkpoint, the resolved ts, the
   * last synced ts (the start ts, or the last {@link #recordSyncedData}) and the changefeed's
   * {@code synced_status} intervals against the PD clock.
   */
  public SyncedStatus syncedStatus(String namespace, String id) {
    return queries.synced(namespace, id, () -> null);
  }

  /**
   * {@link #syncedStatus(String, String)} for a request with a body: {@code body} (which may return
   * null for none) is decoded after the changefeed is found, as TiCDC binds it.
   */
  public SyncedStatus syncedStatus(String namespace, String id, Supplier<?> body) {
    return queries.synced(namespace, id, Objects.requireNonNull(body, "body"));
  }

  // ---- changefeeds: commands ------------------------------------------------------------------

  /**
   * {@code POST /api/v2/changefeeds}: validates like TiCDC in TiCDC's order and stores a {@code
   * normal} changefeed whose checkpoint and resolved ts equal its start ts. With a {@link
   * SinkProbe} the sink host is dialled before the cluster's lock is taken.
   */
  public Changefeed createChangefeed(ChangefeedSpec request) {
    return commands.create(request);
  }

  /**
   * {@code PUT /api/v2/changefeeds/{id}}: only stopped or failed changefeeds; {@code target_ts} is
   * checked against {@code start_ts}; a sent {@code replica_config} replaces the whole config from
   * the defaults; the new pair is validated like a create; an update that changes nothing is
   * refused. The state does not change.
   */
  public Changefeed updateChangefeed(String namespace, String id, ChangefeedSpec request) {
    Objects.requireNonNull(request, "request");
    return commands.update(namespace, id, () -> request);
  }

  /**
   * {@link #updateChangefeed(String, String, ChangefeedSpec)} with the body decoded where TiCDC
   * reads it: after the changefeed is found and its state allows an update, so an update of a
   * running changefeed answers {@code CDC:ErrChangefeedUpdateRefused} whatever its body.
   *
   * @param body decodes the request, throwing TiCDC's {@link CdcException} for a bad one
   */
  public Changefeed updateChangefeed(String namespace, String id, Supplier<ChangefeedSpec> body) {
    return commands.update(namespace, id, body);
  }

  /**
   * {@code DELETE /api/v2/changefeeds/{id}}: removes the changefeed at once; a missing one is not
   * an error.
   *
   * @return whether a changefeed was removed
   */
  public boolean removeChangefeed(String namespace, String id) {
    return commands.remove(namespace, id);
  }

  /**
   * {@code POST /api/v2/changefeeds/{id}/pause}: queues a stop job, applied on the owner's next
   * tick ({@link OwnerTick}); a stopped, failed or finished changefeed is left alone.
   */
  public void pauseChangefeed(String namespace, String id) {
    commands.pause(namespace, id);
  }

  /**
   * {@code POST /api/v2/changefeeds/{id}/resume}: checks the checkpoint to resume from ({@code
   * overwriteCheckpointTs}, or the current one when 0) is not above the current TSO nor at or below
   * the GC safepoint, and queues a resume job; on the owner's tick a stopped, failed or finished
   * changefeed becomes normal with its error cleared, and a non-zero {@code overwriteCheckpointTs}
   * becomes both its checkpoint and its start ts.
   */
  public void resumeChangefeed(String namespace, String id, long overwriteCheckpointTs) {
    commands.resume(
        namespace, id, () -> new RequestBodies.Resume(overwriteCheckpointTs, List.of()));
  }

  /**
   * {@link #resumeChangefeed(String, String, long)} with the body decoded where TiCDC reads it:
   * after the changefeed is found; its {@code pd_addrs} must name the upstream's PD.
   *
   * @param body decodes the request, throwing TiCDC's {@link CdcException} for a bad one
   */
  public void resumeChangefeed(String namespace, String id, Supplier<RequestBodies.Resume> body) {
    commands.resume(namespace, id, Objects.requireNonNull(body, "body"));
  }

  // ---- /api/v1 semantics (tiflow cdc/api/v1/api.go, cdc/api/v1/validator.go) ------------------

  /**
   * {@code POST /api/v1/changefeeds}: v1's body on the server's default config, always in namespace
   * {@code default}, validated like a v2 create except for v1's wording and checks.
   */
  public Changefeed createChangefeed(V1ChangefeedConfig request) {
    return commands.create(request.forVersion(version()).toCreateSpec());
  }

  /**
   * {@code PUT /api/v1/changefeeds/{id}}: existence and the state gate before {@code body} is
   * decoded; then only the fields v1 reads, the sink section replaced as sent, no table re-check,
   * no-ops refused.
   */
  public Changefeed updateChangefeed(String id, Supplier<V1ChangefeedConfig> body) {
    return v1.update(id, Objects.requireNonNull(body, "body"));
  }

  /** {@code POST /api/v1/changefeeds/{id}/resume}: queues a resume with no TSO or GC check. */
  public void resumeChangefeedWithoutCheckpointCheck(String namespace, String id) {
    v1.resumeWithoutCheckpointCheck(namespace, id);
  }

  /**
   * {@code DELETE /api/v1/changefeeds/{id}}: like {@link #removeChangefeed} but a missing
   * changefeed is {@code CDC:ErrChangeFeedNotExists}.
   */
  public void removeExistingChangefeed(String namespace, String id) {
    v1.removeExisting(namespace, id);
  }

  /**
   * The changefeed, or {@code CDC:ErrChangeFeedNotExists} ({@code invalid changefeed_id} first),
   * without counting as a read: v1's rebalance_table, move_table and processor checks.
   */
  public Changefeed existingChangefeed(String namespace, String id) {
    return v1.requireExisting(namespace, id);
  }

  /** {@code GET /api/v1/changefeeds}: {@link #listChangefeeds} over every namespace, in order. */
  public List<Changefeed> listChangefeedsInAllNamespaces(String stateFilter) {
    return v1.listInAllNamespaces(stateFilter);
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
    return scripting.forceState(namespace, id, newState, error);
  }

  /**
   * Freezes a changefeed's checkpoint where it stands (its lag then grows with the clock), or
   * releases it: then it catches up at twice the clock's speed to the cluster's lag. Its state
   * stays as it is. Like every checkpoint script it replaces the one before: a scripted lag or
   * checkpoint is forgotten.
   */
  public void setCheckpointStalled(String namespace, String id, boolean stalled) {
    scripting.setCheckpointStalled(namespace, id, stalled);
  }

  /**
   * Holds a changefeed's checkpoint exactly {@code lag} behind the PD clock, at once and as the
   * clock runs (manual or system mode), releasing a stall or scripted checkpoint; the resolved ts
   * stays the cluster's resolved lag behind (at most {@code lag}). A lag longer than the changefeed
   * has run puts the checkpoint below its start ts: the script decides. A changefeed that is not
   * normal keeps its checkpoint and takes the lag up when it runs again; the target ts still caps
   * the checkpoint and finishes the changefeed.
   */
  public void setCheckpointLag(String namespace, String id, Duration lag) {
    scripting.setCheckpointLag(namespace, id, lag);
  }

  /**
   * Sets a changefeed's checkpoint to {@code checkpointTs} and freezes it there (the clock no
   * longer moves it; a scripted lag is forgotten) until {@link #setCheckpointLag} or {@link
   * #setCheckpointStalled} with {@code false}; a running changefeed whose checkpoint reaches its
   * {@code target_ts} becomes finished.
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
   * Waits until the changefeed is in state {@code expected}, waking on every request and at least
   * every 10 ms (time-driven transitions); reading does not count as a read of the HTTP API.
   *
   * @throws AssertionError naming the last state seen if {@code timeout} passes first
   */
  public Changefeed awaitChangefeedState(
      String namespace, String id, ChangefeedState expected, Duration timeout) {
    return queries.awaitState(namespace, id, expected, timeout);
  }

  // ---- scenarios ------------------------------------------------------------------------------

  /**
   * Seeds the cluster from a scenario: first the clock (a clock nobody has read yet can start
   * anywhere; one that was read only moves forward), then upstream tables, changefeeds (created
   * like {@code POST /api/v2/changefeeds}, given their checkpoint, then forced into their state),
   * the GC safepoint, health, readiness and fault rules. Captures and version are the server's
   * business.
   *
   * @throws IllegalArgumentException naming the scenario entry that failed and why
   */
  public void load(Scenario scenario) {
    scenarios.load(scenario);
  }

  /**
   * The current cluster as a scenario: live captures, version, the clock, health, readiness, GC
   * safepoint, upstream tables, every changefeed with its state, error, checkpoint, stall and lag,
   * and what is left of the fault rules ({@link FaultRules#remaining()}); {@code GET /__fake/state}
   * renders it, and {@link #load} of it into a fresh cluster gives this one back.
   */
  public Scenario currentScenario() {
    return scenarios.current();
  }

  /** Builds a {@link FakeCluster}. */
  public static final class Builder {
    private final ClusterSettings settings = new ClusterSettings();

    private Builder() {}

    /**
     * The upstream PD's endpoints; requests whose {@code pd_addrs} name another address fail like
     * TiCDC's unreachable PD. Default {@code http://127.0.0.1:2379}.
     */
    public Builder pdEndpoints(List<String> endpoints) {
      settings.pdEndpoints(endpoints);
      return this;
    }

    /** Whether create/update really connect to sink hosts; default {@link SinkProbe#none()}. */
    public Builder sinkProbe(SinkProbe sinkProbe) {
      settings.sinkProbe(sinkProbe);
      return this;
    }

    /**
     * How long the cluster has no owner after a resign or the owner's death, on the PD clock;
     * default zero (elected at once).
     */
    public Builder ownerElectionDelay(Duration delay) {
      settings.ownerElectionDelay(delay);
      return this;
    }

    /** The most requests the journal keeps; default 10 000. */
    public Builder journalCapacity(int capacity) {
      settings.journalCapacity(capacity);
      return this;
    }

    /**
     * Mimics TiCDC's new architecture as released in v26.3.4 ({@code cdc server --newarch}): the
     * same as {@code version(TiCdcVersion.V26_3_NEWARCH)}.
     */
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

    /**
     * What opens and closes capture ports when captures are killed, added or reset; {@code
     * FakeTiCdcServer} passes its listeners. Without one the cluster has no ports.
     */
    public Builder captureNetwork(CaptureNetwork network) {
      settings.captureNetwork(network);
      return this;
    }

    /**
     * Loads {@code scenario} into a trial cluster with these settings, on a copy of the clock and
     * without ports, and throws it away: the check a server makes before it binds any port, so that
     * an invalid scenario never leaves a port answering. Sink hosts are dialled as a load dials
     * them.
     *
     * @throws IllegalArgumentException naming the scenario entry that failed and why
     */
    public void checkScenario(Scenario scenario) {
      Objects.requireNonNull(scenario, "scenario");
      PdClock real = settings.clock;
      CaptureNetwork realNetwork = settings.network;
      try {
        settings.clock = real.copy();
        settings.network = null;
        new FakeCluster(settings).load(scenario);
      } finally {
        settings.clock = real;
        settings.network = realNetwork;
      }
    }

    /** The cluster. */
    public FakeCluster build() {
      return new FakeCluster(settings);
    }
  }
}
