package io.github.ticdcfake.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * TiCDC's create/update checks that do not depend on cluster state (pingcap/tiflow
 * cdc/api/v2/api_helpers.go verifyCreateChangefeedConfig; pingcap/tiflow
 * cdc/api/v2/api_helpers.go).
 */
final class ChangefeedChecks {
  private static final Pattern ID = Pattern.compile("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$");

  private ChangefeedChecks() {}

  static boolean validId(String id) {
    return id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 128
        && ID.matcher(id).matches();
  }

  static void checkChangefeedId(String id) {
    if (!validId(id)) {
      throw CdcError.API_INVALID_PARAM.raiseWithMessage("invalid changefeed_id: " + id);
    }
  }

  static void checkCaptureId(String id) {
    if (!validId(id)) {
      throw CdcError.API_INVALID_PARAM.raiseWithMessage("invalid capture_id: " + id);
    }
  }

  /**
   * Go's {@code url.Parse} failure as TiCDC reports it (pingcap/tiflow pkg/util/uri.go
   * MaskSensitiveDataInURIForError).
   */
  static SinkUri parseSinkUri(String sinkUri) {
    try {
      return SinkUri.parse(sinkUri);
    } catch (SinkUri.ParseException e) {
      String masked = "<invalid uri>";
      throw CdcError.SINK_URI_INVALID.raiseWithMessage(
          CdcError.SINK_URI_INVALID.message(masked)
              + ": parse \""
              + masked
              + "\": "
              + e.getMessage());
    }
  }

  /**
   * TiCDC's table verification at create and update (tiflow {@code cdc/api/v2/api_helpers.go}
   * {@code getVerifiedTables}, then the ineligible-table check): dispatchers and column selectors
   * are verified against every table the filter matches, eligible or not, before keyless tables are
   * refused, so a bad dispatcher wins over {@code ErrTableIneligible}.
   *
   * @return the tables the changefeed replicates
   */
  static List<UpstreamTable> verifiedTables(
      ReplicaConfig config, SinkUri uri, List<UpstreamTable> upstream) {
    return verifiedTables(config, uri, upstream, false);
  }

  /**
   * {@link #verifiedTables(ReplicaConfig, SinkUri, List)}, with the new architecture's dispatcher
   * texts when {@code coordinator}.
   */
  static List<UpstreamTable> verifiedTables(
      ReplicaConfig config, SinkUri uri, List<UpstreamTable> upstream, boolean coordinator) {
    TableFilter filter = TableFilter.parse(config.filterRules(), config.caseSensitive());
    List<UpstreamTable> filtered = new ArrayList<>();
    for (UpstreamTable table : upstream) {
      if (filter.matches(table.schema(), table.table())) {
        filtered.add(table);
      }
    }
    verifyDispatchers(config, uri, filtered, coordinator);
    return verifyTables(config, upstream, true);
  }

  /**
   * The tables a changefeed replicates, failing like TiCDC's table verification (pingcap/tiflow
   * cdc/api/v2/api_helpers.go getVerifiedTables).
   */
  static List<UpstreamTable> verifyTables(
      ReplicaConfig config, List<UpstreamTable> upstream, boolean enforceEligibility) {
    TableFilter filter = TableFilter.parse(config.filterRules(), config.caseSensitive());
    List<UpstreamTable> matched = new ArrayList<>();
    List<String> ineligible = new ArrayList<>();
    for (UpstreamTable table : upstream) {
      if (!filter.matches(table.schema(), table.table())) {
        continue;
      }
      if (!table.eligible() && !config.forceReplicate()) {
        ineligible.add(table.qualifiedName());
        continue;
      }
      matched.add(table);
    }
    if (enforceEligibility && !ineligible.isEmpty() && !config.ignoreIneligibleTable()) {
      throw CdcError.TABLE_INELIGIBLE.raise(ineligible);
    }
    return matched;
  }

  /** TiCDC's sink validator: IPv6 form, sync point and BDR scheme checks, the sink factory. */
  static void validateSink(ReplicaConfig config, SinkUri uri) {
    checkIpv6Form(uri);
    boolean mysql = uri.isMySqlCompatible();
    if (Boolean.TRUE.equals(config.raw().get("enable_sync_point")) && !mysql) {
      // sic: tiflow concatenates without a space and prints the URI unmasked.
      throw CdcError.SINK_URI_INVALID.raiseWithMessage(
          "sink uri scheme is not supported with syncpoint enabledsink uri: " + uri.raw);
    }
    if (Boolean.TRUE.equals(config.raw().get("bdr_mode")) && !mysql) {
      throw CdcError.SINK_URI_INVALID.raiseWithMessage(
          "sink uri scheme is not supported in BDR mode, sink uri: " + uri.masked());
    }
    if (!uri.isKnownScheme()) {
      throw CdcError.SINK_URI_INVALID.raiseWithMessage(
          "the sink scheme (" + uri.scheme + ") is not supported");
    }
  }

  /**
   * The sink validator's IPv6 form check. The new architecture keeps it here although v26.3.4 has
   * no such check (an unbracketed IPv6 host reaches its sink factory, whose dial the fake does not
   * model for such hosts).
   */
  static void checkIpv6Form(SinkUri uri) {
    if (uri.hostname().contains(":") && !uri.host.startsWith("[")) {
      throw CdcError.SINK_URI_INVALID.raiseWithMessage(
          "sink uri host is not valid IPv6 address, when using IPv6 address in URI, please use"
              + " [ipv6-address]:port");
    }
  }

  /**
   * The new architecture's sink checks at create and update (pingcap/ticdc {@code
   * api/v2/changefeed.go@v26.3.4}): there is no sink validator (no BDR or sync-point scheme check,
   * an unknown scheme is refused only by the sink factory). {@code check.IsSameUpstreamDownstream}
   * opens a MySQL-class sink first and its failure is answered unwrapped, {@code
   * [CDC:ErrMySQLConnectionError]fail to open MySQL connection: <cause>} (pingcap/ticdc {@code
   * pkg/check/cluster.go}, {@code pkg/sink/mysql/helper.go} CreateMysqlDBConn); then {@code
   * sink.Verify}, whose errors are wrapped in {@code ErrSinkURIInvalid} naming the sink URI as
   * sent, unmasked ({@code downstreamadapter/sink/sink.go}). A Pulsar sink is not dialled: the
   * Pulsar client connects lazily, on its first producer.
   *
   * @param dialError Go's dial error text for the sink host, or {@code null} when reachable
   */
  static void verifyNewArchSink(SinkUri uri, String dialError) {
    if (uri.isMySqlCompatible()) {
      if (dialError != null) {
        throw CdcError.MYSQL_CONNECTION_ERROR.raiseWithMessage(
            "fail to open MySQL connection: " + dialError);
      }
      return;
    }
    String cause;
    if (!uri.isKnownScheme()) {
      cause = CdcError.SINK_URI_INVALID.raise(uri.raw).getMessage();
    } else if (uri.scheme.startsWith("pulsar")) {
      return;
    } else {
      try {
        failIfUnreachable(uri, dialError);
        return;
      } catch (CdcException e) {
        cause = e.getMessage();
      }
    }
    throw CdcError.SINK_URI_INVALID.raiseWithMessage(
        CdcError.SINK_URI_INVALID.message(uri.raw) + ": " + cause);
  }

  /**
   * Opening the sink (pingcap/tiflow cdc/api/v2/api_helpers.go verifyCreateChangefeedConfig): an
   * unreachable MySQL is 400 {@code ErrMySQLConnectionError}, an unreachable Kafka 500 {@code
   * ErrKafkaNewProducer}.
   *
   * @param dialError Go's dial error text for the sink host, or {@code null} when reachable
   */
  static void failIfUnreachable(SinkUri uri, String dialError) {
    if (dialError == null) {
      return;
    }
    if (uri.isMySqlCompatible()) {
      throw CdcError.MYSQL_CONNECTION_ERROR.wrap(dialError);
    }
    if (uri.scheme.startsWith("kafka")) {
      throw CdcError.KAFKA_NEW_PRODUCER.wrap(
          "kafka: client has run out of available brokers to talk to: " + dialError);
    }
    if (uri.scheme.startsWith("pulsar")) {
      throw CdcException.of(
          "CDC:ErrPulsarNewClient", "[CDC:ErrPulsarNewClient]new pulsar client: " + dialError);
    }
  }

  /** The host and port TiCDC would dial for a sink, or {@code null} for sinks it does not dial. */
  static String dialTarget(SinkUri uri) {
    int defaultPort;
    if (uri.isMySqlCompatible()) {
      defaultPort = 4000;
    } else if (uri.scheme.startsWith("kafka")) {
      defaultPort = 9092;
    } else if (uri.scheme.startsWith("pulsar")) {
      defaultPort = 6650;
    } else {
      return null;
    }
    String hostname = uri.hostname().isEmpty() ? "127.0.0.1" : uri.hostname();
    String port = uri.port().isEmpty() ? Integer.toString(defaultPort) : uri.port();
    if (uri.isMq() && hostname.contains(",")) {
      hostname = hostname.substring(0, hostname.indexOf(','));
    }
    return hostname + ":" + port;
  }

  /**
   * MQ dispatchers and column selectors checked against the tables a changefeed replicates
   * (pingcap/tiflow pkg/config/sink.go, cdc/sink/validator/validator.go): a {@code columns}
   * dispatcher naming a column a matched table lacks is {@code ErrDispatcherFailed}; a column
   * selector that drops a table's key is {@code ErrColumnSelectorFailed}.
   */
  static void verifyDispatchers(ReplicaConfig config, SinkUri uri, List<UpstreamTable> tables) {
    verifyDispatchers(config, uri, tables, false);
  }

  /**
   * {@link #verifyDispatchers(ReplicaConfig, SinkUri, List)}; with {@code coordinator}, only the
   * first rule matching a table applies to it, a {@code columns} rule's columns are looked up
   * case-insensitively and a missing one is reported as the new architecture's event router does:
   * {@code columns not found when dispatch event, table: <table>, columns: [<columns>], column:
   * <lower-cased column>} (pingcap/ticdc {@code pkg/common/table_info.go@v26.3.4} OffsetsByNames,
   * from {@code downstreamadapter/sink/eventrouter/event_router.go} VerifyTables).
   */
  @SuppressWarnings("unchecked")
  static void verifyDispatchers(
      ReplicaConfig config, SinkUri uri, List<UpstreamTable> tables, boolean coordinator) {
    if (!uri.isMq()) {
      return;
    }
    java.util.Map<String, Object> sink = config.sink();
    List<java.util.Map<String, Object>> dispatchers =
        (List<java.util.Map<String, Object>>) sink.get("dispatchers");
    if (dispatchers != null && coordinator) {
      verifyNewArchDispatchers(config, dispatchers, tables);
    } else if (dispatchers != null) {
      for (java.util.Map<String, Object> rule : dispatchers) {
        TableFilter matcher = matcher(rule, config.caseSensitive());
        String partition = String.valueOf(rule.getOrDefault("partition", ""));
        List<String> columns = (List<String>) rule.get("columns");
        for (UpstreamTable table : tables) {
          if (!matcher.matches(table.schema(), table.table())) {
            continue;
          }
          if (!partition.equalsIgnoreCase("columns") || columns == null) {
            continue;
          }
          for (String column : columns) {
            if (!table.columns().contains(column)) {
              throw CdcError.DISPATCHER_FAILED.wrap(
                  "can't find dispatch column " + column + " in table " + table.qualifiedName());
            }
          }
        }
      }
    }
    List<java.util.Map<String, Object>> selectors =
        (List<java.util.Map<String, Object>>) sink.get("column_selectors");
    if (selectors != null) {
      for (java.util.Map<String, Object> selector : selectors) {
        TableFilter matcher = matcher(selector, config.caseSensitive());
        List<String> patterns = (List<String>) selector.get("columns");
        for (UpstreamTable table : tables) {
          if (!matcher.matches(table.schema(), table.table()) || patterns == null) {
            continue;
          }
          for (String key : table.primaryKey()) {
            boolean kept = patterns.stream().anyMatch(p -> TableFilter.glob(p, key));
            if (!kept) {
              throw CdcError.COLUMN_SELECTOR_FAILED.wrap(
                  "primary key or unique key cannot be filtered out by the column selector,"
                      + " table: "
                      + table.qualifiedName()
                      + ", column: "
                      + key);
            }
          }
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static TableFilter matcher(java.util.Map<String, Object> rule, boolean caseSensitive) {
    List<String> matcher = (List<String>) rule.get("matcher");
    return TableFilter.parse(matcher == null ? List.of() : matcher, caseSensitive);
  }

  /**
   * The new architecture's event router: each table takes the first dispatcher rule whose matcher
   * matches it (pingcap/ticdc {@code downstreamadapter/sink/eventrouter/event_router.go@v26.3.4}
   * GetPartitionGenerator), and only a {@code columns} rule is checked against it.
   */
  @SuppressWarnings("unchecked")
  private static void verifyNewArchDispatchers(
      ReplicaConfig config, List<java.util.Map<String, Object>> rules, List<UpstreamTable> tables) {
    List<TableFilter> matchers = new ArrayList<>();
    for (java.util.Map<String, Object> rule : rules) {
      matchers.add(matcher(rule, config.caseSensitive()));
    }
    for (UpstreamTable table : tables) {
      for (int i = 0; i < rules.size(); i++) {
        if (!matchers.get(i).matches(table.schema(), table.table())) {
          continue;
        }
        java.util.Map<String, Object> rule = rules.get(i);
        String partition = String.valueOf(rule.getOrDefault("partition", ""));
        List<String> columns = (List<String>) rule.get("columns");
        if (partition.equalsIgnoreCase("columns") && columns != null) {
          checkColumnsCaseInsensitively(table, columns);
        }
        break;
      }
    }
  }

  private static void checkColumnsCaseInsensitively(UpstreamTable table, List<String> columns) {
    Set<String> known = new HashSet<>();
    for (String column : table.columns()) {
      known.add(column.toLowerCase(Locale.ROOT));
    }
    for (String column : columns) {
      String name = column.toLowerCase(Locale.ROOT);
      if (!known.contains(name)) {
        throw CdcError.DISPATCHER_FAILED.raiseWithMessage(
            "columns not found when dispatch event, table: "
                + table.table()
                + ", columns: ["
                + String.join(" ", columns)
                + "], column: "
                + name);
      }
    }
  }
}
