package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.FakeCluster;

/**
 * The first step of the TiCDC routes: a killed capture's port does not answer, so an exchange on a
 * connection opened before the kill is reset, unrecorded.
 */
final class CaptureLiveness implements Stage {
  private final FakeCluster cluster;
  private final Stage next;

  CaptureLiveness(FakeCluster cluster, Stage next) {
    this.cluster = cluster;
    this.next = next;
  }

  @Override
  public void handle(Request request) {
    if (!cluster.capture(request.captureId).map(Capture::alive).orElse(false)) {
      FaultInjector.abort(request.exchange);
      return;
    }
    next.handle(request);
  }
}
