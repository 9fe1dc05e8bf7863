package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.internal.json.v2.V2ViewFlavour;
import java.util.Map;
import java.util.Set;

/** What handlers share across the captures of one fake server. */
final class ServerContext {
  private final FakeCluster cluster;
  final long pid = ProcessHandle.current().pid();
  private final HeldExchanges held;
  private final OwnershipMeter ownership = new OwnershipMeter();
  private final BodyBuffers bodyBuffers = new BodyBuffers();
  private final ApiSurface surface;
  private final V2ViewFlavour v2Views;
  private final boolean adminEnabled;
  private final String adminToken;
  private volatile Set<String> clientAllowedUsers = Set.of();
  private volatile Map<String, String> upstreamUsers = Map.of();

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

  /** Large answer buffers reused across requests (the changefeed list). */
  BodyBuffers bodyBuffers() {
    return bodyBuffers;
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

  /** The users TiCDC's client authentication lets in ({@code client-allowed-user}); empty: off. */
  Set<String> clientAllowedUsers() {
    return clientAllowedUsers;
  }

  /** The upstream TiDB's users and passwords, which client authentication logs in as. */
  Map<String, String> upstreamUsers() {
    return upstreamUsers;
  }

  void requireClientUsers(Set<String> allowed, Map<String, String> upstream) {
    this.upstreamUsers = Map.copyOf(upstream);
    this.clientAllowedUsers = Set.copyOf(allowed);
  }

  /** The bearer token {@code /__fake} requires, or {@code null}. */
  String adminToken() {
    return adminToken;
  }
}
