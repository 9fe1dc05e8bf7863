package io.github.ticdcfake;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.OwnerTick;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.cluster.SinkProbe;
import io.github.ticdcfake.cluster.TiCdcVersion;
import io.github.ticdcfake.internal.http.HttpServers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A running fake TiCDC cluster: one HTTP listener per capture, all serving TiCDC's OpenAPI v2 over
 * one {@link FakeCluster}.
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
  private volatile boolean closed;

  private FakeTiCdcServer(
      FakeCluster cluster,
      HttpServers http,
      Map<String, HttpServers.Listener> listeners,
      String host) {
    this.cluster = cluster;
    this.http = http;
    this.listeners = listeners;
    this.host = host;
  }

  /** A builder: one capture on {@code 127.0.0.1}, ephemeral port, the newest TiCDC flavour. */
  public static Builder builder() {
    return new Builder();
  }

  /** The cluster behind the listeners: scripting, inspection, reset. */
  public FakeCluster cluster() {
    return cluster;
  }

  /** The current owner's base URL ({@code http://host:port}); the first capture's if none. */
  public URI url() {
    Capture capture = cluster.owner().orElseGet(() -> cluster.captures().get(0));
    return url(capture.id());
  }

  /** The base URL of a capture. */
  public URI url(String captureId) {
    HttpServers.Listener listener = listeners.get(captureId);
    if (listener == null) {
      throw new IllegalArgumentException("no capture " + captureId + " in this server");
    }
    InetSocketAddress address = listener.address();
    String h = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + h + ":" + address.getPort());
  }

  /** The base URLs of all captures, in join order. */
  public List<URI> captureUrls() {
    List<URI> urls = new ArrayList<>();
    for (Capture capture : cluster.captures()) {
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

    private Builder() {}

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

    /** The TiCDC release to mimic; default {@link TiCdcVersion#latest()}. */
    public Builder version(TiCdcVersion version) {
      cluster.version(version);
      return this;
    }

    /** The PD clock; default {@link PdClock#system()}. Use {@link PdClock#manual} in tests. */
    public Builder clock(PdClock clock) {
      cluster.clock(clock);
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

    /**
     * Binds the listeners and starts serving.
     *
     * @throws java.io.UncheckedIOException if a port cannot be bound
     */
    public FakeTiCdcServer start() {
      HttpServers http = new HttpServers(maxRequestBodyBytes);
      List<HttpServers.Listener> bound = new ArrayList<>();
      try {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < captures; i++) {
          HttpServers.Listener listener = http.bind(host, port == 0 ? 0 : port + i);
          bound.add(listener);
          String h = host.contains(":") ? "[" + host + "]" : host;
          addresses.add(h + ":" + listener.address().getPort());
        }
        FakeCluster built = cluster.captureAddresses(addresses).build();
        http.attach(built);
        Map<String, HttpServers.Listener> byCapture = new LinkedHashMap<>();
        List<Capture> all = built.captures();
        for (int i = 0; i < captures; i++) {
          bound.get(i).serve(all.get(i).id());
          byCapture.put(all.get(i).id(), bound.get(i));
        }
        return new FakeTiCdcServer(built, http, byCapture, host);
      } catch (RuntimeException e) {
        bound.forEach(HttpServers.Listener::close);
        http.close();
        throw e;
      }
    }
  }

  Optional<HttpServers.Listener> listener(String captureId) {
    return Optional.ofNullable(listeners.get(captureId));
  }
}
