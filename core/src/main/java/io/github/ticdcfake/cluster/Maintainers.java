package io.github.ticdcfake.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The new architecture's maintainers and their table spans (pingcap/ticdc {@code
 * coordinator/scheduler/basic.go}, {@code maintainer/span/span_controller.go@v26.3.4}).
 *
 * <p>The coordinator places a scheduled changefeed's maintainer on a live node; the fake goes
 * round-robin over the live captures in join order, so one capture gets them all and two captures
 * take turns. A maintainer lives while the changefeed is normal or warning and moves when its
 * capture dies; each new maintainer starts from the default span layout: the DDL span (table id 0)
 * on the maintainer's node, and one span per replicated table round-robin over the live captures.
 * Callers hold the cluster's lock.
 */
final class Maintainers {
  /** The table id of the DDL span every maintainer owns (pingcap/ticdc {@code common.DDLSpan}). */
  static final long DDL_SPAN_TABLE_ID = 0;

  private Maintainers() {}

  /**
   * The capture running the changefeed's maintainer, placing one when the changefeed is scheduled
   * and has none (or its capture died); null while the changefeed is not scheduled.
   */
  static ClusterState.CaptureEntry place(ClusterState state, ChangefeedEntry entry) {
    if (!entry.state.isRunning()) {
      release(entry);
      return null;
    }
    if (entry.maintainerCaptureId != null) {
      ClusterState.CaptureEntry current = liveCapture(state, entry.maintainerCaptureId);
      if (current != null) {
        return current;
      }
    }
    List<ClusterState.CaptureEntry> live = liveCaptures(state);
    if (live.isEmpty()) {
      release(entry);
      return null;
    }
    ClusterState.CaptureEntry chosen =
        live.get((int) Long.remainderUnsigned(state.maintainersPlaced++, live.size()));
    entry.maintainerCaptureId = chosen.id;
    entry.spanOverrides = null; // a new maintainer bootstraps its spans afresh
    return chosen;
  }

  /** The maintainer stopped (pause, failure): its spans are forgotten. */
  static void release(ChangefeedEntry entry) {
    entry.maintainerCaptureId = null;
    entry.spanOverrides = null;
  }

  /**
   * Every span of the changefeed in one mode, table id to the nodes of its spans in key order: the
   * DDL span first, then the replicated tables in upstream order.
   */
  static LinkedHashMap<Long, List<String>> spans(
      ClusterState state, ChangefeedEntry entry, String maintainerId, int mode) {
    LinkedHashMap<Long, List<String>> spans = new LinkedHashMap<>();
    spans.put(DDL_SPAN_TABLE_ID, List.of(maintainerId));
    List<ClusterState.CaptureEntry> live = liveCaptures(state);
    TreeMap<Long, List<String>> overrides =
        entry.spanOverrides == null ? null : entry.spanOverrides[mode];
    int i = 0;
    for (UpstreamTable table : replicatedTables(state, entry)) {
      String byDefault = live.get(i++ % live.size()).id;
      List<String> nodes = overrides == null ? null : overrides.get(table.tableId());
      if (nodes == null) {
        spans.put(table.tableId(), List.of(byDefault));
        continue;
      }
      List<String> alive = new ArrayList<>(nodes.size());
      for (String node : nodes) {
        alive.add(liveCapture(state, node) == null ? maintainerId : node);
      }
      spans.put(table.tableId(), List.copyOf(alive));
    }
    return spans;
  }

  /** Records the nodes of one table's spans in one mode. */
  @SuppressWarnings("unchecked")
  static void setSpans(ChangefeedEntry entry, int mode, long tableId, List<String> nodes) {
    if (entry.spanOverrides == null) {
      entry.spanOverrides = new TreeMap[] {new TreeMap<>(), new TreeMap<>()};
    }
    entry.spanOverrides[mode].put(tableId, List.copyOf(nodes));
  }

  @SuppressWarnings("unchecked")
  static TreeMap<Long, List<String>>[] copyOverrides(TreeMap<Long, List<String>>[] overrides) {
    return new TreeMap[] {new TreeMap<>(overrides[0]), new TreeMap<>(overrides[1])};
  }

  private static List<UpstreamTable> replicatedTables(ClusterState state, ChangefeedEntry entry) {
    try {
      return ChangefeedChecks.verifyTables(entry.config, state.upstreamTables, false);
    } catch (CdcException e) {
      return List.of();
    }
  }

  static List<ClusterState.CaptureEntry> liveCaptures(ClusterState state) {
    List<ClusterState.CaptureEntry> live = new ArrayList<>();
    for (ClusterState.CaptureEntry c : state.captures) {
      if (c.alive) {
        live.add(c);
      }
    }
    return live;
  }

  static ClusterState.CaptureEntry liveCapture(ClusterState state, String id) {
    for (ClusterState.CaptureEntry c : state.captures) {
      if (c.alive && c.id.equals(id)) {
        return c;
      }
    }
    return null;
  }

  /** Table ids per live capture in join order, one entry per span (a split table repeats). */
  static Map<String, List<Long>> tablesByNode(
      ClusterState state, LinkedHashMap<Long, List<String>> spans) {
    Map<String, List<Long>> byNode = new LinkedHashMap<>();
    for (ClusterState.CaptureEntry c : state.captures) {
      if (c.alive) {
        byNode.put(c.id, new ArrayList<>());
      }
    }
    spans.forEach((table, nodes) -> nodes.forEach(node -> byNode.get(node).add(table)));
    byNode.values().removeIf(List::isEmpty);
    byNode.replaceAll((k, v) -> List.copyOf(v));
    return byNode;
  }
}
