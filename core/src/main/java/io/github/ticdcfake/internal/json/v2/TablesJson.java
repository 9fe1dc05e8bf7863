package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ticdcfake.cluster.VerifiedTables;
import java.util.List;

/** {@code Tables} ({@code verify_table}): each list omitted when empty. */
@JsonPropertyOrder({"ineligible_tables", "eligible_tables", "all_tables"})
@JsonInclude(Include.NON_EMPTY)
public record TablesJson(
    @JsonProperty("ineligible_tables") List<TableName> ineligibleTables,
    @JsonProperty("eligible_tables") List<TableName> eligibleTables,
    @JsonProperty("all_tables") List<TableName> allTables) {
  public static TablesJson from(VerifiedTables tables) {
    return new TablesJson(
        TableName.of(tables.ineligible()), TableName.of(tables.eligible()), List.of());
  }

  /**
   * The new architecture's {@code Tables}, which adds {@code all_tables}: every table of the
   * schemas the filter does not ignore (pingcap/ticdc {@code
   * logservice/schemastore/validator.go@v26.3.4}).
   */
  public static TablesJson withAllTables(VerifiedTables tables) {
    return new TablesJson(
        TableName.of(tables.ineligible()),
        TableName.of(tables.eligible()),
        TableName.of(tables.all()));
  }
}
