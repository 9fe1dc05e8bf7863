package io.github.ticdcfake.cluster;

import static io.github.ticdcfake.cluster.GoType.BOOL;
import static io.github.ticdcfake.cluster.GoType.DURATION;
import static io.github.ticdcfake.cluster.GoType.FLOAT64;
import static io.github.ticdcfake.cluster.GoType.INT;
import static io.github.ticdcfake.cluster.GoType.INT64;
import static io.github.ticdcfake.cluster.GoType.STRING;
import static io.github.ticdcfake.cluster.GoType.UINT64;
import static io.github.ticdcfake.cluster.GoType.omitempty;
import static io.github.ticdcfake.cluster.GoType.ptr;
import static io.github.ticdcfake.cluster.GoType.struct;

import io.github.ticdcfake.cluster.GoType.Struct;
import java.util.Map;

/**
 * The new architecture's {@code ReplicaConfig} shapes and default config (pingcap/ticdc {@code
 * api/v2/model.go@v26.3.4}), built on tiflow's shapes in {@link ReplicaConfigSchema} where they
 * agree.
 */
final class NewArchConfigSchema {
  private NewArchConfigSchema() {}

  /** {@code SinkConfig}: as tiflow's but without {@code enable_kafka_sink_v2} in any output. */
  static final Struct SINK_NEWARCH =
      ReplicaConfigSchema.without(ReplicaConfigSchema.SINK, "enable_kafka_sink_v2");

  /** {@code ConsistentConfig}: every field an omitempty pointer. */
  static final Struct CONSISTENT_NEWARCH =
      struct(
          "v2.ConsistentConfig",
          omitempty("level", ptr(STRING)),
          omitempty("max_log_size", ptr(INT64)),
          omitempty("flush_interval", ptr(INT64)),
          omitempty("meta_flush_interval", ptr(INT64)),
          omitempty("encoding_worker_num", ptr(INT)),
          omitempty("flush_worker_num", ptr(INT)),
          omitempty("storage", ptr(STRING)),
          omitempty("use_file_backend", ptr(BOOL)),
          omitempty("compression", ptr(STRING)),
          omitempty("flush_concurrency", ptr(INT)),
          omitempty("memory_usage", ptr(ReplicaConfigSchema.MEMORY_USAGE)));

  /** {@code ChangefeedSchedulerConfig}: eleven omitempty pointers. */
  static final Struct SCHEDULER_NEWARCH =
      struct(
          "v2.ChangefeedSchedulerConfig",
          omitempty("enable_table_across_nodes", ptr(BOOL)),
          omitempty("region_threshold", ptr(INT)),
          omitempty("region_count_per_span", ptr(INT)),
          omitempty("region_count_refresh_interval", ptr(INT64)),
          omitempty("write_key_threshold", ptr(INT)),
          omitempty("scheduling_task_count_per_node", ptr(INT)),
          omitempty("enable_splittable_check", ptr(BOOL)),
          omitempty("force_split", ptr(BOOL)),
          omitempty("balance_score_threshold", ptr(INT)),
          omitempty("min_traffic_percentage", ptr(FLOAT64)),
          omitempty("max_traffic_percentage", ptr(FLOAT64)));

  /** {@code MounterConfig}: an omitempty pointer, so an update can tell an omitted key. */
  static final Struct MOUNTER_NEWARCH =
      struct("v2.MounterConfig", omitempty("worker_num", ptr(INT)));

  /** {@code SyncedStatusConfig}: pointers, printed {@code null} when unset. */
  static final Struct SYNCED_STATUS_NEWARCH =
      struct(
          "v2.SyncedStatusConfig",
          GoType.field("synced_check_interval", ptr(INT64)),
          GoType.field("checkpoint_interval", ptr(INT64)));

  /** {@code IntegrityConfig}: omitempty pointers. */
  static final Struct INTEGRITY_NEWARCH =
      struct(
          "v2.IntegrityConfig",
          omitempty("integrity_check_level", ptr(STRING)),
          omitempty("corruption_handle_level", ptr(STRING)));

  /** {@code ReplicaConfig}: every field an omitempty pointer, so unset keys are absent. */
  static final Struct REPLICA_CONFIG_NEWARCH =
      struct(
          "v2.ReplicaConfig",
          omitempty("memory_quota", ptr(UINT64)),
          omitempty("case_sensitive", ptr(BOOL)),
          omitempty("force_replicate", ptr(BOOL)),
          omitempty("ignore_ineligible_table", ptr(BOOL)),
          omitempty("check_gc_safe_point", ptr(BOOL)),
          omitempty("enable_sync_point", ptr(BOOL)),
          omitempty("enable_table_monitor", ptr(BOOL)),
          omitempty("bdr_mode", ptr(BOOL)),
          omitempty("enable_active_active", ptr(BOOL)),
          omitempty("active_active_progress_interval", ptr(DURATION)),
          omitempty("active_active_sync_stats_interval", ptr(DURATION)),
          omitempty("sync_point_interval", ptr(DURATION)),
          omitempty("sync_point_retention", ptr(DURATION)),
          omitempty("filter", ptr(ReplicaConfigSchema.FILTER)),
          omitempty("mounter", ptr(MOUNTER_NEWARCH)),
          omitempty("sink", ptr(SINK_NEWARCH)),
          omitempty("consistent", ptr(CONSISTENT_NEWARCH)),
          omitempty("scheduler", ptr(SCHEDULER_NEWARCH)),
          omitempty("integrity", ptr(INTEGRITY_NEWARCH)),
          omitempty("changefeed_error_stuck_duration", ptr(DURATION)),
          omitempty("synced_status", ptr(SYNCED_STATUS_NEWARCH)),
          // accepted on input, never copied back (pingcap/ticdc api/v2/model.go)
          omitempty("sql_mode", ptr(STRING)));

  /**
   * The new architecture's default config at v26.3.4 (pingcap/ticdc {@code
   * pkg/config/replica_config.go@v26.3.4} defaultReplicaConfig): no {@code force_replicate} nor
   * {@code ignore_ineligible_table}, the active-active keys, redo's empty {@code storage} and
   * {@code compression} printed, eleven scheduler keys with {@code region_threshold} 10000.
   */
  static Map<String, Object> defaultsNewArch() {
    Map<String, Object> head = ReplicaConfigSchema.defaults();
    Map<String, Object> config = REPLICA_CONFIG_NEWARCH.zero();
    config.put("memory_quota", 1073741824L);
    config.put("case_sensitive", false);
    config.put("check_gc_safe_point", true);
    config.put("enable_sync_point", false);
    config.put("enable_table_monitor", false);
    config.put("bdr_mode", false);
    config.put("enable_active_active", false);
    config.put("active_active_progress_interval", 1_800_000_000_000L);
    config.put("active_active_sync_stats_interval", 60_000_000_000L);
    config.put("sync_point_interval", 600_000_000_000L);
    config.put("sync_point_retention", 86_400_000_000_000L);
    config.put("filter", head.get("filter"));
    config.put("mounter", head.get("mounter"));
    @SuppressWarnings("unchecked")
    Map<String, Object> headSink = (Map<String, Object>) head.get("sink");
    Map<String, Object> sink = SINK_NEWARCH.zero();
    sink.keySet().forEach(k -> sink.put(k, headSink.get(k)));
    config.put("sink", sink);
    Map<String, Object> consistent = CONSISTENT_NEWARCH.zero();
    consistent.put("level", "none");
    consistent.put("max_log_size", 64L);
    consistent.put("flush_interval", 2000L);
    consistent.put("meta_flush_interval", 200L);
    consistent.put("encoding_worker_num", 16L);
    consistent.put("flush_worker_num", 8L);
    consistent.put("storage", "");
    consistent.put("use_file_backend", false);
    consistent.put("compression", "");
    Map<String, Object> memory = ReplicaConfigSchema.MEMORY_USAGE.zero();
    memory.put("memory_quota_percentage", 50L);
    consistent.put("memory_usage", memory);
    config.put("consistent", consistent);
    Map<String, Object> scheduler = SCHEDULER_NEWARCH.zero();
    scheduler.put("enable_table_across_nodes", false);
    scheduler.put("region_threshold", 10000L);
    scheduler.put("region_count_per_span", 100L);
    scheduler.put("region_count_refresh_interval", 300_000_000_000L);
    scheduler.put("write_key_threshold", 0L);
    scheduler.put("scheduling_task_count_per_node", 20L);
    scheduler.put("enable_splittable_check", false);
    scheduler.put("force_split", false);
    scheduler.put("balance_score_threshold", 20L);
    scheduler.put("min_traffic_percentage", 0.8d);
    scheduler.put("max_traffic_percentage", 1.25d);
    config.put("scheduler", scheduler);
    Map<String, Object> integrity = INTEGRITY_NEWARCH.zero();
    integrity.putAll(ReplicaConfigSchema.defaultIntegrity());
    config.put("integrity", integrity);
    config.put("changefeed_error_stuck_duration", 1_800_000_000_000L);
    config.put("synced_status", head.get("synced_status"));
    return config;
  }
}
