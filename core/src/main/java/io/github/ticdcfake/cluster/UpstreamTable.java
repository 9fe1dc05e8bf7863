package io.github.ticdcfake.cluster;

import java.util.List;
import java.util.Objects;

/**
 * A table of the fake upstream TiDB, which decides what changefeeds replicate and which tables
 * TiCDC calls ineligible.
 *
 * <p>A table is <em>eligible</em> when it has a primary key or a not-null unique key (reference
 * pingcap/tiflow cdc/api/v2/api_helpers.go verifyCreateChangefeedConfig); the fake models both as
 * {@code primaryKey}.
 *
 * @param schema database name
 * @param table table name
 * @param tableId TiDB table id
 * @param columns column names
 * @param primaryKey columns of the primary (or not-null unique) key; empty means ineligible
 */
public record UpstreamTable(
    String schema, String table, long tableId, List<String> columns, List<String> primaryKey) {
  public UpstreamTable {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }

  /** Whether TiCDC can replicate this table without {@code force_replicate}. */
  public boolean eligible() {
    return !primaryKey.isEmpty();
  }

  /** {@code schema.table}, as TiCDC prints table names. */
  public String qualifiedName() {
    return schema + "." + table;
  }
}
