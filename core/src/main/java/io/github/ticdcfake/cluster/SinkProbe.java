package io.github.ticdcfake.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;

/**
 * Whether create and update really reach a sink's host, as TiCDC does by opening the sink once
 * (pingcap/tiflow cdc/api/v2/api_helpers.go verifyCreateChangefeedConfig; pingcap/tiflow
 * pkg/config/sink.go, cdc/sink/validator/validator.go): {@link #none()} (the default: a fake has no
 * downstream) or {@link #tcp(Duration)}, which opens a TCP connection to MySQL/TiDB/Kafka/Pulsar
 * hosts and fails like TiCDC when nothing listens. Tests can also script single hosts with {@link
 * FakeCluster#setSinkReachable(String, boolean)}.
 */
public final class SinkProbe {
  private final Duration timeout;

  private SinkProbe(Duration timeout) {
    this.timeout = timeout;
  }

  /** Never connects; every sink host is reachable unless scripted otherwise. */
  public static SinkProbe none() {
    return new SinkProbe(null);
  }

  /** Opens a TCP connection to the sink host with this connect timeout. */
  public static SinkProbe tcp(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return new SinkProbe(timeout);
  }

  /** {@link #tcp(Duration)} with a 2-second timeout. */
  public static SinkProbe tcp() {
    return tcp(Duration.ofSeconds(2));
  }

  /** Whether create and update open connections (and so may take up to the timeout). */
  public boolean probes() {
    return timeout != null;
  }

  /** Connects; returns Go's dial error text on failure, {@code null} on success. */
  String dial(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      return null;
    } catch (IOException e) {
      String reason =
          e instanceof java.net.SocketTimeoutException
              ? "i/o timeout"
              : "connect: connection refused";
      return "dial tcp " + host + ":" + port + ": " + reason;
    }
  }

  @Override
  public String toString() {
    return timeout == null ? "SinkProbe.none()" : "SinkProbe.tcp(" + timeout + ")";
  }
}
