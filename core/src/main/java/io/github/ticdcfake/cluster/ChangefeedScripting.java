package io.github.ticdcfake.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * What a test script does to a changefeed that TiCDC's API cannot: force a state, set, stall or lag
 * its checkpoint, record synced data.
 */
final class ChangefeedScripting {
  private final ClusterCore core;
  private final Membership membership;

  ChangefeedScripting(ClusterCore core, Membership membership) {
    this.core = core;
    this.membership = membership;
  }

  Changefeed forceState(String namespace, String id, ChangefeedState newState, CdcException error) {
    synchronized (core.lock) {
      ChangefeedEntry entry = core.require(namespace, id);
      entry.state = newState;
      entry.clearJobs();
      entry.error = null;
      entry.warning = null;
      if (error != null) {
        String addr = errorAddress(entry);
        // An error stops a changefeed after its last checkpoint, so /status shows it as
        // last_error even when a manual clock has not moved since the create.
        Instant time = core.clock.instant();
        Instant checkpointTime = Tso.toInstant(entry.checkpointTs);
        if (!time.isAfter(checkpointTime)) {
          time = checkpointTime.plusMillis(1);
        }
        RunningError running =
            new RunningError(time, addr, error.errorCode(), error.errorMessage());
        // the new architecture keeps a retryable error in the error slot while warning
        // (pingcap/ticdc coordinator/changefeed/changefeed.go), so GET and list show it
        if (newState == ChangefeedState.WARNING && !core.rules.coordinator()) {
          entry.warning = running;
        } else {
          entry.error = running;
        }
      }
      if (entry.lagScripted) {
        OwnerTickEngine.holdScriptedLag(entry, core.clock.millis());
      }
      if (newState == ChangefeedState.FINISHED && entry.targetTs != 0) {
        entry.checkpointTs = entry.targetTs;
        entry.resolvedTs = Math.max(entry.resolvedTs, entry.targetTs);
      }
      return core.snapshot(entry);
    }
  }

  /**
   * Where an error is said to come from: in the new architecture the node of the changefeed's
   * maintainer, which reports it (pingcap/ticdc maintainer/maintainer.go handleError, relayed by
   * coordinator/controller.go); classic TiCDC's owner otherwise, and a maintainer-less
   * changefeed's.
   */
  private String errorAddress(ChangefeedEntry entry) {
    if (core.rules.coordinator() && entry.maintainerCaptureId != null) {
      ClusterState.CaptureEntry maintainer = core.state.capture(entry.maintainerCaptureId);
      if (maintainer != null) {
        return maintainer.address;
      }
    }
    return membership.owner().map(Capture::address).orElse("");
  }

  /**
   * Freezes the checkpoint where it stands, or releases it: then it follows the clock like a fresh
   * changefeed's, catching up at twice the clock's speed to the cluster's lag. Either way a
   * scripted lag or checkpoint is forgotten (the last scripting command wins).
   */
  void setCheckpointStalled(String namespace, String id, boolean stalled) {
    synchronized (core.lock) {
      ChangefeedEntry entry = core.require(namespace, id);
      OwnerTickEngine.progress(entry, core.clock.millis());
      entry.stalled = stalled;
      followClusterLag(entry);
      entry.lastProgressMillis = core.clock.millis();
    }
  }

  /**
   * Holds the checkpoint exactly {@code lag} behind the PD clock from now on, releasing a stall or
   * a scripted checkpoint; a changefeed that is not normal takes the lag up when it runs again.
   */
  void setCheckpointLag(String namespace, String id, Duration lag) {
    synchronized (core.lock) {
      ChangefeedEntry entry = core.require(namespace, id);
      entry.checkpointLagMillis = Math.max(lag.toMillis(), 0);
      entry.lagScripted = true;
      entry.stalled = false;
      OwnerTickEngine.holdScriptedLag(entry, core.clock.millis());
    }
  }

  /** Sets the checkpoint and freezes it there, replacing a scripted lag or stall. */
  Changefeed setCheckpoint(String namespace, String id, long checkpointTs) {
    synchronized (core.lock) {
      ChangefeedEntry entry = core.require(namespace, id);
      entry.checkpointTs = checkpointTs;
      if (Long.compareUnsigned(entry.resolvedTs, checkpointTs) < 0) {
        entry.resolvedTs = checkpointTs;
      }
      entry.stalled = true;
      followClusterLag(entry);
      if (entry.state.isRunning()
          && entry.targetTs != 0
          && Long.compareUnsigned(checkpointTs, entry.targetTs) >= 0) {
        entry.checkpointTs = entry.targetTs;
        entry.state = ChangefeedState.FINISHED;
      }
      return core.snapshot(entry);
    }
  }

  private void followClusterLag(ChangefeedEntry entry) {
    entry.lagScripted = false;
    entry.checkpointLagMillis = core.checkpointLagMillis;
  }

  void recordSyncedData(String namespace, String id, long commitTs) {
    synchronized (core.lock) {
      core.require(namespace, id).lastSyncedTs = commitTs;
    }
  }
}
