package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.MaintainerTables;
import io.github.ticdcfake.internal.json.v2.DispatcherCount;
import io.github.ticdcfake.internal.json.v2.NodeTableInfo;

/**
 * The new architecture's internal table routes (pingcap/ticdc {@code api/v2/changefeed.go@v26.3.4}
 * MoveTable, ListTables, getDispatcherCount), in the handlers' order: {@code tableID} parsed, the
 * changefeed id checked, the maintainer found, then {@code mode} (unparsable = 0) and {@code wait}.
 */
final class MaintainerHandlers {
  private static final String ID = "changefeed_id";

  private MaintainerHandlers() {}

  /** {@code POST …/move_table?tableID=&targetNodeID=&mode=&wait=}: 200 {@code {}}. */
  static Response moveTable(Call call) {
    long tableId = parseInt(call.query("tableID"));
    MaintainerTables tables = call.cluster().maintainerTables();
    tables.maintainerOf(call.path(ID));
    String wait = call.query("wait");
    if (!wait.isEmpty()) {
      parseBool(wait);
    }
    tables.moveTable(call.path(ID), tableId, call.query("targetNodeID"), mode(call));
    return Response.empty(call.writeStatus());
  }

  /** {@code GET …/tables?mode=}: {@code {"total","items":[NodeTableInfo]}}, always 200. */
  static Response tables(Call call) {
    return Response.json(
        200,
        call.list(
            NodeTableInfo.from(
                call.cluster().maintainerTables().tables(call.path(ID), mode(call)))));
  }

  /** {@code GET …/get_dispatcher_count?mode=}: {@code {"count":n}}, always 200. */
  static Response dispatcherCount(Call call) {
    return Response.json(
        200,
        new DispatcherCount(
            call.cluster().maintainerTables().dispatcherCount(call.path(ID), mode(call))));
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)} with its error ignored, as the handlers do. */
  private static long mode(Call call) {
    try {
      return parseInt(call.query("mode"));
    } catch (CdcException e) {
      return 0;
    }
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)}; its error has no code, so it is a 500. */
  static long parseInt(String s) {
    String digits = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw CdcException.plain("strconv.ParseInt: parsing " + quote(s) + ": invalid syntax");
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw CdcException.plain("strconv.ParseInt: parsing " + quote(s) + ": value out of range");
    }
  }

  /** Go's {@code strconv.ParseBool}. */
  private static boolean parseBool(String s) {
    return switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default ->
          throw CdcException.plain("strconv.ParseBool: parsing " + quote(s) + ": invalid syntax");
    };
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
