package io.github.ticdcfake.cluster;

import io.github.ticdcfake.cluster.ChangefeedEntry.Job;
import io.github.ticdcfake.cluster.ChangefeedEntry.JobType;
import java.util.Iterator;

/**
 * The owner's tick: applies queued admin jobs when the {@link OwnerTick} policy says they are due,
 * and moves checkpoints along the PD clock. Holds no state of its own and needs no server: callers
 * pass the {@link ClusterState} they hold the lock of.
 */
final class OwnerTickEngine {
  private final PdClock clock;
  private final OwnerTick policy;

  OwnerTickEngine(PdClock clock, OwnerTick policy) {
    this.clock = clock;
    this.policy = policy;
  }

  OwnerTick policy() {
    return policy;
  }

  /** Queues a job as the policy times it, applying it at once when it is already due. */
  void queue(ClusterState state, ChangefeedEntry entry, JobType type, long overwriteTs) {
    long due = clock.millis() + policy.delay.toMillis();
    int reads = policy.mode == OwnerTick.Mode.AFTER_READS ? policy.reads : 0;
    entry.jobs().add(new Job(type, overwriteTs, due, reads));
    state.withJobs.add(entry);
    applyDueJobs(entry);
  }

  /** Counts one read of the changefeed against its oldest job's {@code afterReads} budget. */
  void countRead(ChangefeedEntry entry) {
    Job head = entry.nextJob();
    if (head != null && head.readsLeft > 0) {
      head.readsLeft--;
    }
  }

  /**
   * Applies due jobs and moves checkpoints. It visits only changefeeds with queued jobs, so it
   * costs nothing per idle changefeed; the others {@linkplain #catchUp catch up} when read.
   */
  void tick(ClusterState state) {
    long now = clock.millis();
    state.tickMillis = Math.max(state.tickMillis, now);
    Iterator<ChangefeedEntry> it = state.withJobs.iterator();
    while (it.hasNext()) {
      ChangefeedEntry entry = it.next();
      applyDueJobs(entry);
      progress(entry, now);
      if (!entry.hasJobs()) {
        it.remove();
      }
    }
  }

  /**
   * Brings a changefeed to where an eager tick would have left it: progress up to the latest tick's
   * time. Progress is path-independent (see {@link #progress}), so this equals having visited it on
   * every tick.
   */
  void catchUp(ClusterState state, ChangefeedEntry entry) {
    if (state.tickMillis != Long.MIN_VALUE) {
      progress(entry, state.tickMillis);
    }
  }

  private void applyDueJobs(ChangefeedEntry entry) {
    if (!entry.hasJobs()) {
      return;
    }
    long now = clock.millis();
    Iterator<Job> it = entry.jobs().iterator();
    while (it.hasNext()) {
      Job job = it.next();
      if (job.readsLeft > 0 || job.dueMillis > now) {
        return;
      }
      it.remove();
      progress(entry, now);
      apply(entry, job, now);
    }
  }

  private static void apply(ChangefeedEntry entry, Job job, long nowMillis) {
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
      if (entry.lagScripted) {
        holdScriptedLag(entry, nowMillis);
      }
    }
  }

  /**
   * Checkpoints of normal changefeeds follow the PD clock. A {@linkplain #holdScriptedLag scripted
   * lag} holds them exactly that far behind; otherwise they gain twice the clock time that passed
   * (so a backlog is caught up) but never come closer to "now" than the cluster's lag. Either way
   * they stop at the target ts, where the changefeed finishes. Time spent stopped, failed or
   * stalled does not count.
   */
  static void progress(ChangefeedEntry entry, long nowMillis) {
    long elapsed = nowMillis - entry.lastProgressMillis;
    if (elapsed <= 0) {
      return;
    }
    entry.lastProgressMillis = nowMillis;
    if (entry.state != ChangefeedState.NORMAL || entry.stalled) {
      return;
    }
    if (entry.lagScripted) {
      holdScriptedLag(entry, nowMillis);
      return;
    }
    long resolved =
        Math.min(
            Tso.compose(Math.max(nowMillis - resolvedLag(entry), 0), 0),
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
    finishAtTarget(entry);
  }

  /**
   * Puts a normal changefeed's checkpoint exactly its scripted lag behind {@code nowMillis} (ahead
   * or back from where it was, even below its start ts: the script decides), and its resolved ts
   * the cluster's resolved lag behind (never behind the checkpoint), both capped at the target ts.
   * The result depends on {@code nowMillis} alone, so it holds as the clock runs.
   */
  static void holdScriptedLag(ChangefeedEntry entry, long nowMillis) {
    if (entry.state != ChangefeedState.NORMAL) {
      return;
    }
    long checkpoint = Tso.compose(Math.max(nowMillis - entry.checkpointLagMillis, 0), 0);
    long resolved = Tso.compose(Math.max(nowMillis - resolvedLag(entry), 0), 0);
    if (entry.targetTs != 0) {
      resolved = Math.min(resolved, entry.targetTs);
      checkpoint = Math.min(checkpoint, entry.targetTs);
    }
    entry.checkpointTs = checkpoint;
    entry.resolvedTs = resolved;
    entry.lastProgressMillis = Math.max(entry.lastProgressMillis, nowMillis);
    finishAtTarget(entry);
  }

  /** The resolved ts trails by the cluster's resolved lag, but never more than the checkpoint. */
  private static long resolvedLag(ChangefeedEntry entry) {
    return Math.min(entry.resolvedLagMillis, entry.checkpointLagMillis);
  }

  private static void finishAtTarget(ChangefeedEntry entry) {
    if (entry.targetTs != 0 && entry.checkpointTs >= entry.targetTs) {
      entry.state = ChangefeedState.FINISHED;
    }
  }
}
