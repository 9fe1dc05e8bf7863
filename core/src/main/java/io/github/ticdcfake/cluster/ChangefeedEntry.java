package io.github.ticdcfake.cluster;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The owner's mutable record of one changefeed; guarded by the {@link FakeCluster}'s lock. */
final class ChangefeedEntry {
  enum JobType {
    STOP,
    RESUME
  }

  /** A queued admin job, applied on the owner's next tick. */
  static final class Job {
    final JobType type;
    final long overwriteCheckpointTs;
    final long dueMillis;
    int readsLeft;

    Job(JobType type, long overwriteCheckpointTs, long dueMillis, int readsLeft) {
      this.type = type;
      this.overwriteCheckpointTs = overwriteCheckpointTs;
      this.dueMillis = dueMillis;
      this.readsLeft = readsLeft;
    }

    Job copy() {
      return new Job(type, overwriteCheckpointTs, dueMillis, readsLeft);
    }
  }

  final String namespace;
  final String id;
  final Instant createTime;
  final String creatorVersion;
  String sinkUri;
  SinkUri parsedUri;
  long startTs;
  long targetTs;
  ReplicaConfig config;
  ChangefeedState state = ChangefeedState.NORMAL;
  RunningError error;
  RunningError warning;
  long checkpointTs;
  long resolvedTs;
  boolean stalled;

  /** How far the checkpoint trails the clock: the cluster's lag, or the one a script set. */
  long checkpointLagMillis;

  /** Whether a script set {@link #checkpointLagMillis}: then the checkpoint sits exactly there. */
  boolean lagScripted;

  long resolvedLagMillis;
  long lastProgressMillis;
  long lastSyncedTs;

  /** The new architecture's gid; null in classic TiCDC. */
  Changefeed.Gid gid;

  /**
   * The new architecture: the capture running this changefeed's maintainer, null while it is not
   * scheduled ({@link Maintainers}).
   */
  String maintainerCaptureId;

  /**
   * The new architecture: the table spans a test moved, split or merged, per mode (0 default, 1
   * redo); a table missing here runs where the maintainer first put it. Null until changed.
   */
  java.util.TreeMap<Long, List<String>>[] spanOverrides;

  /** Queued admin jobs, oldest first; null while none was ever queued (most changefeeds). */
  private ArrayDeque<Job> jobs;

  ChangefeedEntry(
      String namespace, String id, Instant createTime, String creatorVersion, SinkUri sinkUri) {
    this.namespace = namespace;
    this.id = id;
    this.createTime = createTime;
    this.creatorVersion = creatorVersion;
    this.sinkUri = sinkUri.raw;
    this.parsedUri = sinkUri;
  }

  ChangefeedEntry copy() {
    ChangefeedEntry c = new ChangefeedEntry(namespace, id, createTime, creatorVersion, parsedUri);
    c.startTs = startTs;
    c.targetTs = targetTs;
    c.config = config;
    c.state = state;
    c.error = error;
    c.warning = warning;
    c.checkpointTs = checkpointTs;
    c.resolvedTs = resolvedTs;
    c.stalled = stalled;
    c.checkpointLagMillis = checkpointLagMillis;
    c.lagScripted = lagScripted;
    c.resolvedLagMillis = resolvedLagMillis;
    c.lastProgressMillis = lastProgressMillis;
    c.lastSyncedTs = lastSyncedTs;
    c.gid = gid;
    c.maintainerCaptureId = maintainerCaptureId;
    if (spanOverrides != null) {
      c.spanOverrides = Maintainers.copyOverrides(spanOverrides);
    }
    if (hasJobs()) {
      for (Job job : jobs) {
        c.jobs().add(job.copy());
      }
    }
    return c;
  }

  boolean hasJobs() {
    return jobs != null && !jobs.isEmpty();
  }

  /** The job queue, created on first use. */
  ArrayDeque<Job> jobs() {
    if (jobs == null) {
      jobs = new ArrayDeque<>(2);
    }
    return jobs;
  }

  /** The oldest queued job, or null. */
  Job nextJob() {
    return jobs == null ? null : jobs.peek();
  }

  void clearJobs() {
    jobs = null;
  }

  /** The config the owner holds after loading it from etcd: pruned per sink type. */
  ReplicaConfig ownerConfig(DomainRules rules) {
    if (rules.coordinator()) {
      return config; // the new architecture's coordinator keeps it unpruned (v26.3.4)
    }
    return config.prunedFor(parsedUri, rules);
  }

  Changefeed snapshot(
      long upstreamId,
      Map<String, java.util.List<Long>> tables,
      TiCdcVersion version,
      String maintainerAddress) {
    return new Changefeed(
        namespace,
        id,
        upstreamId,
        sinkUri,
        createTime,
        startTs,
        targetTs,
        state,
        Optional.ofNullable(error),
        Optional.ofNullable(warning),
        checkpointTs,
        resolvedTs,
        config,
        creatorVersion,
        tables,
        version,
        gid,
        Optional.ofNullable(maintainerAddress));
  }
}
