package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code NodeTableInfo}: the table ids one node runs for a changefeed (pingcap/ticdc {@code
 * api/v2/model.go@v26.3.4}), from {@code GET …/tables}.
 */
@JsonPropertyOrder({"node_id", "table_ids"})
public record NodeTableInfo(
    @JsonProperty("node_id") String nodeId, @JsonProperty("table_ids") List<Long> tableIds) {

  /** One entry per node, in the order given. */
  public static List<NodeTableInfo> from(Map<String, List<Long>> byNode) {
    List<NodeTableInfo> out = new ArrayList<>(byNode.size());
    byNode.forEach((node, tables) -> out.add(new NodeTableInfo(node, tables)));
    return out;
  }
}
