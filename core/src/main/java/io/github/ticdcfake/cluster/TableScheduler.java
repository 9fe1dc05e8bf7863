package io.github.ticdcfake.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where tables run: a running changefeed's tables spread round-robin over the live captures in join
 * order, and the processors that result.
 */
final class TableScheduler {
  private TableScheduler() {}

  /** Table ids per live capture for a running changefeed. */
  static Map<String, List<Long>> tables(ClusterState state, ChangefeedEntry entry) {
    Map<String, List<Long>> byCapture = new LinkedHashMap<>();
    List<String> live = new ArrayList<>();
    for (ClusterState.CaptureEntry c : state.captures) {
      if (c.alive) {
        byCapture.put(c.id, new ArrayList<>());
        if (c.drainRemaining != 0) {
          live.add(c.id); // a drained capture keeps its processors but gets no tables
        }
      }
    }
    if (live.isEmpty() || state.upstreamTables.isEmpty()) {
      return byCapture;
    }
    List<UpstreamTable> tables;
    try {
      tables = ChangefeedChecks.verifyTables(entry.config, state.upstreamTables, false);
    } catch (CdcException e) {
      tables = List.of();
    }
    int i = 0;
    for (UpstreamTable table : tables) {
      byCapture.get(live.get(i++ % live.size())).add(table.tableId());
    }
    byCapture.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return byCapture;
  }

  /** One processor per (running changefeed, live capture), all namespaces. */
  static List<Processor> processors(ClusterCore core) {
    synchronized (core.lock) {
      ClusterState state = core.state;
      core.engine.tick(state);
      List<Processor> out = new ArrayList<>();
      for (TreeMap<String, ChangefeedEntry> byId : state.changefeeds.values()) {
        for (ChangefeedEntry entry : byId.values()) {
          core.engine.catchUp(state, entry);
          if (entry.state.isRunning()) {
            tables(state, entry)
                .forEach(
                    (capture, tables) ->
                        out.add(new Processor(entry.namespace, entry.id, capture, tables)));
          }
        }
      }
      return out;
    }
  }

  /**
   * {@code GET /api/v2/processors/{changefeed_id}/{capture_id}}: the table ids, {@code null} when
   * the capture runs only other changefeeds' processors (tiflow {@code cdc/api/v2/processor.go}).
   */
  static List<Long> processorTables(
      ClusterCore core, String namespace, String changefeedId, String captureId) {
    ChangefeedChecks.checkChangefeedId(changefeedId);
    ChangefeedChecks.checkCaptureId(captureId);
    synchronized (core.lock) {
      ChangefeedEntry entry = core.require(namespace, changefeedId);
      if (!entry.state.isRunning()) {
        throw CdcError.API_INVALID_PARAM.wrap(
            "changefeed in abnormal state: "
                + entry.state.wireName()
                + ", can'duration get processor of an abnormal changefeed");
      }
      boolean known = false;
      for (Processor processor : processors(core)) {
        known |= processor.captureId().equals(captureId);
      }
      if (!known) {
        throw CdcError.CAPTURE_NOT_EXIST.raise(captureId);
      }
      return tables(core.state, entry).get(captureId);
    }
  }
}
