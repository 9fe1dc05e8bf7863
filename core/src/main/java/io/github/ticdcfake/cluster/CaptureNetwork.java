package io.github.ticdcfake.cluster;

import java.util.Map;

/**
 * How a {@link FakeCluster} opens and closes capture ports; {@code FakeTiCdcServer} builds its
 * cluster with one ({@link FakeCluster.Builder#captureNetwork}) so that {@link
 * FakeCluster#killCapture(String)} and {@link FakeCluster#addCapture()} change what listens. The
 * cluster calls it without holding its lock. Not meant to be implemented by tests.
 */
public interface CaptureNetwork {
  /**
   * Starts serving a capture.
   *
   * @param captureId the capture's id
   * @param address the {@code host:port} to bind again, or {@code null} for a fresh port
   * @return the advertised {@code host:port}
   */
  String open(String captureId, String address);

  /** Stops serving a capture: its port stops answering and open connections are closed. */
  void close(String captureId);

  /**
   * Makes exactly these captures listen (id to {@code host:port}), opening and closing ports as
   * needed; used by {@link FakeCluster#reset()}.
   */
  void retainOnly(Map<String, String> liveAddresses);
}
