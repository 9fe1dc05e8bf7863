package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.FakeCluster;
import java.util.Map;

/** What handlers share across the captures of one fake server. */
final class ServerContext {
  private final FakeCluster cluster;
  final long pid = ProcessHandle.current().pid();
  private final HeldExchanges held;
  private final OwnershipMeter ownership = new OwnershipMeter();
  private final FaultInjector faultInjector;
  private final boolean adminEnabled;
  private final String adminToken;
  private volatile Map<String, String> clientUsers = Map.of();

  ServerContext(FakeCluster cluster) {
    this(cluster, new HeldExchanges(), true, null);
  }

  ServerContext(FakeCluster cluster, HeldExchanges held, boolean adminEnabled, String adminToken) {
    this.cluster = cluster;
    this.held = held;
    this.faultInjector = new FaultInjector(this, held);
    this.adminEnabled = adminEnabled;
    this.adminToken = adminToken;
  }

  FakeCluster cluster() {
    return cluster;
  }

  HeldExchanges held() {
    return held;
  }

  /** Each capture's {@code ticdc_owner_ownership_counter}. */
  OwnershipMeter ownership() {
    return ownership;
  }

  FaultInjector faultInjector() {
    return faultInjector;
  }

  /** Whether {@code /__fake} is served (standalone {@code --admin off} turns it off). */
  boolean adminEnabled() {
    return adminEnabled;
  }

  /**
   * User names and passwords of TiCDC's client authentication (reference §10.1); empty means off.
   */
  Map<String, String> clientUsers() {
    return clientUsers;
  }

  void requireClientUsers(Map<String, String> users) {
    this.clientUsers = Map.copyOf(users);
  }

  /** The bearer token {@code /__fake} requires, or {@code null}. */
  String adminToken() {
    return adminToken;
  }
}
