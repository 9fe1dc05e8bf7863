package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ticdcfake.cluster.VerifiedTables;
import java.util.List;

/** {@code Tables} ({@code verify_table}): each list omitted when empty. */
@JsonPropertyOrder({"ineligible_tables", "eligible_tables"})
@JsonInclude(Include.NON_EMPTY)
public record TablesJson(
    @JsonProperty("ineligible_tables") List<TableName> ineligibleTables,
    @JsonProperty("eligible_tables") List<TableName> eligibleTables) {
  public static TablesJson from(VerifiedTables tables) {
    return new TablesJson(TableName.of(tables.ineligible()), TableName.of(tables.eligible()));
  }
}
