package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.internal.json.v2.V2ViewFlavour;
import java.util.Map;

/** What handlers share across the captures of one fake server. */
final class ServerContext {
  private final FakeCluster cluster;
  final long pid = ProcessHandle.current().pid();
  private final HeldExchanges held;
  private final OwnershipMeter ownership = new OwnershipMeter();
  private final ApiSurface surface;
  private final V2ViewFlavour v2Views;
  private final boolean adminEnabled;
  private final String adminToken;
  private volatile Map<String, String> clientUsers = Map.of();

  ServerContext(FakeCluster cluster) {
    this(cluster, new HeldExchanges(), true, null);
  }

  ServerContext(FakeCluster cluster, HeldExchanges held, boolean adminEnabled, String adminToken) {
    this.cluster = cluster;
    this.held = held;
    this.surface = ApiSurface.of(cluster.version());
    this.v2Views = V2ViewFlavour.of(cluster.version());
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

  /** The HTTP surface of the release the cluster mimics. */
  ApiSurface surface() {
    return surface;
  }

  /** The v2 views' rules for the release the cluster mimics. */
  V2ViewFlavour v2Views() {
    return v2Views;
  }

  /** Whether {@code /__fake} is served (standalone {@code --admin off} turns it off). */
  boolean adminEnabled() {
    return adminEnabled;
  }

  /**
   * User names and passwords of TiCDC's client authentication (tiflow {@code
   * cdc/api/middleware/middleware.go}); empty means off.
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
