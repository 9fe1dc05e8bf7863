package io.github.ticdcfake.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The new architecture's internal table routes as the maintainer answers them (pingcap/ticdc {@code
 * api/v2/changefeed.go@v26.3.4} MoveTable, ListTables, getDispatcherCount; {@code
 * maintainer/maintainer_controller_helper.go}): where a changefeed's table spans run, and moving
 * them. Mode 1 is the redo mode, every other value the default mode.
 */
public final class MaintainerTables {
  private final ClusterCore core;

  MaintainerTables(ClusterCore core) {
    this.core = core;
  }

  /**
   * The capture running the changefeed's maintainer, failing like the routes: an invalid id is 400
   * {@code invalid changefeed_id: <id>}; a missing, unscheduled or not yet initialised one is the
   * codeless 500 {@code Can't not find maintainer for changefeed: <id>} (the route's own GET found
   * no {@code maintainer_addr}).
   */
  public String maintainerOf(String changefeedId) {
    synchronized (core.lock) {
      return requireMaintainer(changefeedId).maintainerCaptureId;
    }
  }

  /**
   * {@code GET …/tables}: table ids per node, one per span, nodes in join order; the DDL span
   * (table 0) runs on the maintainer's node.
   *
   * @throws ServerPanicException in redo mode without redo (the maintainer has no redo spans)
   */
  public Map<String, List<Long>> tables(String changefeedId, long mode) {
    synchronized (core.lock) {
      ChangefeedEntry entry = requireMaintainer(changefeedId);
      return Maintainers.tablesByNode(core.state, spans(entry, mode));
    }
  }

  /** {@code GET …/get_dispatcher_count}: the number of spans, the DDL span included. */
  public int dispatcherCount(String changefeedId, long mode) {
    synchronized (core.lock) {
      ChangefeedEntry entry = requireMaintainer(changefeedId);
      int count = 0;
      for (List<String> nodes : spans(entry, mode).values()) {
        count += nodes.size();
      }
      return count;
    }
  }

  /**
   * {@code POST …/move_table?tableID=&targetNodeID=}: the whole table goes to the target capture;
   * done when it returns (the fake's move is instant, so {@code wait} changes nothing).
   */
  public void moveTable(String changefeedId, long tableId, String targetCaptureId, long mode) {
    synchronized (core.lock) {
      ChangefeedEntry entry = requireMaintainer(changefeedId);
      if (mode == 1 && !redoEnabled(entry)) {
        return;
      }
      LinkedHashMap<Long, List<String>> spans = spans(entry, mode);
      checkParams(spans, tableId, targetCaptureId);
      List<String> nodes = spans.get(tableId);
      if (nodes.size() != 1) {
        throw CdcException.of(
            "CDC:ErrTableIsNotFounded",
            "table is not found%!(EXTRA string=unexpected number of replications found for table"
                + " in this node; tableID is %s, replication count is %s, int64="
                + tableId
                + ", int="
                + nodes.size()
                + ")");
      }
      Maintainers.setSpans(entry, (int) (mode == 1 ? 1 : 0), tableId, List.of(targetCaptureId));
    }
  }

  private void checkParams(LinkedHashMap<Long, List<String>> spans, long tableId, String target) {
    if (!spans.containsKey(tableId)) {
      throw CdcException.of(
          "CDC:ErrTableIsNotFounded",
          "table is not found%!(EXTRA string=tableID, int64=" + tableId + ")");
    }
    if (tableId == Maintainers.DDL_SPAN_TABLE_ID) {
      throw CdcException.of(
          "CDC:ErrTableNotSupportMove",
          "table is not supported to move%!(EXTRA string=tableID, int64=" + tableId + ")");
    }
    if (Maintainers.liveCapture(core.state, target) == null) {
      throw CdcException.of(
          "CDC:ErrNodeIsNotFound",
          "node is not found%!(EXTRA string=targetNode, node.ID=" + target + ")");
    }
  }

  private LinkedHashMap<Long, List<String>> spans(ChangefeedEntry entry, long mode) {
    if (mode == 1 && !redoEnabled(entry)) {
      // the maintainer has no redo span controller: gin's recovery answers 500, empty body
      throw new ServerPanicException("redo mode without redo");
    }
    return Maintainers.spans(core.state, entry, entry.maintainerCaptureId, mode == 1 ? 1 : 0);
  }

  private static boolean redoEnabled(ChangefeedEntry entry) {
    Map<String, Object> consistent = entry.config.struct("consistent");
    return consistent != null && "eventual".equals(consistent.get("level"));
  }

  private ChangefeedEntry requireMaintainer(String changefeedId) {
    if (!ChangefeedChecks.validId(changefeedId)) {
      throw CdcError.API_INVALID_PARAM.raiseWithMessage("invalid changefeed_id: " + changefeedId);
    }
    core.engine.tick(core.state);
    ChangefeedEntry entry =
        core.state.ready ? core.find(FakeCluster.DEFAULT_NAMESPACE, changefeedId) : null;
    if (entry == null || Maintainers.place(core.state, entry) == null) {
      throw CdcException.plain("Can't not find maintainer for changefeed: " + changefeedId);
    }
    return entry;
  }
}
