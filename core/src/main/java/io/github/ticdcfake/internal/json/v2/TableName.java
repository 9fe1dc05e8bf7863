package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ticdcfake.cluster.UpstreamTable;
import java.util.List;

/** {@code TableName}. */
@JsonPropertyOrder({"database_name", "table_name", "table_id", "is_partition"})
public record TableName(
    @JsonProperty("database_name") String databaseName,
    @JsonProperty("table_name") String tableName,
    @JsonProperty("table_id") long tableId,
    @JsonProperty("is_partition") boolean isPartition) {
  static List<TableName> of(List<UpstreamTable> tables) {
    return tables.stream()
        .map(t -> new TableName(t.schema(), t.table(), t.tableId(), false))
        .toList();
  }
}
