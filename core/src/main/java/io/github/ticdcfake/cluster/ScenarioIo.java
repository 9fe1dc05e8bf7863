package io.github.ticdcfake.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.TreeMap;

/** Scenario import (seeding a cluster) and export (the cluster as a scenario document). */
final class ScenarioIo {
  private final ClusterCore core;
  private final Membership membership;
  private final Upstream upstream;
  private final ChangefeedCommands commands;
  private final ChangefeedScripting scripting;

  ScenarioIo(
      ClusterCore core,
      Membership membership,
      Upstream upstream,
      ChangefeedCommands commands,
      ChangefeedScripting scripting) {
    this.core = core;
    this.membership = membership;
    this.upstream = upstream;
    this.commands = commands;
    this.scripting = scripting;
  }

  /**
   * Seeds the clock first (before anything reads it), then upstream tables, changefeeds (created
   * like {@code POST /api/v2/changefeeds}, given their checkpoint, then forced into their state),
   * the GC safepoint, health, readiness and fault rules, under the lock; sink hosts are dialled
   * before the lock is taken.
   */
  void load(Scenario scenario) {
    SinkDials dials = SinkDials.forBatch(upstream.sinkProbe(), core.lock);
    for (Scenario.ChangefeedSeed seed : scenario.changefeeds()) {
      dials.dial(upstream.hostToDial(seed.spec().sinkUri()));
    }
    synchronized (core.lock) {
      if (scenario.clock().isPresent()) {
        Scenario.ClockSeed clock = scenario.clock().get();
        try {
          core.clock.startAt(clock.manual(), clock.now());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("clock.now: " + e.getMessage(), e);
        }
      }
      int i = 0;
      for (UpstreamTable t : scenario.upstreamTables()) {
        try {
          upstream.addTable(t.schema(), t.table(), t.tableId(), t.columns(), t.primaryKey());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("upstream.tables[" + i + "]: " + e.getMessage(), e);
        }
        i++;
      }
      i = 0;
      for (Scenario.ChangefeedSeed seed : scenario.changefeeds()) {
        try {
          Changefeed created = commands.create(seed.spec(), dials);
          ChangefeedEntry entry = core.require(created.namespace(), created.id());
          placeCheckpoint(entry, seed.checkpoint());
          if (seed.state() != ChangefeedState.NORMAL || seed.error().isPresent()) {
            scripting.forceState(
                created.namespace(), created.id(), seed.state(), seed.error().orElse(null));
          }
          if (entry.lagScripted) {
            OwnerTickEngine.holdScriptedLag(entry, core.clock.millis());
          }
        } catch (CdcException e) {
          throw new IllegalArgumentException(
              "changefeeds[" + i + "] (" + seed.spec().changefeedId() + "): " + e.getMessage(), e);
        }
        i++;
      }
      upstream.setGcSafepoint(scenario.gcSafepoint());
      membership.setHealthy(scenario.healthy());
      membership.setReady(scenario.ready());
      scenario.faults().forEach(core.faults::add);
    }
  }

  /** Puts a just-created changefeed's checkpoint where the scenario has it. */
  private void placeCheckpoint(ChangefeedEntry entry, Scenario.CheckpointSeed seed) {
    if (seed.checkpointTs() != 0) {
      entry.checkpointTs = seed.checkpointTs();
      entry.resolvedTs = seed.checkpointTs();
    }
    if (seed.resolvedTs() != 0) {
      entry.resolvedTs = seed.resolvedTs();
    }
    if (Long.compareUnsigned(entry.resolvedTs, entry.checkpointTs) < 0) {
      throw new IllegalArgumentException(
          "resolved_ts "
              + Long.toUnsignedString(entry.resolvedTs)
              + " is below checkpoint_ts "
              + Long.toUnsignedString(entry.checkpointTs));
    }
    if (seed.lastSyncedTs() != 0) {
      entry.lastSyncedTs = seed.lastSyncedTs();
    }
    entry.stalled = seed.stalled();
    if (seed.lag().isPresent()) {
      entry.checkpointLagMillis = seed.lag().get().toMillis();
      entry.lagScripted = true;
    }
    entry.lastProgressMillis = core.clock.millis();
  }

  /**
   * The cluster as a scenario: live captures, version, the clock, health, readiness, GC safepoint,
   * upstream tables, every changefeed with its state, error and checkpoint, and what is left of the
   * fault rules.
   */
  Scenario current() {
    synchronized (core.lock) {
      ClusterState state = core.state;
      core.engine.tick(state);
      Scenario.Builder b =
          Scenario.builder()
              .version(core.version)
              .captures(Math.max(1, membership.liveCount()))
              .clock(new Scenario.ClockSeed(core.clock.isManual(), core.clock.now()))
              .healthy(state.healthy)
              .ready(state.ready)
              .gcSafepoint(state.gcSafepoint);
      state.upstreamTables.forEach(b::upstreamTable);
      for (TreeMap<String, ChangefeedEntry> byId : state.changefeeds.values()) {
        for (ChangefeedEntry e : byId.values()) {
          core.engine.catchUp(state, e); // a target ts reached since the last tick finishes it
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
              ReplicaConfig.validateAndAdjust(core.rules, core.shape().defaults(), e.parsedUri);
          if (!plain.equals(e.config)) {
            spec.replicaConfig(e.config.toMap());
          }
          RunningError shown = e.state == ChangefeedState.WARNING ? e.warning : e.error;
          CdcException error =
              shown == null ? null : CdcException.of(shown.code(), stripCode(shown));
          Scenario.CheckpointSeed checkpoint =
              new Scenario.CheckpointSeed(
                  e.checkpointTs,
                  e.resolvedTs,
                  e.lastSyncedTs,
                  e.stalled,
                  e.lagScripted
                      ? Optional.of(Duration.ofMillis(e.checkpointLagMillis))
                      : Optional.empty());
          b.changefeed(spec.build(), e.state, error, checkpoint);
        }
      }
      core.faults.remaining().forEach(b::fault);
      return b.build();
    }
  }

  private static String stripCode(RunningError e) {
    String prefix = "[" + e.code() + "]";
    return e.message().startsWith(prefix) ? e.message().substring(prefix.length()) : e.message();
  }
}
