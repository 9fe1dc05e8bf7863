package io.github.ticdcfake.cluster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything a cluster's operations read and write, and everything {@link FakeCluster#reset()}
 * restores: copied wholesale. Guarded by {@link ClusterCore#lock}; never handed out.
 */
final class ClusterState {
  final List<CaptureEntry> captures = new ArrayList<>();
  String ownerId;
  final TreeMap<String, TreeMap<String, ChangefeedEntry>> changefeeds = new TreeMap<>();
  final List<UpstreamTable> upstreamTables = new ArrayList<>();
  final Map<String, Boolean> sinkReachability = new TreeMap<>();

  /**
   * Changefeeds with queued admin jobs: the only ones the owner's tick visits. Every other
   * changefeed moves lazily ({@link OwnerTickEngine#catchUp}) when it is read, which gives the same
   * checkpoints because progress from one time to a later one does not depend on the steps between.
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

  /** The new architecture: how many maintainers were placed so far (they go round-robin). */
  long maintainersPlaced;

  /** One capture as the cluster tracks it. */
  static final class CaptureEntry {
    final String id;
    final String address;
    boolean alive = true;
    String logLevel = "info";

    /** The new architecture's log redaction mode: per process, so per capture; OFF at start. */
    String redactMode = "OFF";

    /** Tables still to move off while draining; -1 when not draining. */
    int drainRemaining = -1;

    /** The new architecture's v1 drain stub: how many calls this process has answered. */
    long shimDrainCalls;

    CaptureEntry(String id, String address) {
      this.id = id;
      this.address = address;
    }

    CaptureEntry copy() {
      CaptureEntry c = new CaptureEntry(id, address);
      c.alive = alive;
      c.logLevel = logLevel;
      c.redactMode = redactMode;
      c.drainRemaining = drainRemaining;
      c.shimDrainCalls = shimDrainCalls;
      return c;
    }
  }

  CaptureEntry capture(String captureId) {
    for (CaptureEntry c : captures) {
      if (c.id.equals(captureId)) {
        return c;
      }
    }
    return null;
  }

  /** The entry as stored, not caught up; null when there is none. */
  ChangefeedEntry changefeed(String namespace, String id) {
    TreeMap<String, ChangefeedEntry> byId = changefeeds.get(namespace);
    return byId == null ? null : byId.get(id);
  }

  ClusterState copy() {
    ClusterState c = new ClusterState();
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
                if (e.hasJobs()) {
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
    c.maintainersPlaced = maintainersPlaced;
    return c;
  }
}
