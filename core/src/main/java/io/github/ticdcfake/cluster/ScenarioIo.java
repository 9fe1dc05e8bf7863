package io.github.ticdcfake.cluster;

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
   * Seeds upstream tables, changefeeds (created like {@code POST /api/v2/changefeeds}, then forced
   * into their state) and fault rules, atomically; sink hosts are dialled before the lock is taken.
   */
  void load(Scenario scenario) {
    SinkDials dials = SinkDials.forBatch(upstream.sinkProbe(), core.lock);
    for (Scenario.ChangefeedSeed seed : scenario.changefeeds()) {
      dials.dial(upstream.hostToDial(seed.spec().sinkUri()));
    }
    synchronized (core.lock) {
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
          if (seed.state() != ChangefeedState.NORMAL || seed.error().isPresent()) {
            scripting.forceState(
                created.namespace(), created.id(), seed.state(), seed.error().orElse(null));
          }
        } catch (CdcException e) {
          throw new IllegalArgumentException(
              "changefeeds[" + i + "] (" + seed.spec().changefeedId() + "): " + e.getMessage(), e);
        }
        i++;
      }
      scenario.faults().forEach(core.faults::add);
    }
  }

  /**
   * The cluster as a scenario: live captures, version, upstream tables, every changefeed with its
   * state and error, and the fault rules.
   */
  Scenario current() {
    synchronized (core.lock) {
      ClusterState state = core.state;
      core.engine.tick(state);
      Scenario.Builder b =
          Scenario.builder().version(core.version).captures(Math.max(1, membership.liveCount()));
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
          b.changefeed(spec.build(), e.state, error);
        }
      }
      core.faults.rules().forEach(b::fault);
      return b.build();
    }
  }

  private static String stripCode(RunningError e) {
    String prefix = "[" + e.code() + "]";
    return e.message().startsWith(prefix) ? e.message().substring(prefix.length()) : e.message();
  }
}
