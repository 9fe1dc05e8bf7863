package io.github.ticdcfake.cluster;

import java.util.List;

/**
 * One (changefeed, capture) pair of a running changefeed, as {@code GET /api/v2/processors} lists
 * it.
 *
 * @param namespace namespace of the changefeed
 * @param changefeedId changefeed id
 * @param captureId capture id
 * @param tableIds tables this capture replicates for the changefeed (may be empty)
 */
public record Processor(
    String namespace, String changefeedId, String captureId, List<Long> tableIds) {
  public Processor {
    tableIds = List.copyOf(tableIds);
  }
}
