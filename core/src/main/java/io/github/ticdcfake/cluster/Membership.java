package io.github.ticdcfake.cluster;

import io.github.ticdcfake.cluster.ClusterState.CaptureEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Captures and their owner: election (with its delay), kill and add, drain bookkeeping, log levels,
 * health and readiness.
 *
 * <p>Ports open and close through the {@link CaptureNetwork} after the cluster's lock is released,
 * so binding never stalls other requests; {@link #portLock} keeps those port changes in the order
 * of the state changes that caused them.
 */
final class Membership {
  private static final Set<String> ZAP_LEVELS =
      Set.of("debug", "info", "warn", "error", "dpanic", "panic", "fatal", "");

  private final ClusterCore core;
  private final CaptureNetwork network;
  private final Object portLock = new Object();

  Membership(ClusterCore core, CaptureNetwork network, List<String> addresses) {
    this.core = core;
    this.network = network;
    synchronized (core.lock) {
      for (String address : addresses) {
        core.state.captures.add(new CaptureEntry(core.randomUuid(), address));
      }
      core.state.ownerId = core.state.captures.get(0).id;
    }
  }

  List<Capture> captures(boolean liveOnly) {
    synchronized (core.lock) {
      electIfDue();
      List<Capture> out = new ArrayList<>();
      for (CaptureEntry c : core.state.captures) {
        if (c.alive || !liveOnly) {
          out.add(toCapture(c));
        }
      }
      return out;
    }
  }

  Optional<Capture> capture(String captureId) {
    synchronized (core.lock) {
      electIfDue();
      return Optional.ofNullable(core.state.capture(captureId)).map(this::toCapture);
    }
  }

  Optional<Capture> owner() {
    synchronized (core.lock) {
      electIfDue();
      return core.state.ownerId == null ? Optional.empty() : capture(core.state.ownerId);
    }
  }

  /** The next live capture after the owner in join order (the same one when alone) wins. */
  void resignOwner() {
    synchronized (core.lock) {
      electIfDue();
      List<CaptureEntry> live = new ArrayList<>();
      int current = -1;
      for (CaptureEntry c : core.state.captures) {
        if (c.alive) {
          if (c.id.equals(core.state.ownerId)) {
            current = live.size();
          }
          live.add(c);
        }
      }
      String next = live.isEmpty() ? null : live.get((current + 1) % live.size()).id;
      elect(next);
    }
  }

  void electOwner(String captureId) {
    synchronized (core.lock) {
      CaptureEntry capture = core.state.capture(captureId);
      if (capture == null || !capture.alive) {
        throw CdcError.CAPTURE_NOT_EXIST.raise(captureId);
      }
      core.state.ownerId = captureId;
      core.state.electedNext = null;
    }
  }

  String logLevel(String captureId) {
    synchronized (core.lock) {
      CaptureEntry capture = core.state.capture(captureId);
      if (capture == null) {
        throw new IllegalArgumentException("no capture " + captureId);
      }
      return capture.logLevel;
    }
  }

  void setLogLevel(String captureId, String level) {
    String lower = level.toLowerCase(Locale.ROOT);
    if (!ZAP_LEVELS.contains(lower)) {
      throw CdcError.API_INVALID_PARAM.raiseWithMessage("fail to change log level: " + level);
    }
    synchronized (core.lock) {
      CaptureEntry capture = core.state.capture(captureId);
      if (capture != null) {
        capture.logLevel = lower.isEmpty() ? "info" : lower;
      }
    }
  }

  String redactMode(String captureId) {
    synchronized (core.lock) {
      return requireCapture(captureId).redactMode;
    }
  }

  /**
   * Raises a capture's redaction mode and returns the one it had: only towards more redaction, OFF
   * → MARKER → ON (pingcap/ticdc {@code api/v2/log.go@v26.3.4} SetRedactMode, {@code
   * pkg/util/redact.go} ParseRedactMode).
   */
  String setRedactMode(String captureId, String input) {
    String trimmed = input == null ? "" : input.strip();
    if (trimmed.isEmpty()) {
      throw CdcError.API_INVALID_PARAM.raiseWithMessage(
          "missing required field 'redact_info_log': must be 'off', 'on', or 'marker'");
    }
    String mode =
        switch (trimmed.toLowerCase(Locale.ROOT)) {
          case "off", "false", "0", "disable", "disabled" -> "OFF";
          case "marker", "mark" -> "MARKER";
          case "on", "true", "1", "enable", "enabled" -> "ON";
          default ->
              throw CdcError.API_INVALID_PARAM.raiseWithMessage(
                  "invalid redact mode '" + trimmed + "': must be 'off', 'on', or 'marker'");
        };
    synchronized (core.lock) {
      CaptureEntry capture = requireCapture(captureId);
      String previous = capture.redactMode;
      if (REDACT_ORDER.indexOf(mode) < REDACT_ORDER.indexOf(previous)) {
        throw CdcError.API_INVALID_PARAM.raiseWithMessage(
            "cannot transition from '"
                + previous
                + "' to '"
                + trimmed
                + "': only transitions to more restrictive modes are allowed (OFF→MARKER→ON)");
      }
      capture.redactMode = mode;
      return previous;
    }
  }

  private static final List<String> REDACT_ORDER = List.of("OFF", "MARKER", "ON");

  private CaptureEntry requireCapture(String captureId) {
    CaptureEntry capture = core.state.capture(captureId);
    if (capture == null) {
      throw new IllegalArgumentException("no capture " + captureId);
    }
    return capture;
  }

  // ---- health and readiness -------------------------------------------------------------------

  boolean isHealthy() {
    synchronized (core.lock) {
      return core.state.healthy;
    }
  }

  void setHealthy(boolean healthy) {
    synchronized (core.lock) {
      core.state.healthy = healthy;
    }
  }

  boolean isReady() {
    synchronized (core.lock) {
      return core.state.ready;
    }
  }

  void setReady(boolean ready) {
    synchronized (core.lock) {
      core.state.ready = ready;
    }
  }

  /** {@code GET /api/v2/health}: no owner, or scripted unhealthy, fails. */
  void checkHealth() {
    synchronized (core.lock) {
      if (core.state.ownerId == null) {
        throw CdcError.OWNER_NOT_FOUND.raise();
      }
      if (!core.state.healthy) {
        throw CdcError.CLUSTER_IS_UNHEALTHY.raise();
      }
    }
  }

  // ---- election delay, kill, add, reset -------------------------------------------------------

  void setOwnerElectionDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("owner election delay cannot be negative: " + delay);
    }
    synchronized (core.lock) {
      core.state.ownerElectionDelayMillis = delay.toMillis();
    }
  }

  Duration ownerElectionDelay() {
    synchronized (core.lock) {
      return Duration.ofMillis(core.state.ownerElectionDelayMillis);
    }
  }

  void killCapture(String captureId) {
    synchronized (portLock) {
      synchronized (core.lock) {
        ClusterState state = core.state;
        CaptureEntry capture = state.capture(captureId);
        if (capture == null) {
          throw new IllegalArgumentException("no capture " + captureId + " in this cluster");
        }
        if (!capture.alive) {
          return;
        }
        capture.alive = false;
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
      if (network != null) {
        network.close(captureId);
      }
    }
  }

  Capture addCapture() {
    synchronized (portLock) {
      String id = core.randomUuid();
      String address;
      if (network != null) {
        address = network.open(id, null);
      } else {
        synchronized (core.lock) {
          address = "127.0.0.1:" + (8300 + core.state.captures.size());
        }
      }
      synchronized (core.lock) {
        CaptureEntry entry = new CaptureEntry(id, address);
        core.state.captures.add(entry);
        if (core.state.ownerId == null && core.state.electedNext == null) {
          elect(id);
        }
        return toCapture(entry);
      }
    }
  }

  /**
   * Kills the capture and starts a new one (a new id) on its address, as restarting {@code cdc
   * server} with the same {@code --addr} does: a restarted process registers a fresh capture.
   */
  Capture restartCapture(String captureId) {
    synchronized (portLock) {
      String address;
      synchronized (core.lock) {
        CaptureEntry old = core.state.capture(captureId);
        if (old == null) {
          throw new IllegalArgumentException("no capture " + captureId + " in this cluster");
        }
        address = old.address;
      }
      killCapture(captureId);
      String id = core.randomUuid();
      if (network != null) {
        network.open(id, address);
      }
      synchronized (core.lock) {
        CaptureEntry entry = new CaptureEntry(id, address);
        core.state.captures.add(entry);
        if (core.state.ownerId == null && core.state.electedNext == null) {
          elect(id);
        }
        return toCapture(entry);
      }
    }
  }

  /** {@link ClusterCore#restoreInitialState()}, then the ports follow: killed ones listen again. */
  void reset() {
    synchronized (portLock) {
      Map<String, String> live = core.restoreInitialState();
      if (network != null) {
        network.retainOnly(live);
      }
    }
  }

  /**
   * {@code POST /api/v2/captures/{capture_id}/drain}: the first call starts the drain; each further
   * call moves half of the remaining tables away, so polling clients see the count fall to 0.
   */
  /** Counts one call of the new architecture's v1 drain stub on a capture; its answer. */
  int countShimDrainCall(String captureId) {
    synchronized (core.lock) {
      CaptureEntry capture = core.state.capture(captureId);
      if (capture == null) {
        throw CdcError.CAPTURE_NOT_EXIST.raise(captureId);
      }
      capture.shimDrainCalls++;
      return capture.shimDrainCalls % 10 == 0 ? 10 : 0;
    }
  }

  int drainCapture(String captureId) {
    synchronized (core.lock) {
      ClusterState state = core.state;
      core.engine.tick(state);
      long alive = state.captures.stream().filter(c -> c.alive).count();
      if (alive <= 1) {
        throw CdcError.SCHEDULER_REQUEST_FAILED.raise("only one capture alive");
      }
      CaptureEntry target = state.capture(captureId);
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
            core.engine.catchUp(state, entry);
            if (entry.state == ChangefeedState.NORMAL) {
              count +=
                  TableScheduler.tables(state, entry).getOrDefault(captureId, List.of()).size();
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

  /** The number of live captures; callers hold the lock. */
  int liveCount() {
    int n = 0;
    for (CaptureEntry c : core.state.captures) {
      n += c.alive ? 1 : 0;
    }
    return n;
  }

  private Capture toCapture(CaptureEntry c) {
    return new Capture(c.id, c.address, c.id.equals(core.state.ownerId), core.clusterId, c.alive);
  }

  private void elect(String next) {
    ClusterState state = core.state;
    if (next == null || state.ownerElectionDelayMillis <= 0) {
      state.ownerId = next;
      state.electedNext = null;
      return;
    }
    state.ownerId = null;
    state.electedNext = next;
    state.electionDueMillis = core.clock.millis() + state.ownerElectionDelayMillis;
  }

  private void electIfDue() {
    ClusterState state = core.state;
    if (state.electedNext != null && core.clock.millis() >= state.electionDueMillis) {
      state.ownerId = state.electedNext;
      state.electedNext = null;
    }
  }
}
