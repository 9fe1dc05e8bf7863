package io.github.ticdcfake.cluster;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A changefeed's {@code replica_config} as TiCDC stores it: immutable, with every field of tiflow's
 * v2 {@code ReplicaConfig} (pingcap/tiflow cdc/api/v2/model.go) and TiCDC's defaults
 * (pingcap/tiflow pkg/config/replica_config.go).
 *
 * <p>{@link #toMap()} renders it exactly as TiCDC's JSON does (field order, {@code omitempty},
 * durations as nanoseconds); the typed accessors cover the fields tests most often check.
 */
public final class ReplicaConfig {
  private static final String DEFAULT_PROTOCOLS =
      "canal canal-json avro flat-avro maxwell craft open-protocol default csv debezium simple";

  private final ConfigShape shape;
  private final Map<String, Object> value;

  ReplicaConfig(ConfigShape shape, Map<String, Object> value) {
    this.shape = shape;
    this.value = value;
  }

  /** TiCDC's default config (tiflow HEAD, pingcap/tiflow pkg/config/replica_config.go). */
  public static ReplicaConfig defaults() {
    return defaults(TiCdcVersion.latest());
  }

  /** The default config of a TiCDC release (pingcap/tiflow pkg/config/replica_config.go). */
  public static ReplicaConfig defaults(TiCdcVersion version) {
    ConfigShape shape = ConfigShape.of(version);
    return new ReplicaConfig(shape, shape.defaults());
  }

  /**
   * The config as TiCDC renders it in JSON: nested maps in TiCDC's field order, lists, strings,
   * booleans and numbers; {@code null} where TiCDC prints {@code null}. Unmodifiable.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> toMap() {
    return (Map<String, Object>) deepUnmodifiable(GoType.render(shape.replicaConfig, value));
  }

  /** {@code sink.protocol}, or empty when unset. */
  public String protocol() {
    Object p = sink().get("protocol");
    return p == null ? "" : (String) p;
  }

  /** {@code filter.rules}. */
  @SuppressWarnings("unchecked")
  public List<String> filterRules() {
    Map<String, Object> filter = struct("filter");
    Object rules = filter == null ? null : filter.get("rules");
    return rules == null ? List.of() : List.copyOf((List<String>) rules);
  }

  /** {@code case_sensitive}. */
  public boolean caseSensitive() {
    return Boolean.TRUE.equals(value.get("case_sensitive"));
  }

  /** {@code force_replicate}. */
  public boolean forceReplicate() {
    return Boolean.TRUE.equals(value.get("force_replicate"));
  }

  /** {@code ignore_ineligible_table}. */
  public boolean ignoreIneligibleTable() {
    return Boolean.TRUE.equals(value.get("ignore_ineligible_table"));
  }

  /** {@code memory_quota} in bytes. */
  public long memoryQuota() {
    return (Long) value.get("memory_quota");
  }

  /** {@code synced_status.synced_check_interval} in seconds (300 unless configured). */
  public long syncedCheckIntervalSeconds() {
    Map<String, Object> synced = struct("synced_status");
    Object interval = synced == null ? null : synced.get("synced_check_interval");
    return interval == null ? 300 : (Long) interval;
  }

  /** {@code synced_status.checkpoint_interval} in seconds (15 unless configured). */
  public long checkpointIntervalSeconds() {
    Map<String, Object> synced = struct("synced_status");
    Object interval = synced == null ? null : synced.get("checkpoint_interval");
    return interval == null ? 15 : (Long) interval;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> struct(String name) {
    return (Map<String, Object>) value.get(name);
  }

  Map<String, Object> sink() {
    Map<String, Object> sink = struct("sink");
    return sink == null ? Map.of() : sink;
  }

  Map<String, Object> raw() {
    return value;
  }

  // ---- TiCDC's create/update conversions -------------------------------------------------------

  /**
   * The config for an update that sent {@code replica_config} (pingcap/tiflow
   * cdc/api/v2/changefeed.go updateChangefeed): rebuilt from the server defaults, top-level scalars
   * not sent become zero, sections and durations not sent keep their defaults, sections sent
   * replace the default section as sent.
   */
  static Map<String, Object> fromUpdate(DomainRules rules, Map<String, Object> sent) {
    return rules.updateRebuild().rebuild(rules.shape(), sent);
  }

  /** tiflow's update rebuild ({@link #fromUpdate}). */
  static Map<String, Object> classicFromUpdate(ConfigShape shape, Map<String, Object> sent) {
    Map<String, Object> result = shape.defaults();
    for (GoType.Field field : shape.replicaConfig.fields) {
      String name = field.json();
      Object sentValue = sent.get(name);
      if (field.type() instanceof GoType.Scalar) {
        result.put(name, sentValue);
      } else if (name.equals("enable_sync_point")
          || name.equals("bdr_mode")
          || name.equals("enable_table_monitor")) {
        result.put(name, sentValue);
      } else if (sentValue != null) {
        result.put(name, sentValue);
      }
    }
    return result;
  }

  /**
   * TiCDC's validate-and-adjust of a config against its sink URI (pingcap/tiflow
   * pkg/config/replica_config.go ValidateAndAdjust; pingcap/tiflow pkg/config/sink.go,
   * cdc/sink/validator/validator.go), in TiCDC's order; returns the adjusted copy.
   */
  static ReplicaConfig validateAndAdjust(
      DomainRules rules, Map<String, Object> input, SinkUri uri) {
    return rules.validation().validateAndAdjust(rules, input, uri);
  }

  /** tiflow's validate-and-adjust ({@link #validateAndAdjust}). */
  @SuppressWarnings("unchecked")
  static ReplicaConfig classicValidateAndAdjust(
      DomainRules rules, Map<String, Object> input, SinkUri uri) {
    ConfigShape shape = rules.shape();
    Map<String, Object> config = shape.copy(input);
    if (config.containsKey("sql_mode")) {
      // never copied back: its zero value ("" in tiflow, nil in the new architecture)
      config.put("sql_mode", shape.replicaConfig.field("sql_mode").type().zero());
    }
    if (Objects.equals(config.get("memory_quota"), 0L)) {
      config.put("memory_quota", 1073741824L);
    }
    if (Boolean.TRUE.equals(config.get("enable_sync_point"))) {
      long interval = nanos(config.get("sync_point_interval"));
      if (interval < 30_000_000_000L) {
        throw CdcError.INVALID_REPLICA_CONFIG.raise(
            "The SyncPointInterval:" + GoDuration.format(interval) + " must be larger than 30s");
      }
      long retention = nanos(config.get("sync_point_retention"));
      if (retention < 3_600_000_000_000L) {
        throw CdcError.INVALID_REPLICA_CONFIG.raise(
            "The SyncPointRetention:"
                + GoDuration.format(retention)
                + " must be larger than 1h0m0s");
      }
    }
    Object stuck = config.get("changefeed_error_stuck_duration");
    if (stuck != null && (Long) stuck < 1_800_000_000_000L) {
      throw CdcError.INVALID_REPLICA_CONFIG.raise(
          String.format(
              java.util.Locale.ROOT,
              "The ChangefeedErrorStuckDuration:%f must be larger than %f Seconds",
              (Long) stuck / 1e9,
              1800.0));
    }
    Map<String, Object> sink = (Map<String, Object>) config.get("sink");
    if (sink == null) {
      sink = shape.sink.zero();
      config.put("sink", sink);
    }
    adjustSink(sink, uri);
    if (rules.togglesOldValueByProtocol()) {
      adjustOldValue(config, sink, uri);
    }
    validateSchemaRegistries(sink);
    validateConsistent((Map<String, Object>) config.get("consistent"));
    Map<String, Object> scheduler = (Map<String, Object>) config.get("scheduler");
    if (scheduler != null && !uri.scheme.contains("kafka") && !uri.isBlackhole()) {
      scheduler.put("enable_table_across_nodes", false);
    }
    Map<String, Object> integrity = (Map<String, Object>) config.get("integrity");
    if (integrity != null) {
      Object check = integrity.get("integrity_check_level");
      Object handle = integrity.get("corruption_handle_level");
      if (!List.of("none", "correctness").contains(check)
          || !List.of("warn", "error").contains(handle)) {
        // Generated without arguments in tiflow, so the raw template is printed (pingcap/tiflow
        // pkg/config/sink.go, cdc/sink/validator/validator.go).
        throw CdcError.INVALID_REPLICA_CONFIG.raise();
      }
      if ("correctness".equals(check) && !uri.scheme.startsWith("kafka")) {
        integrity.put("integrity_check_level", "none");
      }
    }
    return new ReplicaConfig(shape, config);
  }

  static void adjustSink(Map<String, Object> sink, SinkUri uri) {
    String uriProtocol = uri.queryParameter("protocol");
    Object configProtocol = sink.get("protocol");
    if (uri.isMySqlCompatible()) {
      String protocol = uriProtocol != null ? uriProtocol : (String) configProtocol;
      if (protocol != null && !protocol.isEmpty()) {
        throw CdcError.SINK_URI_INVALID.raise(
            "protocol " + protocol + " is incompatible with " + uri.scheme + " scheme");
      }
    } else {
      if (uriProtocol != null) {
        sink.put("protocol", uriProtocol);
      }
      if (uri.isMq() || uri.isStorage()) {
        String protocol = sink.get("protocol") == null ? "" : (String) sink.get("protocol");
        if (!isKnownProtocol(protocol)) {
          throw CdcError.SINK_UNKNOWN_PROTOCOL.raise(protocol);
        }
      }
    }
    String atomicity = uri.queryParameter("transaction-atomicity");
    if (atomicity != null) {
      sink.put("transaction_atomicity", atomicity);
    }
    Object configured = sink.get("transaction_atomicity");
    if (configured != null) {
      String value = (String) configured;
      if (!List.of("", "none", "table").contains(value)) {
        throw CdcError.SINK_URI_INVALID.raise(
            "unsupported transaction atomicity: " + value + " for " + uri.scheme + " scheme");
      }
      if (value.equals("table") && uri.isMq()) {
        throw CdcError.SINK_URI_INVALID.raise(
            "table level atomicity is not supported by " + uri.scheme + " scheme");
      }
    }
    Object concurrency = sink.get("encoder_concurrency");
    if (concurrency != null && (Long) concurrency < 0) {
      throw CdcError.SINK_INVALID_CONFIG.raiseWithMessage(
          CdcError.SINK_INVALID_CONFIG.template()
              + ": encoder-concurrency should greater than 0, but got "
              + concurrency);
    }
    if (uri.isMySqlCompatible()) {
      return; // tiflow's SinkConfig.validateAndAdjust returns early for MySQL (pingcap/tiflow
      // pkg/config/replica_config.go ValidateAndAdjust)
    }
    if (sink.get("terminator") == null) {
      sink.put("terminator", "\r\n");
    }
    if (sink.containsKey("advance_timeout")) {
      Object advance = sink.get("advance_timeout");
      if (advance == null || (Long) advance == 0L) {
        sink.put("advance_timeout", 150L);
      }
    }
    if (uri.isStorage()) {
      Object width = sink.get("file_index_width");
      if (width == null || (Long) width < 6 || (Long) width > 20) {
        sink.put("file_index_width", 20L);
      }
      Object separator = sink.get("date_separator");
      if (separator != null
          && !List.of("none", "year", "month", "day")
              .contains(((String) separator).toLowerCase(java.util.Locale.ROOT))) {
        throw CdcException.of(
            "CDC:ErrStorageSinkInvalidDateSeparator", "date separator in storage sink is invalid");
      }
      validateCsv(sink);
    }
  }

  /**
   * tiflow's {@code CSVConfig.validateAndAdjust} for storage sinks (pingcap/tiflow
   * pkg/config/sink.go, cdc/sink/validator/validator.go).
   */
  @SuppressWarnings("unchecked")
  private static void validateCsv(Map<String, Object> sink) {
    Map<String, Object> csv = (Map<String, Object>) sink.get("csv");
    if ("csv".equalsIgnoreCase(String.valueOf(sink.get("protocol")))
        && Boolean.TRUE.equals(sink.get("delete_only_output_handle_key_columns"))) {
      throw CdcError.SINK_INVALID_CONFIG.wrap(
          "CSV protocol always output all columns for the delete event, do not set"
              + " `delete-only-output-handle-key-columns` to true");
    }
    if (csv == null) {
      return;
    }
    String quote = (String) csv.get("quote");
    String delimiter = (String) csv.get("delimiter");
    if (quote.length() > 1) {
      throw CdcError.SINK_INVALID_CONFIG.wrap("csv config quote contains more than one character");
    }
    if (quote.equals("\r") || quote.equals("\n")) {
      throw CdcError.SINK_INVALID_CONFIG.wrap("csv config quote cannot be line break character");
    }
    if (delimiter.isEmpty()) {
      throw CdcError.SINK_INVALID_CONFIG.wrap("csv config delimiter cannot be empty");
    }
    if (delimiter.length() > 3) {
      throw CdcError.SINK_INVALID_CONFIG.wrap(
          "csv config delimiter contains more than three characters, note that escape sequences"
              + " can only be used in double quotes in toml configuration items.");
    }
    if (delimiter.contains("\r") || delimiter.contains("\n")) {
      throw CdcError.SINK_INVALID_CONFIG.wrap(
          "csv config delimiter contains line break characters");
    }
    if (!quote.isEmpty() && delimiter.contains(quote)) {
      throw CdcError.SINK_INVALID_CONFIG.wrap(
          "csv config quote and delimiter has common characters which is not allowed");
    }
    Object encoding = csv.get("binary_encoding_method");
    if (!"hex".equals(encoding) && !"base64".equals(encoding)) {
      throw CdcError.SINK_INVALID_CONFIG.wrap(
          "csv config binary-encoding-method can only be hex or base64");
    }
  }

  /**
   * v7.3: the URI's protocol decides {@code enable_old_value}; a MySQL sink that replicates without
   * old values cannot force-replicate (pingcap/tiflow pkg/config/replica_config.go).
   */
  private static void adjustOldValue(
      Map<String, Object> config, Map<String, Object> sink, SinkUri uri) {
    String protocol = sink.get("protocol") == null ? "" : (String) sink.get("protocol");
    switch (protocol.toLowerCase(java.util.Locale.ROOT)) {
      case "canal", "canal-json", "maxwell" -> config.put("enable_old_value", true);
      case "avro", "csv" -> config.put("enable_old_value", false);
      default -> {}
    }
    if (uri.isMySqlCompatible()
        && Boolean.TRUE.equals(config.get("force_replicate"))
        && Boolean.FALSE.equals(config.get("enable_old_value"))) {
      throw CdcException.of(
          "CDC:ErrIncompatibleConfig",
          "incompatible configuration in sink uri and config file,"
              + " force replicate requires old value");
    }
  }

  /**
   * Avro's schema registry and AWS Glue's are exclusive, and a Glue registry needs a name and a
   * region (pingcap/tiflow cdc/api/v2/model.go; pingcap/tiflow pkg/config/sink.go,
   * cdc/sink/validator/validator.go).
   */
  @SuppressWarnings("unchecked")
  static void validateSchemaRegistries(Map<String, Object> sink) {
    Map<String, Object> kafka = (Map<String, Object>) sink.get("kafka_config");
    Map<String, Object> glue =
        kafka == null ? null : (Map<String, Object>) kafka.get("glue_schema_registry_config");
    if (glue == null) {
      return;
    }
    Object registry = sink.get("schema_registry");
    if (registry != null && !((String) registry).isEmpty()) {
      throw CdcError.INVALID_REPLICA_CONFIG.raise(
          "schema-registry and glue-schema-registry-config cannot be set at the same time");
    }
    for (String required : List.of("registry_name", "region")) {
      Object value = glue.get(required);
      if (value == null || ((String) value).isEmpty()) {
        throw CdcException.of(
            "CDC:ErrInvalidGlueSchemaRegistryConfig",
            "invalid glue schema registry config, " + required + " is required");
      }
    }
  }

  private static void validateConsistent(Map<String, Object> consistent) {
    if (consistent == null || !"eventual".equals(consistent.get("level"))) {
      return;
    }
    for (String key : List.of("flush_interval", "meta_flush_interval")) {
      Object interval = consistent.get(key);
      if (interval == null || (Long) interval == 0L) {
        consistent.put(key, key.equals("flush_interval") ? 2000L : 200L);
      } else if ((Long) interval < 50) {
        throw CdcError.INVALID_REPLICA_CONFIG.raise(
            "The consistent." + key.replace("_", "-") + ":" + interval + " must be larger than 50");
      }
    }
    Object compression = consistent.get("compression");
    if (compression != null && !List.of("", "none", "lz4").contains(compression)) {
      throw CdcError.INVALID_REPLICA_CONFIG.raise(
          "The consistent.compression:" + compression + " must be 'none' or 'lz4'");
    }
  }

  static boolean isKnownProtocol(String protocol) {
    String lower = protocol.toLowerCase(java.util.Locale.ROOT);
    return !lower.isEmpty() && List.of(DEFAULT_PROTOCOLS.split(" ")).contains(lower);
  }

  private static long nanos(Object duration) {
    return duration == null ? 0 : (Long) duration;
  }

  // ---- pruning on load (pingcap/tiflow cdc/model/changefeed.go RmUnusedFields)
  // ---------------------------------------------------

  /**
   * The config as the owner holds it after loading it from etcd: sections irrelevant to the sink
   * type removed, except for {@code blackhole://} (pingcap/tiflow cdc/model/changefeed.go
   * RmUnusedFields).
   */
  @SuppressWarnings("unchecked")
  ReplicaConfig prunedFor(SinkUri uri, DomainRules rules) {
    if (uri.isBlackhole() && !rules.prunesBlackholeConfig()) {
      return this;
    }
    Map<String, Object> config = shape.copy(value);
    Map<String, Object> sink = (Map<String, Object>) config.get("sink");
    if (sink != null) {
      if (!uri.isMq()) {
        for (String key :
            List.of(
                "dispatchers",
                "schema_registry",
                "encoder_concurrency",
                "enable_kafka_sink_v2",
                "only_output_updated_columns",
                "kafka_config",
                "delete_only_output_handle_key_columns",
                "content_compatible")) {
          if (sink.containsKey(key)) {
            sink.put(key, null);
          }
        }
      } else if (!"avro".equals(sink.get("protocol"))) {
        sink.put("schema_registry", null);
      }
      if (!uri.isStorage()) {
        for (String key :
            List.of(
                "csv",
                "date_separator",
                "enable_partition_separator",
                "file_index_width",
                "cloud_storage_config")) {
          if (sink.containsKey(key)) {
            sink.put(key, null);
          }
        }
      }
      if (!uri.isMySqlCompatible()) {
        sink.put("safe_mode", null);
        sink.put("mysql_config", null);
      } else {
        sink.put("protocol", null);
        sink.put("terminator", null);
      }
    }
    if (!uri.isMySqlCompatible()) {
      for (String key :
          List.of(
              "enable_sync_point",
              "bdr_mode",
              "sync_point_interval",
              "sync_point_retention",
              "consistent")) {
        config.put(key, null);
      }
    }
    return new ReplicaConfig(shape, config);
  }

  // ---- equality -------------------------------------------------------------------------------

  @Override
  public boolean equals(Object other) {
    return other instanceof ReplicaConfig that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "ReplicaConfig" + toMap();
  }

  /** Wraps the containers {@link GoType#render} just built, in place: they are already copies. */
  @SuppressWarnings("unchecked")
  private static Object deepUnmodifiable(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> rendered = (Map<String, Object>) map;
      rendered.replaceAll((k, v) -> deepUnmodifiable(v));
      return Collections.unmodifiableMap(rendered);
    }
    if (value instanceof List<?> list) {
      List<Object> rendered = (List<Object>) list;
      rendered.replaceAll(ReplicaConfig::deepUnmodifiable);
      return Collections.unmodifiableList(rendered);
    }
    return value;
  }
}
