package io.github.ticdcfake.cluster;

/**
 * One TiCDC server process of the fake cluster, as {@code GET /api/v2/captures} shows it.
 *
 * @param id UUID v4 of the capture
 * @param address advertised {@code host:port}
 * @param owner whether this capture is the owner now
 * @param clusterId TiCDC cluster id, {@code default} unless configured
 * @param alive false once the capture was killed (its port stops answering)
 */
public record Capture(String id, String address, boolean owner, String clusterId, boolean alive) {}
