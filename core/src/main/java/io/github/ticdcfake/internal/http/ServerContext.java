package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.FakeCluster;

/** What handlers share across the captures of one fake server. */
final class ServerContext {
  private final FakeCluster cluster;
  final long pid = ProcessHandle.current().pid();

  ServerContext(FakeCluster cluster) {
    this.cluster = cluster;
  }

  FakeCluster cluster() {
    return cluster;
  }
}
