package io.github.ticdcfake.cluster;

import io.github.ticdcfake.cluster.ChangefeedEntry.JobType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The changefeed commands — create, update, remove, pause, resume — each running TiCDC's steps in
 * TiCDC's order (tiflow {@code cdc/api/v2/changefeed.go}) under one hold of the cluster's lock. A
 * request body comes as a {@link Supplier} decoded at the step where TiCDC binds it, so a state
 * error answers before a malformed body does. Sink hosts are dialled before the lock is taken
 * ({@link SinkDials}).
 */
final class ChangefeedCommands {
  private final ClusterCore core;
  private final Upstream upstream;

  ChangefeedCommands(ClusterCore core, Upstream upstream) {
    this.core = core;
    this.upstream = upstream;
  }

  /**
   * {@code POST /api/v2/changefeeds}: validates in TiCDC's order and stores a {@code normal}
   * changefeed whose checkpoint and resolved ts equal its start ts.
   */
  Changefeed create(ChangefeedSpec request) {
    SinkDials dials = SinkDials.forRequest(upstream.sinkProbe(), core.lock);
    dials.dial(upstream.hostToDial(request.sinkUri()));
    return withDials(dials, d -> create(request, d));
  }

  /**
   * {@link #create(ChangefeedSpec)} with the sink hosts dialled so far.
   *
   * @throws SinkDials.Needed before changing anything, when a host is still to be dialled
   */
  Changefeed create(ChangefeedSpec request, SinkDials dials) {
    ChangefeedSpec spec = Objects.requireNonNull(request, "spec").forVersion(core.version);
    upstream.checkPdAddrs(spec.pdAddrs());
    synchronized (core.lock) {
      ClusterState state = core.state;
      core.engine.tick(state);
      String sinkUri = spec.sinkUri();
      // TiCDC dials last, but a host still to dial must be found before anything is drawn (a
      // generated id, a TSO), so that a command run again after the dial draws the same.
      String dialError = dialErrorIfParseable(sinkUri, dials);
      boolean coordinator = core.rules.coordinator();
      if (sinkUri.isEmpty() && !coordinator) {
        throw CdcError.SINK_URI_INVALID.raise(
            "sink_uri is empty, cannot create a changefeed without sink_uri");
      }
      // the new architecture names an id-less changefeed after its gid (pingcap/ticdc
      // pkg/common/types.go NewChangefeedID) and has a single keyspace in the classic kernel
      Changefeed.Gid gid = coordinator ? core.randomGid() : null;
      String id =
          !spec.changefeedId().isEmpty()
              ? spec.changefeedId()
              : coordinator ? gid.changefeedName() : core.randomUuid();
      ChangefeedChecks.checkChangefeedId(id);
      String namespace =
          spec.namespace().isEmpty() || coordinator
              ? FakeCluster.DEFAULT_NAMESPACE
              : spec.namespace();
      if (!ChangefeedChecks.validId(namespace)) {
        throw CdcError.API_INVALID_PARAM.raiseWithMessage("invalid namespace: " + namespace);
      }
      if (core.find(namespace, id) != null) {
        throw CdcError.CHANGEFEED_ALREADY_EXISTS.raise(id);
      }
      if (sinkUri.isEmpty()) {
        // pingcap/ticdc api/v2/changefeed.go CreateChangefeed: after the duplicate check
        throw CdcError.SINK_URI_INVALID.raise(
            "sink_uri is empty, cannot create a changefeed without sink_uri");
      }
      // the new architecture parses the URI before it asks PD for a TSO (pingcap/ticdc
      // api/v2/changefeed.go@v26.3.4 CreateChangefeed)
      SinkUri uri = coordinator ? ChangefeedChecks.parseSinkUri(sinkUri) : null;
      long tso = core.clock.nextTso();
      long startTs = spec.startTs() == 0 ? tso : spec.startTs();
      if (core.rules.rejectsFutureStartTs() && Long.compareUnsigned(startTs, tso) > 0) {
        throw CdcError.API_INVALID_PARAM.raiseWithMessage(
            "invalid start-ts "
                + Long.toUnsignedString(startTs)
                + ", larger than current tso "
                + tso);
      }
      if (!coordinator) {
        checkGcSafepoint(startTs);
      }
      long targetTs = spec.targetTs();
      if (targetTs != 0 && Long.compareUnsigned(targetTs, startTs) <= 0) {
        throw CdcError.TARGET_TS_BEFORE_START_TS.raise(targetTs, startTs);
      }
      if (uri == null) {
        uri = ChangefeedChecks.parseSinkUri(sinkUri);
      }
      ReplicaConfig config = validateConfig(spec.replicaConfigValue(), uri);
      if (coordinator) {
        // ticdc ensures the GC safepoint only once the config is valid
        checkGcSafepoint(startTs);
      }
      if (spec.isV1()) {
        // tiflow cdc/api/v1 verifyCreateChangefeedConfig: eligibility, then the timezone, then
        // the sink (whose event router checks the dispatchers on the eligible tables)
        List<UpstreamTable> tables =
            ChangefeedChecks.verifyTables(
                config, state.upstreamTables, !spec.skipsIneligibleTables());
        spec.checkTimezone();
        ChangefeedChecks.verifyDispatchers(config, uri, tables);
      } else {
        ChangefeedChecks.verifiedTables(config, uri, state.upstreamTables, coordinator);
      }
      validateAndProbeSink(config, uri, dialError);

      ChangefeedEntry entry =
          new ChangefeedEntry(namespace, id, core.clock.instant(), core.version.version(), uri);
      entry.startTs = startTs;
      entry.targetTs = targetTs;
      entry.config = core.configs.intern(config);
      entry.checkpointTs = startTs;
      entry.resolvedTs = startTs;
      entry.checkpointLagMillis = core.checkpointLagMillis;
      entry.resolvedLagMillis = core.resolvedLagMillis;
      entry.lastProgressMillis = core.clock.millis();
      entry.lastSyncedTs = startTs;
      entry.gid = gid;
      state.changefeeds.computeIfAbsent(namespace, ns -> new TreeMap<>()).put(id, entry);
      return core.snapshot(entry);
    }
  }

  private void checkGcSafepoint(long startTs) {
    if (Long.compareUnsigned(startTs, core.state.gcSafepoint) <= 0) {
      throw CdcError.START_TS_BEFORE_GC.raise(startTs, core.state.gcSafepoint);
    }
  }

  /**
   * {@code PUT /api/v2/changefeeds/{id}}: existence, then the state gate (only stopped or failed),
   * then the body is decoded, then {@code pd_addrs}, {@code target_ts} against {@code start_ts},
   * the new sink and config validated like a create, and an update that changes nothing is refused.
   */
  Changefeed update(String namespace, String id, Supplier<ChangefeedSpec> body) {
    Supplier<ChangefeedSpec> once = memoize(body);
    return withDials(
        SinkDials.forRequest(upstream.sinkProbe(), core.lock), d -> update(namespace, id, once, d));
  }

  private Changefeed update(
      String namespace, String id, Supplier<ChangefeedSpec> body, SinkDials dials) {
    synchronized (core.lock) {
      ChangefeedEntry entry = core.require(namespace, id);
      if (entry.state != ChangefeedState.STOPPED && entry.state != ChangefeedState.FAILED) {
        throw CdcError.CHANGEFEED_UPDATE_REFUSED.raise(
            "can only update changefeed config when it is stopped or failed");
      }
      ChangefeedSpec update = body.get().forVersion(core.version);
      boolean coordinator = core.rules.coordinator();
      if (!coordinator) {
        upstream.checkPdAddrs(update.pdAddrs());
      }
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
      ReplicaConfig oldConfig = entry.ownerConfig(core.rules);
      ReplicaConfig config = oldConfig;
      SinkUri uri = entry.parsedUri;
      // ticdc re-validates whenever a sink_uri is sent, even the same one (pingcap/ticdc
      // api/v2/changefeed.go@v26.3.4 UpdateChangefeed sinkURIUpdated); tiflow compares
      boolean configChanged =
          update.replicaConfigSent()
              || (coordinator ? !update.sinkUri().isEmpty() : !sinkUri.equals(entry.sinkUri));
      if (coordinator && update.startTs() != 0) {
        // pingcap/ticdc api/v2/changefeed.go UpdateChangefeed
        throw CdcError.API_INVALID_PARAM.raiseWithMessage("start_ts can not be updated");
      }
      if (coordinator) {
        if (configChanged) {
          uri = ChangefeedChecks.parseSinkUri(sinkUri);
          Map<String, Object> base =
              update.replicaConfigSent()
                  ? ReplicaConfig.fromUpdate(core.rules, update.replicaConfigValue())
                  : oldConfig.raw();
          config = validateConfig(base, uri);
          try {
            ChangefeedChecks.verifiedTables(config, uri, core.state.upstreamTables, true);
          } catch (CdcException e) {
            if (e.error() == CdcError.TABLE_INELIGIBLE) {
              throw e;
            }
            throw CdcError.CHANGEFEED_UPDATE_REFUSED.raise(e.getMessage());
          }
          ChangefeedChecks.checkIpv6Form(uri);
        }
        // the sink is probed even for an update that changes nothing, which is accepted
        ChangefeedChecks.verifyNewArchSink(uri, upstream.dialError(uri, dials));
      } else if (configChanged) {
        try {
          uri = ChangefeedChecks.parseSinkUri(sinkUri);
          Map<String, Object> base =
              update.replicaConfigSent()
                  ? ReplicaConfig.fromUpdate(core.rules, update.replicaConfigValue())
                  : oldConfig.raw();
          config = ReplicaConfig.validateAndAdjust(core.rules, base, uri);
          ChangefeedChecks.verifiedTables(config, uri, core.state.upstreamTables);
          ChangefeedChecks.validateSink(config, uri);
          ChangefeedChecks.failIfUnreachable(uri, upstream.dialError(uri, dials));
        } catch (CdcException e) {
          if (e.error() == CdcError.TABLE_INELIGIBLE) {
            throw e;
          }
          throw CdcError.CHANGEFEED_UPDATE_REFUSED.raise(e.getMessage());
        }
      }
      if (!coordinator
          && targetTs == entry.targetTs
          && sinkUri.equals(entry.sinkUri)
          && config.equals(oldConfig)) {
        throw CdcError.CHANGEFEED_UPDATE_REFUSED.raise(
            "changefeed config is the same with the old one, do nothing");
      }
      entry.targetTs = targetTs;
      entry.sinkUri = sinkUri;
      entry.parsedUri = uri;
      entry.config = core.configs.intern(config);
      return core.snapshot(entry);
    }
  }

  /** {@code DELETE /api/v2/changefeeds/{id}}: removes it at once; a missing one is no error. */
  boolean remove(String namespace, String id) {
    ChangefeedChecks.checkChangefeedId(id);
    synchronized (core.lock) {
      ClusterState state = core.state;
      core.engine.tick(state);
      TreeMap<String, ChangefeedEntry> byId = state.changefeeds.get(namespace);
      ChangefeedEntry removed = byId == null ? null : byId.remove(id);
      if (removed != null) {
        state.withJobs.remove(removed);
      }
      if (byId != null && byId.isEmpty()) {
        state.changefeeds.remove(namespace);
      }
      return removed != null;
    }
  }

  /** {@code POST /api/v2/changefeeds/{id}/pause}: queues a stop job for the owner's tick. */
  void pause(String namespace, String id) {
    synchronized (core.lock) {
      ChangefeedEntry entry = core.require(namespace, id);
      if (core.rules.coordinator()) {
        // pingcap/ticdc coordinator/controller.go PauseChangefeed: persisted and stopped before
        // the answer, from any state; the stored error stays
        entry.state = ChangefeedState.STOPPED;
        Maintainers.release(entry);
        return;
      }
      core.engine.queue(core.state, entry, JobType.STOP, 0);
    }
  }

  /**
   * {@code POST /api/v2/changefeeds/{id}/resume}: existence, then the body is decoded (the other
   * way round in the new architecture), its {@code pd_addrs} checked, the checkpoint to resume from
   * checked against TSO and GC safepoint, and a resume job queued for the owner's tick.
   */
  void resume(String namespace, String id, Supplier<RequestBodies.Resume> body) {
    synchronized (core.lock) {
      boolean coordinator = core.rules.coordinator();
      RequestBodies.Resume resume = null;
      if (coordinator) {
        // pingcap/ticdc api/v2/changefeed.go@v26.3.4 ResumeChangefeed: the id is checked and the
        // body decoded before the coordinator looks the changefeed up
        ChangefeedChecks.checkChangefeedId(id);
        resume = body.get();
      }
      ChangefeedEntry entry = core.require(namespace, id);
      if (resume == null) {
        resume = body.get();
      }
      if (!coordinator) {
        upstream.checkResumePdAddrs(resume.pdAddrs());
      }
      long overwriteCheckpointTs = resume.overwriteCheckpointTs();
      if (coordinator && !isResumable(entry.state)) {
        return; // pingcap/ticdc coordinator/controller.go@v26.3.4 ResumeChangefeed: ignored
      }
      checkResumable(entry, overwriteCheckpointTs);
      if (coordinator) {
        // normal before the answer; the stored error is kept at v26.3.4, the start ts too
        OwnerTickEngine.progress(entry, core.clock.millis());
        entry.state = ChangefeedState.NORMAL;
        if (overwriteCheckpointTs != 0) {
          entry.checkpointTs = overwriteCheckpointTs;
          entry.resolvedTs = overwriteCheckpointTs;
        }
        entry.lastProgressMillis = core.clock.millis();
        return;
      }
      core.engine.queue(core.state, entry, JobType.RESUME, overwriteCheckpointTs);
    }
  }

  /**
   * The checkpoint to resume from ({@code overwriteCheckpointTs}, or the kept one when 0 and the
   * release checks it) must not be above the current TSO nor at or below the GC safepoint.
   */
  private void checkResumable(ChangefeedEntry entry, long overwriteCheckpointTs) {
    if (overwriteCheckpointTs == 0 && !core.rules.checksResumeCheckpoint()) {
      return;
    }
    long ts = overwriteCheckpointTs != 0 ? overwriteCheckpointTs : entry.checkpointTs;
    if (ts == 0) {
      return;
    }
    long tso = core.clock.nextTso();
    if (core.rules.rejectsFutureOverwriteCheckpointTs() && Long.compareUnsigned(ts, tso) > 0) {
      throw CdcError.API_INVALID_PARAM.raiseWithMessage(
          "invalid checkpoint-ts "
              + Long.toUnsignedString(ts)
              + ", larger than current tso "
              + tso);
    }
    long gcSafepoint = core.state.gcSafepoint;
    if (Long.compareUnsigned(ts, gcSafepoint) <= 0) {
      throw CdcError.START_TS_BEFORE_GC.raise(ts, gcSafepoint);
    }
  }

  private static boolean isResumable(ChangefeedState state) {
    return state == ChangefeedState.STOPPED
        || state == ChangefeedState.FAILED
        || state == ChangefeedState.FINISHED;
  }

  /**
   * Validates and adjusts a config against the sink; the new architecture wraps every failure once
   * more in {@code ErrInvalidReplicaConfig}, with a literal {@code %s} (pingcap/ticdc {@code
   * api/v2/changefeed.go}).
   */
  private ReplicaConfig validateConfig(Map<String, Object> value, SinkUri uri) {
    return validateConfig(core.rules, value, uri);
  }

  /** {@link #validateConfig(Map, SinkUri)} for {@code rules}, also used by verify_table. */
  static ReplicaConfig validateConfig(DomainRules rules, Map<String, Object> value, SinkUri uri) {
    try {
      return ReplicaConfig.validateAndAdjust(rules, value, uri);
    } catch (CdcException e) {
      if (!rules.coordinator()) {
        throw e;
      }
      throw CdcError.INVALID_REPLICA_CONFIG.wrap(e.getMessage());
    }
  }

  /**
   * The sink checks of a create: tiflow's sink validator, then the probe; the new architecture has
   * no validator, and its own probe ({@link ChangefeedChecks#verifyNewArchSink}).
   */
  private void validateAndProbeSink(ReplicaConfig config, SinkUri uri, String dialError) {
    if (core.rules.coordinator()) {
      ChangefeedChecks.checkIpv6Form(uri);
      ChangefeedChecks.verifyNewArchSink(uri, dialError);
    } else {
      ChangefeedChecks.validateSink(config, uri);
      ChangefeedChecks.failIfUnreachable(uri, dialError);
    }
  }

  private String dialErrorIfParseable(String sinkUri, SinkDials dials) {
    SinkUri uri;
    try {
      uri = SinkUri.parse(sinkUri);
    } catch (SinkUri.ParseException | RuntimeException e) {
      return null; // refused at its step
    }
    return upstream.dialError(uri, dials);
  }

  /** Runs a command, dialling outside the lock every sink host it asks for, until it completes. */
  static <T> T withDials(SinkDials dials, Function<SinkDials, T> command) {
    while (true) {
      try {
        return command.apply(dials);
      } catch (SinkDials.Needed needed) {
        dials.dial(needed.target);
      }
    }
  }

  static <T> Supplier<T> memoize(Supplier<T> supplier) {
    Objects.requireNonNull(supplier, "body");
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) {
          value = Objects.requireNonNull(supplier.get(), "body");
        }
        return value;
      }
    };
  }
}
