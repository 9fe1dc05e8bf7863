package io.github.ticdcfake.cluster;

import static io.github.ticdcfake.cluster.GoType.BOOL;
import static io.github.ticdcfake.cluster.GoType.DURATION;
import static io.github.ticdcfake.cluster.GoType.INT;
import static io.github.ticdcfake.cluster.GoType.INT32;
import static io.github.ticdcfake.cluster.GoType.INT64;
import static io.github.ticdcfake.cluster.GoType.STRING;
import static io.github.ticdcfake.cluster.GoType.UINT;
import static io.github.ticdcfake.cluster.GoType.UINT64;
import static io.github.ticdcfake.cluster.GoType.field;
import static io.github.ticdcfake.cluster.GoType.omitempty;
import static io.github.ticdcfake.cluster.GoType.ptr;
import static io.github.ticdcfake.cluster.GoType.slice;
import static io.github.ticdcfake.cluster.GoType.struct;

import io.github.ticdcfake.cluster.GoType.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of TiCDC's v2 request bodies and {@code ReplicaConfig} (tiflow HEAD {@code
 * cdc/api/v2/model.go}, pingcap/tiflow cdc/api/v2/model.go–pingcap/tiflow cdc/api/v2/model.go), and
 * the server's default config (pingcap/tiflow pkg/config/replica_config.go).
 */
final class ReplicaConfigSchema {
  private ReplicaConfigSchema() {}

  static final Struct FILTER_RULE =
      struct(
          "v2.EventFilterRule",
          field("matcher", slice(STRING)),
          field("ignore_event", slice(STRING)),
          field("ignore_sql", slice(STRING)),
          field("ignore_insert_value_expr", STRING),
          field("ignore_update_new_value_expr", STRING),
          field("ignore_update_old_value_expr", STRING),
          field("ignore_delete_value_expr", STRING));

  static final Struct FILTER =
      struct(
          "v2.FilterConfig",
          omitempty("rules", slice(STRING)),
          omitempty("ignore_txn_start_ts", slice(UINT64)),
          omitempty("event_filters", slice(FILTER_RULE)));

  static final Struct MOUNTER = struct("v2.MounterConfig", field("worker_num", INT));

  static final Struct CSV =
      struct(
          "v2.CSVConfig",
          field("delimiter", STRING),
          field("quote", STRING),
          field("null", STRING),
          field("include_commit_ts", BOOL),
          field("binary_encoding_method", STRING),
          field("output_old_value", BOOL),
          field("output_handle_key", BOOL),
          field("output_field_header", BOOL));

  static final Struct DISPATCH_RULE =
      struct(
          "v2.DispatchRule",
          omitempty("matcher", slice(STRING)),
          omitempty("partition", STRING),
          omitempty("index", STRING),
          omitempty("columns", slice(STRING)),
          omitempty("topic", STRING));

  static final Struct COLUMN_SELECTOR =
      struct(
          "v2.ColumnSelector",
          omitempty("matcher", slice(STRING)),
          omitempty("columns", slice(STRING)));

  static final Struct CODEC =
      struct(
          "v2.CodecConfig",
          omitempty("enable_tidb_extension", ptr(BOOL)),
          omitempty("max_batch_size", ptr(INT)),
          omitempty("avro_enable_watermark", ptr(BOOL)),
          omitempty("avro_decimal_handling_mode", ptr(STRING)),
          omitempty("avro_bigint_unsigned_handling_mode", ptr(STRING)),
          omitempty("encoding_format", ptr(STRING)));

  static final Struct LARGE_MESSAGE =
      struct(
          "v2.LargeMessageHandleConfig",
          field("large_message_handle_option", STRING),
          field("large_message_handle_compression", STRING),
          field("claim_check_storage_uri", STRING),
          field("claim_check_raw_value", BOOL));

  static final Struct GLUE =
      struct(
          "v2.GlueSchemaRegistryConfig",
          omitempty("registry_name", STRING),
          omitempty("region", STRING),
          omitempty("access_key", STRING),
          omitempty("secret_access_key", STRING),
          omitempty("token", STRING));

  static final Struct KAFKA =
      struct(
          "v2.KafkaConfig",
          omitempty("partition_num", ptr(INT32)),
          omitempty("replication_factor", ptr(INT)),
          omitempty("kafka_version", ptr(STRING)),
          omitempty("max_message_bytes", ptr(INT)),
          omitempty("compression", ptr(STRING)),
          omitempty("kafka_client_id", ptr(STRING)),
          omitempty("auto_create_topic", ptr(BOOL)),
          omitempty("dial_timeout", ptr(STRING)),
          omitempty("write_timeout", ptr(STRING)),
          omitempty("read_timeout", ptr(STRING)),
          omitempty("required_acks", ptr(INT)),
          omitempty("sasl_user", ptr(STRING)),
          omitempty("sasl_password", ptr(STRING)),
          omitempty("sasl_mechanism", ptr(STRING)),
          omitempty("sasl_gssapi_auth_type", ptr(STRING)),
          omitempty("sasl_gssapi_keytab_path", ptr(STRING)),
          omitempty("sasl_gssapi_kerberos_config_path", ptr(STRING)),
          omitempty("sasl_gssapi_service_name", ptr(STRING)),
          omitempty("sasl_gssapi_user", ptr(STRING)),
          omitempty("sasl_gssapi_password", ptr(STRING)),
          omitempty("sasl_gssapi_realm", ptr(STRING)),
          omitempty("sasl_gssapi_disable_pafxfast", ptr(BOOL)),
          omitempty("sasl_oauth_client_id", ptr(STRING)),
          omitempty("sasl_oauth_client_secret", ptr(STRING)),
          omitempty("sasl_oauth_token_url", ptr(STRING)),
          omitempty("sasl_oauth_scopes", slice(STRING)),
          omitempty("sasl_oauth_grant_type", ptr(STRING)),
          omitempty("sasl_oauth_audience", ptr(STRING)),
          omitempty("enable_tls", ptr(BOOL)),
          omitempty("ca", ptr(STRING)),
          omitempty("cert", ptr(STRING)),
          omitempty("key", ptr(STRING)),
          omitempty("insecure_skip_verify", ptr(BOOL)),
          omitempty("codec_config", ptr(CODEC)),
          omitempty("large_message_handle", ptr(LARGE_MESSAGE)),
          omitempty("glue_schema_registry_config", ptr(GLUE)),
          omitempty("output_raw_change_event", ptr(BOOL)));

  static final Struct PULSAR_OAUTH2 =
      struct(
          "v2.PulsarOAuth2",
          omitempty("oauth2-issuer-url", STRING),
          omitempty("oauth2-audience", STRING),
          omitempty("oauth2-private-key", STRING),
          omitempty("oauth2-client-id", STRING),
          omitempty("oauth2-scope", STRING));

  static final Struct PULSAR =
      struct(
          "v2.PulsarConfig",
          omitempty("tls-certificate-path", ptr(STRING)),
          omitempty("tls-private-key-path", ptr(STRING)),
          omitempty("tls-trust-certs-file-path", ptr(STRING)),
          omitempty("pulsar-producer-cache-size", ptr(INT32)),
          omitempty("pulsar-version", ptr(STRING)),
          omitempty("compression-type", ptr(STRING)),
          omitempty("authentication-token", ptr(STRING)),
          omitempty("connection-timeout", ptr(INT)),
          omitempty("operation-timeout", ptr(INT)),
          omitempty("batching-max-messages", ptr(UINT)),
          omitempty("batching-max-publish-delay", ptr(INT64)),
          omitempty("send-timeout", ptr(INT)),
          omitempty("token-from-file", ptr(STRING)),
          omitempty("basic-user-name", ptr(STRING)),
          omitempty("basic-password", ptr(STRING)),
          omitempty("auth-tls-certificate-path", ptr(STRING)),
          omitempty("auth-tls-private-key-path", ptr(STRING)),
          omitempty("oauth2", ptr(PULSAR_OAUTH2)),
          omitempty("output-raw-change-event", ptr(BOOL)));

  static final Struct MYSQL =
      struct(
          "v2.MySQLConfig",
          omitempty("worker_count", ptr(INT)),
          omitempty("max_txn_row", ptr(INT)),
          omitempty("max_multi_update_row_size", ptr(INT)),
          omitempty("max_multi_update_row_count", ptr(INT)),
          omitempty("tidb_txn_mode", ptr(STRING)),
          omitempty("ssl_ca", ptr(STRING)),
          omitempty("ssl_cert", ptr(STRING)),
          omitempty("ssl_key", ptr(STRING)),
          omitempty("time_zone", ptr(STRING)),
          omitempty("write_timeout", ptr(STRING)),
          omitempty("read_timeout", ptr(STRING)),
          omitempty("timeout", ptr(STRING)),
          omitempty("enable_batch_dml", ptr(BOOL)),
          omitempty("enable_multi_statement", ptr(BOOL)),
          omitempty("enable_cache_prepared_statement", ptr(BOOL)));

  static final Struct CLOUD_STORAGE =
      struct(
          "v2.CloudStorageConfig",
          omitempty("worker_count", ptr(INT)),
          omitempty("flush_interval", ptr(STRING)),
          omitempty("file_size", ptr(INT)),
          omitempty("output_column_id", ptr(BOOL)),
          omitempty("file_expiration_days", ptr(INT)),
          omitempty("file_cleanup_cron_spec", ptr(STRING)),
          omitempty("flush_concurrency", ptr(INT)),
          omitempty("output_raw_change_event", ptr(BOOL)));

  static final Struct OUTPUT_OLD_VALUE =
      struct("v2.DebeziumConfig", field("output_old_value", BOOL));

  static final Struct OPEN_PROTOCOL =
      struct("v2.OpenProtocolConfig", field("output_old_value", BOOL));

  static final Struct SINK =
      struct(
          "v2.SinkConfig",
          omitempty("protocol", ptr(STRING)),
          omitempty("schema_registry", ptr(STRING)),
          omitempty("csv", ptr(CSV)),
          omitempty("dispatchers", slice(DISPATCH_RULE)),
          omitempty("column_selectors", slice(COLUMN_SELECTOR)),
          omitempty("transaction_atomicity", ptr(STRING)),
          omitempty("encoder_concurrency", ptr(INT)),
          omitempty("terminator", ptr(STRING)),
          omitempty("date_separator", ptr(STRING)),
          omitempty("enable_partition_separator", ptr(BOOL)),
          omitempty("file_index_width", ptr(INT)),
          omitempty("enable_kafka_sink_v2", ptr(BOOL)),
          omitempty("only_output_updated_columns", ptr(BOOL)),
          field("delete_only_output_handle_key_columns", ptr(BOOL)),
          field("content_compatible", ptr(BOOL)),
          omitempty("safe_mode", ptr(BOOL)),
          omitempty("kafka_config", ptr(KAFKA)),
          omitempty("pulsar_config", ptr(PULSAR)),
          omitempty("mysql_config", ptr(MYSQL)),
          omitempty("cloud_storage_config", ptr(CLOUD_STORAGE)),
          omitempty("advance_timeout", ptr(UINT)),
          omitempty("send_bootstrap_interval_in_sec", ptr(INT64)),
          omitempty("send_bootstrap_in_msg_count", ptr(INT32)),
          omitempty("send_bootstrap_to_all_partition", ptr(BOOL)),
          omitempty("send-all-bootstrap-at-start", ptr(BOOL)),
          omitempty("debezium_disable_schema", ptr(BOOL)),
          omitempty("debezium", ptr(OUTPUT_OLD_VALUE)),
          omitempty("open", ptr(OPEN_PROTOCOL)));

  static final Struct MEMORY_USAGE =
      struct("v2.ConsistentMemoryUsage", field("memory_quota_percentage", UINT64));

  static final Struct CONSISTENT =
      struct(
          "v2.ConsistentConfig",
          omitempty("level", STRING),
          field("max_log_size", INT64),
          field("flush_interval", INT64),
          field("meta_flush_interval", INT64),
          field("encoding_worker_num", INT),
          field("flush_worker_num", INT),
          omitempty("storage", STRING),
          field("use_file_backend", BOOL),
          omitempty("compression", STRING),
          omitempty("flush_concurrency", INT),
          field("memory_usage", ptr(MEMORY_USAGE)));

  static final Struct SCHEDULER =
      struct(
          "v2.ChangefeedSchedulerConfig",
          field("enable_table_across_nodes", BOOL),
          field("region_threshold", INT),
          field("write_key_threshold", INT));

  static final Struct INTEGRITY =
      struct(
          "v2.IntegrityConfig",
          field("integrity_check_level", STRING),
          field("corruption_handle_level", STRING));

  static final Struct SYNCED_STATUS =
      struct(
          "v2.SyncedStatusConfig",
          field("synced_check_interval", INT64),
          field("checkpoint_interval", INT64));

  static final Struct REPLICA_CONFIG =
      struct(
          "v2.ReplicaConfig",
          field("memory_quota", UINT64),
          field("case_sensitive", BOOL),
          field("force_replicate", BOOL),
          field("ignore_ineligible_table", BOOL),
          field("check_gc_safe_point", BOOL),
          omitempty("enable_sync_point", ptr(BOOL)),
          omitempty("enable_table_monitor", ptr(BOOL)),
          omitempty("bdr_mode", ptr(BOOL)),
          omitempty("sync_point_interval", ptr(DURATION)),
          omitempty("sync_point_retention", ptr(DURATION)),
          field("filter", ptr(FILTER)),
          field("mounter", ptr(MOUNTER)),
          field("sink", ptr(SINK)),
          omitempty("consistent", ptr(CONSISTENT)),
          field("scheduler", ptr(SCHEDULER)),
          field("integrity", ptr(INTEGRITY)),
          omitempty("changefeed_error_stuck_duration", ptr(DURATION)),
          omitempty("synced_status", ptr(SYNCED_STATUS)),
          // Deprecated: accepted on input, never copied anywhere (pingcap/tiflow
          // cdc/api/v2/model.go).
          omitempty("sql_mode", STRING));

  private static List<GoType.Field> withPdConfig(GoType.Field... own) {
    List<GoType.Field> fields = new ArrayList<>(List.of(own));
    fields.add(omitempty("pd_addrs", slice(STRING)));
    fields.add(field("ca_path", STRING));
    fields.add(field("cert_path", STRING));
    fields.add(field("key_path", STRING));
    fields.add(omitempty("cert_allowed_cn", slice(STRING)));
    return fields;
  }

  /** {@code ChangefeedConfig}: the create, update and synced body. */
  static final Struct CHANGEFEED_CONFIG =
      struct(
          "v2.ChangefeedConfig",
          withPdConfig(
              field("namespace", STRING),
              field("changefeed_id", STRING),
              field("start_ts", UINT64),
              field("target_ts", UINT64),
              field("sink_uri", STRING),
              field("replica_config", ptr(REPLICA_CONFIG))));

  /** {@code ResumeChangefeedConfig}. */
  static final Struct RESUME_CONFIG =
      struct("v2.ResumeChangefeedConfig", withPdConfig(field("overwrite_checkpoint_ts", UINT64)));

  /** {@code LogLevelReq}. */
  static final Struct LOG_LEVEL_REQ = struct("v2.LogLevelReq", field("log_level", STRING));

  /** {@code UpstreamConfig} (tso, service GC safepoint). */
  static final Struct UPSTREAM_CONFIG =
      struct("v2.UpstreamConfig", withPdConfig(field("id", UINT64)));

  /** {@code ResolveLockReq}. */
  static final Struct RESOLVE_LOCK_REQ =
      struct(
          "v2.ResolveLockReq",
          withPdConfig(omitempty("region_id", UINT64), omitempty("ts", UINT64)));

  /** {@code VerifyTableConfig}. */
  static final Struct VERIFY_TABLE_CONFIG =
      struct(
          "v2.VerifyTableConfig",
          withPdConfig(
              field("replica_config", ptr(REPLICA_CONFIG)),
              field("start_ts", UINT64),
              field("sink_uri", STRING)));

  // ---- tiflow v7.3.0 shapes (pingcap/tiflow pkg/config/replica_config.go; pingcap/tiflow
  // cdc/api/v2@v7.3.0) ---------------------------------------------

  static GoType.Struct without(GoType.Struct base, String... names) {
    java.util.List<String> drop = List.of(names);
    return struct(base.name, base.fields.stream().filter(f -> !drop.contains(f.json())).toList());
  }

  static GoType.Struct replace(GoType.Struct base, String name, GoType type) {
    return struct(
        base.name,
        base.fields.stream()
            .map(f -> f.json().equals(name) ? new GoType.Field(name, type, f.omitempty()) : f)
            .toList());
  }

  static GoType.Struct insertAfter(GoType.Struct base, String after, GoType.Field field) {
    List<GoType.Field> fields = new ArrayList<>();
    for (GoType.Field f : base.fields) {
      fields.add(f);
      if (f.json().equals(after)) {
        fields.add(field);
      }
    }
    return struct(base.name, fields);
  }

  static final Struct FILTER_TABLE =
      struct("v2.TableName", field("database_name", STRING), field("table_name", STRING));

  static final Struct FILTER_V73 =
      struct(
          "v2.FilterConfig",
          omitempty("rules", slice(STRING)),
          omitempty("ignore_txn_start_ts", slice(UINT64)),
          omitempty("event_filters", slice(FILTER_RULE)),
          omitempty("do_tables", slice(FILTER_TABLE)),
          omitempty("do_dbs", slice(STRING)),
          omitempty("ignore_tables", slice(FILTER_TABLE)),
          omitempty("ignore_dbs", slice(STRING)));

  static final Struct CSV_V73 =
      without(CSV, "output_old_value", "output_handle_key", "output_field_header");

  static final Struct DISPATCH_RULE_V73 =
      struct(
          "v2.DispatchRule",
          omitempty("matcher", slice(STRING)),
          field("partition", STRING),
          field("topic", STRING));

  static final Struct LARGE_MESSAGE_V73 =
      struct(
          "v2.LargeMessageHandleConfig",
          field("large_message_handle_option", STRING),
          field("claim_check_storage_uri", STRING),
          field("claim_check_compression", STRING));

  static final Struct KAFKA_V73 =
      replace(
          replace(
              without(KAFKA, "glue_schema_registry_config", "output_raw_change_event"),
              "codec_config",
              ptr(without(CODEC, "encoding_format"))),
          "large_message_handle",
          ptr(LARGE_MESSAGE_V73));

  static final Struct CLOUD_STORAGE_V73 =
      without(
          CLOUD_STORAGE,
          "file_expiration_days",
          "file_cleanup_cron_spec",
          "flush_concurrency",
          "output_raw_change_event");

  static final Struct SINK_V73 =
      replace(
          replace(
              replace(
                  replace(
                      without(
                          SINK,
                          "content_compatible",
                          "pulsar_config",
                          "advance_timeout",
                          "send_bootstrap_interval_in_sec",
                          "send_bootstrap_in_msg_count",
                          "send_bootstrap_to_all_partition",
                          "send-all-bootstrap-at-start",
                          "debezium_disable_schema",
                          "debezium",
                          "open"),
                      "csv",
                      ptr(CSV_V73)),
                  "dispatchers",
                  slice(DISPATCH_RULE_V73)),
              "kafka_config",
              ptr(KAFKA_V73)),
          "cloud_storage_config",
          ptr(CLOUD_STORAGE_V73));

  static final Struct CONSISTENT_V73 =
      struct(
          "v2.ConsistentConfig",
          omitempty("level", STRING),
          field("max_log_size", INT64),
          field("flush_interval", INT64),
          omitempty("storage", STRING),
          field("use_file_backend", BOOL));

  static final Struct REPLICA_CONFIG_V73 =
      replace(
          replace(
              replace(
                  insertAfter(
                      without(
                          REPLICA_CONFIG,
                          "enable_table_monitor",
                          "changefeed_error_stuck_duration",
                          "synced_status",
                          "sql_mode"),
                      "case_sensitive",
                      field("enable_old_value", BOOL)),
                  "filter",
                  ptr(FILTER_V73)),
              "sink",
              ptr(SINK_V73)),
          "consistent",
          ptr(CONSISTENT_V73));

  /** v7.3.0's full default (pingcap/tiflow pkg/config/replica_config.go). */
  static Map<String, Object> defaultsV73() {
    Map<String, Object> config = REPLICA_CONFIG_V73.zero();
    Map<String, Object> head = defaults();
    for (String key : config.keySet()) {
      if (head.containsKey(key)) {
        config.put(key, head.get(key));
      }
    }
    config.put("case_sensitive", true);
    config.put("enable_old_value", true);
    Map<String, Object> sink = SINK_V73.zero();
    Map<String, Object> headSink = defaultSink();
    for (String key : sink.keySet()) {
      sink.put(key, headSink.get(key));
    }
    Map<String, Object> csv = CSV_V73.zero();
    @SuppressWarnings("unchecked")
    Map<String, Object> headCsv = (Map<String, Object>) headSink.get("csv");
    csv.keySet().forEach(k -> csv.put(k, headCsv.get(k)));
    sink.put("csv", csv);
    sink.put("encoder_concurrency", 16L);
    config.put("sink", sink);
    Map<String, Object> consistent = CONSISTENT_V73.zero();
    consistent.put("level", "none");
    consistent.put("max_log_size", 64L);
    consistent.put("flush_interval", 2000L);
    config.put("consistent", consistent);
    return config;
  }

  // ---- defaults (pingcap/tiflow pkg/config/replica_config.go)
  // ----------------------------------------------------------------

  /** The full default {@code replica_config} of tiflow HEAD, as a fresh mutable struct value. */
  static Map<String, Object> defaults() {
    Map<String, Object> config = REPLICA_CONFIG.zero();
    config.put("memory_quota", 1073741824L);
    config.put("case_sensitive", false);
    config.put("force_replicate", false);
    config.put("ignore_ineligible_table", false);
    config.put("check_gc_safe_point", true);
    config.put("enable_sync_point", false);
    config.put("enable_table_monitor", false);
    config.put("bdr_mode", false);
    config.put("sync_point_interval", 600_000_000_000L);
    config.put("sync_point_retention", 86_400_000_000_000L);
    config.put("filter", defaultFilter());
    Map<String, Object> mounter = MOUNTER.zero();
    mounter.put("worker_num", 16L);
    config.put("mounter", mounter);
    config.put("sink", defaultSink());
    config.put("consistent", defaultConsistent());
    Map<String, Object> scheduler = SCHEDULER.zero();
    scheduler.put("region_threshold", 100000L);
    config.put("scheduler", scheduler);
    config.put("integrity", defaultIntegrity());
    config.put("changefeed_error_stuck_duration", 1_800_000_000_000L);
    Map<String, Object> synced = SYNCED_STATUS.zero();
    synced.put("synced_check_interval", 300L);
    synced.put("checkpoint_interval", 15L);
    config.put("synced_status", synced);
    return config;
  }

  static Map<String, Object> defaultFilter() {
    Map<String, Object> filter = FILTER.zero();
    filter.put("rules", new ArrayList<>(List.of("*.*")));
    return filter;
  }

  static Map<String, Object> defaultIntegrity() {
    Map<String, Object> integrity = INTEGRITY.zero();
    integrity.put("integrity_check_level", "none");
    integrity.put("corruption_handle_level", "warn");
    return integrity;
  }

  static Map<String, Object> defaultConsistent() {
    Map<String, Object> consistent = CONSISTENT.zero();
    consistent.put("level", "none");
    consistent.put("max_log_size", 64L);
    consistent.put("flush_interval", 2000L);
    consistent.put("meta_flush_interval", 200L);
    consistent.put("encoding_worker_num", 16L);
    consistent.put("flush_worker_num", 8L);
    consistent.put("use_file_backend", false);
    Map<String, Object> memory = MEMORY_USAGE.zero();
    memory.put("memory_quota_percentage", 50L);
    consistent.put("memory_usage", memory);
    return consistent;
  }

  static Map<String, Object> defaultSink() {
    Map<String, Object> sink = SINK.zero();
    Map<String, Object> csv = CSV.zero();
    csv.put("delimiter", ",");
    csv.put("quote", "\"");
    csv.put("null", "\\N");
    csv.put("binary_encoding_method", "base64");
    sink.put("csv", csv);
    sink.put("encoder_concurrency", 32L);
    sink.put("terminator", "\r\n");
    sink.put("date_separator", "day");
    sink.put("enable_partition_separator", true);
    sink.put("enable_kafka_sink_v2", false);
    sink.put("only_output_updated_columns", false);
    sink.put("delete_only_output_handle_key_columns", false);
    sink.put("content_compatible", false);
    sink.put("advance_timeout", 150L);
    sink.put("send_bootstrap_interval_in_sec", 120L);
    sink.put("send_bootstrap_in_msg_count", 10000L);
    sink.put("send_bootstrap_to_all_partition", true);
    sink.put("send-all-bootstrap-at-start", false);
    sink.put("debezium_disable_schema", false);
    Map<String, Object> debezium = OUTPUT_OLD_VALUE.zero();
    debezium.put("output_old_value", true);
    sink.put("debezium", debezium);
    Map<String, Object> open = OPEN_PROTOCOL.zero();
    open.put("output_old_value", true);
    sink.put("open", open);
    return sink;
  }

  static Map<String, Object> copy(Map<String, Object> config) {
    return GoType.copyStruct(REPLICA_CONFIG, config);
  }

  static Map<String, Object> emptyRequest(Struct type) {
    return new LinkedHashMap<>(type.zero());
  }
}
