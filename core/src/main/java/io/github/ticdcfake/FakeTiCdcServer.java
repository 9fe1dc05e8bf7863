package io.github.ticdcfake;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.CaptureNetwork;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.OwnerTick;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.cluster.Scenario;
import io.github.ticdcfake.cluster.SinkProbe;
import io.github.ticdcfake.cluster.TiCdcVersion;
import io.github.ticdcfake.internal.http.HttpServers;
import io.github.ticdcfake.internal.json.Json;
import io.github.ticdcfake.internal.json.ScenarioJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * A running fake TiCDC cluster: one HTTP listener per capture, all serving what a TiCDC port serves
 * ({@code /api/v2}, {@code /api/v1}, {@code /status}, {@code /debug/info}, {@code /metrics}) plus
 * the {@code /__fake} admin API, over one {@link FakeCluster}.
 *
 * <p>Starts in milliseconds on loopback and ephemeral ports; close it to free its ports and
 * threads. Requests for owner routes sent to a non-owner capture are answered by the owner, as
 * TiCDC forwards them.
 *
 * <pre>{@code
 * try (FakeTiCdcServer server = FakeTiCdcServer.builder().captures(3).start()) {
 *   URI url = server.url();                 // the current owner's base URL
 *   FakeCluster cluster = server.cluster(); // scripting and assertions
 *   // point the code under test at url + "/api/v2/..."
 * }
 * }</pre>
 */
public final class FakeTiCdcServer implements AutoCloseable {
  private final FakeCluster cluster;
  private final HttpServers http;
  private final Map<String, HttpServers.Listener> listeners;
  private final String host;
  private final FakeTls tls;
  private volatile boolean closed;

  private FakeTiCdcServer(
      FakeCluster cluster,
      HttpServers http,
      Map<String, HttpServers.Listener> listeners,
      String host,
      FakeTls tls) {
    this.cluster = cluster;
    this.http = http;
    this.listeners = listeners;
    this.host = host;
    this.tls = tls;
  }

  /** The TLS setup when the server speaks HTTPS (trust material for clients), else empty. */
  public Optional<FakeTls> tls() {
    return Optional.ofNullable(tls);
  }

  /** A builder: one capture on {@code 127.0.0.1}, ephemeral port, the newest TiCDC flavour. */
  public static Builder builder() {
    return new Builder();
  }

  /** The cluster behind the listeners: scripting, inspection, reset. */
  public FakeCluster cluster() {
    return cluster;
  }

  /** The current owner's base URL ({@code http://host:port}); the first live capture's if none. */
  public URI url() {
    Capture capture =
        cluster
            .owner()
            .or(() -> cluster.liveCaptures().stream().findFirst())
            .orElseGet(() -> cluster.captures().get(0));
    return url(capture.id());
  }

  /**
   * The base URL of a capture.
   *
   * @throws IllegalArgumentException if there is no such capture or it was killed
   */
  public URI url(String captureId) {
    HttpServers.Listener listener = listeners.get(captureId);
    if (listener == null) {
      throw new IllegalArgumentException(
          cluster.capture(captureId).isPresent()
              ? "capture " + captureId + " was killed; its port does not answer"
              : "no capture " + captureId + " in this server");
    }
    InetSocketAddress address = listener.address();
    String h = host.contains(":") ? "[" + host + "]" : host;
    return URI.create((tls == null ? "http://" : "https://") + h + ":" + address.getPort());
  }

  /** The base URLs of the live captures, in join order. */
  public List<URI> captureUrls() {
    List<URI> urls = new ArrayList<>();
    for (Capture capture : cluster.liveCaptures()) {
      urls.add(url(capture.id()));
    }
    return urls;
  }

  /** Resets the cluster to its state right after start. */
  public void reset() {
    cluster.reset();
  }

  /** Stops all listeners and threads; calling it again does nothing. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    for (HttpServers.Listener listener : listeners.values()) {
      listener.close();
    }
    http.close();
  }

  @Override
  public String toString() {
    return "FakeTiCdcServer" + captureUrls();
  }

  /** Configures and starts a {@link FakeTiCdcServer}. */
  public static final class Builder {
    private int captures = 1;
    private String host = "127.0.0.1";
    private int port = 0;
    private long maxRequestBodyBytes = 8L << 20;
    private final FakeCluster.Builder cluster = FakeCluster.builder();
    private Scenario scenario;
    private boolean adminApi = true;
    private String adminToken;
    private FakeTls tls;
    private Set<String> clientAllowedUsers = Set.of();
    private final Map<String, String> upstreamUsers = new LinkedHashMap<>();
    private PdClock clock = PdClock.system();
    private ZoneId timeZone;
    private String advertiseAddress;

    private Builder() {}

    /**
     * Seeds the cluster from a scenario at start (and again at every reset); its {@code captures}
     * and {@code version}, when set, replace this builder's.
     */
    public Builder scenario(Scenario scenario) {
      this.scenario = Objects.requireNonNull(scenario, "scenario");
      if (scenario.captures().isPresent()) {
        captures(scenario.captures().getAsInt());
      }
      scenario.version().ifPresent(this::version);
      if (!scenario.pdEndpoints().isEmpty()) {
        pdEndpoints(scenario.pdEndpoints());
      }
      scenario.clusterId().ifPresent(this::clusterId);
      scenario.timeZone().ifPresent(this::timeZone);
      scenario.advertiseAddress().ifPresent(this::advertiseAddress);
      upstreamUsers.putAll(scenario.upstreamUsers());
      return this;
    }

    /**
     * Seeds the cluster from a scenario file (the format of {@code docs/scenario.md}).
     *
     * @throws IllegalArgumentException naming the file and the bad field
     * @throws UncheckedIOException if the file cannot be read
     */
    public Builder scenario(Path file) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read scenario " + file, e);
      }
      return scenario(parseScenario(bytes, "scenario " + file));
    }

    /** Seeds the cluster from a scenario document given as JSON text. */
    public Builder scenarioJson(String json) {
      return scenario(parseScenario(json.getBytes(StandardCharsets.UTF_8), "scenario"));
    }

    /** Seeds the cluster from a scenario file on the classpath, for example {@code seed.json}. */
    public Builder scenarioResource(String name) {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      String resource = name.startsWith("/") ? name.substring(1) : name;
      try (InputStream in =
          (loader != null ? loader : FakeTiCdcServer.class.getClassLoader())
              .getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalArgumentException("no scenario resource " + name + " on the classpath");
        }
        return scenario(parseScenario(in.readAllBytes(), "scenario " + name));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read scenario " + name, e);
      }
    }

    private static Scenario parseScenario(byte[] json, String what) {
      try {
        return ScenarioJson.parse(json);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
      }
    }

    /**
     * How long the cluster has no owner after a resign or the owner's death (owner routes answer
     * 500 {@code CDC:ErrOwnerNotFound}), on the PD clock; default zero.
     */
    public Builder ownerElectionDelay(Duration delay) {
      cluster.ownerElectionDelay(delay);
      return this;
    }

    /** The most requests the journal keeps (older ones are dropped and counted); 10 000. */
    public Builder journalCapacity(int capacity) {
      cluster.journalCapacity(capacity);
      return this;
    }

    /** Serves the {@code /__fake} admin API on every capture's port; default true. */
    public Builder adminApi(boolean enabled) {
      this.adminApi = enabled;
      return this;
    }

    /** Requires {@code Authorization: Bearer <token>} on {@code /__fake}. */
    public Builder adminToken(String token) {
      this.adminToken = Objects.requireNonNull(token, "token");
      this.adminApi = true;
      return this;
    }

    /**
     * Serves HTTPS only, like TiCDC with {@code security.ca-path/cert-path/key-path} set (reference
     * pingcap/tiflow pkg/security/credential.go); see {@link FakeTls#selfSigned()} and its
     * client-certificate options.
     */
    public Builder tls(FakeTls tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /**
     * Requires HTTP Basic credentials on the routes TiCDC protects (create, update, delete, pause,
     * resume and the unsafe routes), like {@code security.client-user-required = true} with {@code
     * client-allowed-user} (pingcap/tiflow cdc/api/middleware/middleware.go
     * AuthenticateMiddleware); other routes stay open. The map holds each allowed user's password,
     * which the fake checks where TiCDC would log in to the upstream TiDB: the same as {@link
     * #clientAllowedUsers} with the keys plus {@link #upstreamUser} for each entry.
     */
    public Builder clientUsers(Map<String, String> usersAndPasswords) {
      clientAllowedUsers(usersAndPasswords.keySet());
      upstreamUsers.putAll(usersAndPasswords);
      return this;
    }

    /**
     * Requires HTTP Basic credentials on the routes TiCDC protects from these users only, like
     * {@code security.client-user-required = true} with {@code client-allowed-user}; their
     * passwords are checked against the {@linkplain #upstreamUser upstream TiDB's users}, and an
     * allowed user the upstream does not know is refused with TiDB's access-denied error.
     */
    public Builder clientAllowedUsers(Collection<String> users) {
      if (users.isEmpty()) {
        // tiflow pkg/config/server_config.go ValidateAndAdjust
        throw new IllegalArgumentException(
            "client-allowed-user should not be empty when client-user-required is true");
      }
      this.clientAllowedUsers = Set.copyOf(new LinkedHashSet<>(users));
      return this;
    }

    /** A user of the fake upstream TiDB, which client authentication logs in as. */
    public Builder upstreamUser(String user, String password) {
      upstreamUsers.put(
          Objects.requireNonNull(user, "user"), Objects.requireNonNull(password, "password"));
      return this;
    }

    /**
     * The upstream PD's endpoints ({@code cdc server --pd}): {@code pd_addrs} in create, update,
     * resume and tso bodies must name one of them. Default {@code http://127.0.0.1:2379}.
     */
    public Builder pdEndpoints(List<String> endpoints) {
      cluster.pdEndpoints(endpoints);
      return this;
    }

    /**
     * The zone of the machine TiCDC runs on: local times ({@code checkpoint_time}, {@code
     * create_time}, error times) are rendered in it, as TiCDC renders them in its process's local
     * zone. Default: the JVM's default zone.
     */
    public Builder timeZone(ZoneId zone) {
      this.timeZone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * The address the first capture reports ({@code cdc server --advertise-addr}) in captures
     * lists; capture i reports {@code host:(port + i)}. Default: the address each capture listens
     * on. URLs from {@link FakeTiCdcServer#url()} always use the real listening address.
     */
    public Builder advertiseAddress(String hostPort) {
      int colon = hostPort.lastIndexOf(':');
      if (colon <= 0) {
        // tiflow pkg/config/server_config.go ValidateAndAdjust
        throw new IllegalArgumentException(
            "advertise address or address does not contain a port: " + hostPort);
      }
      try {
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        if (port < 0 || port > 65535) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("advertise address has a bad port: " + hostPort, e);
      }
      this.advertiseAddress = hostPort;
      return this;
    }

    /** The number of captures, each with its own listener; capture 0 starts as owner. */
    public Builder captures(int captures) {
      if (captures < 1) {
        throw new IllegalArgumentException("captures must be at least 1, got " + captures);
      }
      this.captures = captures;
      return this;
    }

    /** The address to bind; default {@code 127.0.0.1} (loopback). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The first capture's port (capture i gets {@code port + i}); default 0, ephemeral ports. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Mimics TiCDC's new architecture as released in v26.3.4 ({@code cdc server --newarch}): the
     * same as {@code version(TiCdcVersion.V26_3_NEWARCH)}.
     */
    public Builder newArchitecture() {
      cluster.newArchitecture();
      return this;
    }

    /** The TiCDC release to mimic; default {@link TiCdcVersion#latest()}. */
    public Builder version(TiCdcVersion version) {
      cluster.version(version);
      return this;
    }

    /** The PD clock; default {@link PdClock#system()}. Use {@link PdClock#manual} in tests. */
    public Builder clock(PdClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** When pause and resume take effect; default {@link OwnerTick#immediate()}. */
    public Builder ownerTick(OwnerTick ownerTick) {
      cluster.ownerTick(ownerTick);
      return this;
    }

    /** TiCDC's cluster id; default {@code default}. */
    public Builder clusterId(String clusterId) {
      cluster.clusterId(clusterId);
      return this;
    }

    /** Whether create/update really connect to sink hosts; default {@link SinkProbe#none()}. */
    public Builder sinkProbe(SinkProbe sinkProbe) {
      cluster.sinkProbe(sinkProbe);
      return this;
    }

    /** Seeds generated ids (captures, changefeeds, upstream) for reproducible runs. */
    public Builder seed(long seed) {
      cluster.seed(seed);
      return this;
    }

    /** The largest request body accepted (larger: 413 {@code FAKE:ErrRequestTooLarge}); 8 MiB. */
    public Builder maxRequestBodyBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxRequestBodyBytes must be positive, got " + bytes);
      }
      this.maxRequestBodyBytes = bytes;
      return this;
    }

    /** Stand-in capture addresses for the trial load: no port is bound for them. */
    private List<String> trialAddresses() {
      List<String> addresses = new ArrayList<>();
      for (int i = 0; i < captures; i++) {
        addresses.add("127.0.0.1:" + (8300 + i));
      }
      return addresses;
    }

    /**
     * Binds the listeners and starts serving.
     *
     * @throws java.io.UncheckedIOException if a port cannot be bound
     */
    public FakeTiCdcServer start() {
      Json.warmUpInBackground();
      SSLContext ssl = tls == null ? null : tls.serverSslContext(host);
      boolean requireClientCert = tls != null && tls.requiresClientCertificate();
      HttpServers http = new HttpServers(maxRequestBodyBytes);
      Map<String, HttpServers.Listener> byCapture = new ConcurrentHashMap<>();
      List<HttpServers.Listener> bound = new ArrayList<>();
      try {
        PdClock zoned = timeZone == null ? clock : clock.withZone(timeZone);
        cluster.clock(zoned);
        // 1. check the scenario on a trial cluster: an invalid one fails before any port is bound,
        // 2. bind every port (nothing is accepted yet), 3. build the cluster on those addresses,
        // 4. seed it, 5. serve each capture: no port answers before the scenario is applied.
        if (scenario != null) {
          try {
            cluster.captureAddresses(trialAddresses()).checkScenario(scenario);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scenario: " + e.getMessage(), e);
          }
        }
        Advertised advertised = new Advertised(host, advertiseAddress);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < captures; i++) {
          HttpServers.Listener listener =
              http.bind(host, port == 0 ? 0 : port + i, ssl, requireClientCert);
          bound.add(listener);
          addresses.add(advertised.address(i, listener.address().getPort()));
        }
        FakeCluster built =
            cluster
                .captureAddresses(addresses)
                .captureNetwork(
                    new Network(http, host, advertised, byCapture, ssl, requireClientCert))
                .build();
        http.attach(built, adminApi, adminToken);
        if (!clientAllowedUsers.isEmpty()) {
          http.requireClientUsers(clientAllowedUsers, upstreamUsers);
        }
        if (scenario != null) {
          try {
            built.load(scenario);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scenario: " + e.getMessage(), e);
          }
          built.markInitialState();
        }
        List<Capture> all = built.captures();
        for (int i = 0; i < captures; i++) {
          byCapture.put(all.get(i).id(), bound.get(i));
          bound.get(i).serve(all.get(i).id());
        }
        return new FakeTiCdcServer(built, http, byCapture, host, tls);
      } catch (RuntimeException e) {
        bound.forEach(HttpServers.Listener::close);
        http.close();
        throw e;
      }
    }
  }

  /**
   * What captures report as their address: the listening address, or with an advertise address
   * {@code host:port} that {@code host} and {@code port + i} for capture i (later captures: their
   * own port); remembers which listening port each reported address stands for.
   */
  private static final class Advertised {
    private final String listenHost;
    private final String host;
    private final int port;
    private final Map<String, Integer> listenPorts = new ConcurrentHashMap<>();

    Advertised(String listenHost, String advertiseAddress) {
      this.listenHost = listenHost;
      if (advertiseAddress == null) {
        this.host = null;
        this.port = 0;
      } else {
        int colon = advertiseAddress.lastIndexOf(':');
        this.host = advertiseAddress.substring(0, colon);
        this.port = Integer.parseInt(advertiseAddress.substring(colon + 1));
      }
    }

    /**
     * The address capture {@code index} (-1: added later) listening on {@code listenPort} reports.
     */
    String address(int index, int listenPort) {
      String address;
      if (host == null) {
        String h = listenHost.contains(":") ? "[" + listenHost + "]" : listenHost;
        address = h + ":" + listenPort;
      } else {
        int p = index < 0 || port + index > 65535 ? listenPort : port + index;
        address = host + ":" + p;
      }
      listenPorts.put(address, listenPort);
      return address;
    }

    /** The port to bind again for a reported address. */
    int listenPort(String address) {
      Integer listen = listenPorts.get(address);
      return listen != null
          ? listen
          : Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
  }

  /** Opens and closes capture ports for the cluster's kill, add and reset operations. */
  private static final class Network implements CaptureNetwork {
    private final HttpServers http;
    private final String host;
    private final Advertised advertised;
    private final Map<String, HttpServers.Listener> listeners;
    private final SSLContext ssl;
    private final boolean requireClientCert;

    Network(
        HttpServers http,
        String host,
        Advertised advertised,
        Map<String, HttpServers.Listener> listeners,
        SSLContext ssl,
        boolean requireClientCert) {
      this.http = http;
      this.host = host;
      this.advertised = advertised;
      this.listeners = listeners;
      this.ssl = ssl;
      this.requireClientCert = requireClientCert;
    }

    @Override
    public String open(String captureId, String address) {
      int port = address == null ? 0 : advertised.listenPort(address);
      HttpServers.Listener listener = http.bind(host, port, ssl, requireClientCert);
      listeners.put(captureId, listener);
      listener.serve(captureId);
      if (address != null) {
        return address;
      }
      return advertised.address(-1, listener.address().getPort());
    }

    @Override
    public void close(String captureId) {
      HttpServers.Listener listener = listeners.remove(captureId);
      if (listener != null) {
        listener.close();
      }
    }

    @Override
    public void retainOnly(Map<String, String> liveAddresses) {
      for (String id : List.copyOf(listeners.keySet())) {
        if (!liveAddresses.containsKey(id)) {
          close(id);
        }
      }
      liveAddresses.forEach(
          (id, address) -> {
            if (!listeners.containsKey(id)) {
              open(id, address);
            }
          });
    }
  }
}
