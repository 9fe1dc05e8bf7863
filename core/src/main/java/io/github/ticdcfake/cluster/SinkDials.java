package io.github.ticdcfake.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * The sink hosts one command dialled before taking the cluster's lock, so that no socket is opened
 * while the lock is held: a command that finds a host it still has to dial throws {@link Needed}
 * before changing anything, the caller dials outside the lock and runs the command again.
 */
final class SinkDials {
  private final SinkProbe probe;
  private final Object clusterLock;
  private final boolean dialInline;
  private final Map<String, String> errors = new HashMap<>();

  private SinkDials(SinkProbe probe, Object clusterLock, boolean dialInline) {
    this.probe = probe;
    this.clusterLock = clusterLock;
    this.dialInline = dialInline;
  }

  /** Dials made for one request, never while holding {@code clusterLock}. */
  static SinkDials forRequest(SinkProbe probe, Object clusterLock) {
    return new SinkDials(probe, clusterLock, false);
  }

  /**
   * Dials made up front for a batch (a scenario's changefeeds); a host missed up front (only when
   * its scripted reachability was reset meanwhile) is dialled where it is needed.
   */
  static SinkDials forBatch(SinkProbe probe, Object clusterLock) {
    return new SinkDials(probe, clusterLock, true);
  }

  /**
   * Dials {@code target} ({@code host:port}) now.
   *
   * @throws IllegalStateException when called under the cluster's lock for a request
   */
  void dial(String target) {
    if (!probe.probes() || target == null || errors.containsKey(target)) {
      return;
    }
    if (!dialInline && Thread.holdsLock(clusterLock)) {
      throw new IllegalStateException("a sink host must not be dialled under the cluster's lock");
    }
    int colon = target.lastIndexOf(':');
    errors.put(
        target,
        probe.dial(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1))));
  }

  /**
   * Go's dial error for {@code target}, {@code null} when it answered.
   *
   * @throws Needed when it was not dialled yet
   */
  String errorFor(String target) {
    if (!errors.containsKey(target)) {
      if (!dialInline) {
        throw new Needed(target);
      }
      dial(target);
    }
    return errors.get(target);
  }

  /** A command needs {@link #target} dialled first; thrown before the command changed anything. */
  static final class Needed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String target;

    Needed(String target) {
      super(target, null, false, false);
      this.target = target;
    }
  }
}
