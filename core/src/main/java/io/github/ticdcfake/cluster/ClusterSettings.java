package io.github.ticdcfake.cluster;

import io.github.ticdcfake.fault.Journal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a {@link FakeCluster.Builder} collects, with its defaults and checks, and how the cluster's
 * collaborators are made from it; the builder itself only names the options.
 */
final class ClusterSettings {
  TiCdcVersion version = TiCdcVersion.latest();
  PdClock clock = PdClock.system();
  OwnerTick ownerTick = OwnerTick.immediate();
  String clusterId = "default";
  Long seed;
  List<String> addresses = List.of("127.0.0.1:8300");
  Duration checkpointLag = Duration.ofMillis(1500);
  Duration resolvedLag = Duration.ofMillis(500);
  SinkProbe sinkProbe = SinkProbe.none();
  List<String> pdEndpoints = List.of("http://127.0.0.1:2379");
  Duration ownerElectionDelay = Duration.ZERO;
  int journalCapacity = Journal.DEFAULT_CAPACITY;
  CaptureNetwork network;

  void pdEndpoints(List<String> endpoints) {
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("PD needs at least one endpoint");
    }
    this.pdEndpoints = List.copyOf(endpoints);
  }

  void sinkProbe(SinkProbe sinkProbe) {
    this.sinkProbe = Objects.requireNonNull(sinkProbe, "sinkProbe");
  }

  void ownerElectionDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("owner election delay cannot be negative: " + delay);
    }
    this.ownerElectionDelay = delay;
  }

  void journalCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("journal capacity must be >= 1, got " + capacity);
    }
    this.journalCapacity = capacity;
  }

  void version(TiCdcVersion version) {
    this.version = Objects.requireNonNull(version, "version");
  }

  void clock(PdClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  void ownerTick(OwnerTick ownerTick) {
    this.ownerTick = Objects.requireNonNull(ownerTick, "ownerTick");
  }

  void clusterId(String clusterId) {
    this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
  }

  void seed(long seed) {
    this.seed = seed;
  }

  /** Sets the checkpoint lag; the resolved lag (0.5 s by default) never exceeds it. */
  void checkpointLag(Duration lag) {
    this.checkpointLag = Objects.requireNonNull(lag, "lag");
    this.resolvedLag = lag.compareTo(resolvedLag) < 0 ? lag : resolvedLag;
  }

  void captureAddresses(List<String> addresses) {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("a cluster needs at least one capture");
    }
    this.addresses = List.copyOf(addresses);
  }

  void captureNetwork(CaptureNetwork network) {
    this.network = Objects.requireNonNull(network, "network");
  }

  /**
   * Runs {@code use} on these settings with a copy of the clock and no capture network, then puts
   * both back: a trial cluster built inside never moves the real clock nor binds a port.
   */
  void trial(Consumer<ClusterSettings> use) {
    PdClock real = clock;
    CaptureNetwork realNetwork = network;
    try {
      clock = real.copy();
      network = null;
      use.accept(this);
    } finally {
      clock = real;
      network = realNetwork;
    }
  }

  /** The shared, guarded core of a new cluster. */
  ClusterCore newCore() {
    return new ClusterCore(
        version,
        clock,
        ownerTick,
        clusterId,
        seed,
        checkpointLag.toMillis(),
        resolvedLag.toMillis(),
        journalCapacity);
  }

  /** The membership of a new cluster: its captures, capture 0 the owner. */
  Membership newMembership(ClusterCore core) {
    Membership membership = new Membership(core, network, addresses);
    membership.setOwnerElectionDelay(ownerElectionDelay);
    return membership;
  }
}
