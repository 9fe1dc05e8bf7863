package io.github.ticdcfake.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The new architecture's validate-and-adjust of a {@code replica_config} and its update rebuild, as
 * released in v26.3.4 (pingcap/ticdc {@code pkg/config/replica_config.go@v26.3.4}
 * ValidateAndAdjust, {@code api/v2/model.go@v26.3.4} toInternalReplicaConfigWithOriginConfig).
 *
 * <p>The checks run in ticdc's order, which is not tiflow's: the sink, redo, sync point, memory
 * quota, scheduler, integrity, stuck duration, then the active-active keys. The caller wraps every
 * failure once more in {@code ErrInvalidReplicaConfig}; the scheduler's failures are plain Go
 * errors, so only that wrapper names a code.
 */
final class NewArchValidation {
  private static final long SECOND = 1_000_000_000L;
  private static final long MIN_WRITE_KEY_THRESHOLD = 10_485_760L;
  private static final long DEFAULT_ACTIVE_ACTIVE_PROGRESS_INTERVAL = 1800 * SECOND;
  private static final long DEFAULT_ACTIVE_ACTIVE_SYNC_STATS_INTERVAL = 60 * SECOND;

  /** pingcap/ticdc {@code pkg/redo/config.go@v26.3.4} IsValidConsistentStorage. */
  private static final List<String> REDO_STORAGES =
      List.of("blackhole", "local", "nfs", "s3", "gcs", "gs", "azblob", "azure", "file", "noop");

  /** The sections an update merges key by key into the server defaults. */
  private static final List<String> MERGED_SECTIONS =
      List.of("consistent", "mounter", "scheduler", "integrity", "synced_status");

  /** The top-level keys an update sets as sent, so that an omitted one becomes absent. */
  private static final List<String> TAKEN_AS_SENT =
      List.of("enable_sync_point", "enable_table_monitor");

  private NewArchValidation() {}

  /** Validates and adjusts a copy of {@code input} against the sink, in v26.3.4's order. */
  @SuppressWarnings("unchecked")
  static ReplicaConfig validateAndAdjust(
      DomainRules rules, Map<String, Object> input, SinkUri uri) {
    ConfigShape shape = rules.shape();
    Map<String, Object> config = shape.copy(input);
    if (config.containsKey("sql_mode")) {
      config.put("sql_mode", null); // accepted, never copied back
    }
    Map<String, Object> sink = (Map<String, Object>) config.get("sink");
    if (sink != null) {
      ReplicaConfig.adjustSink(sink, uri);
      ReplicaConfig.validateSchemaRegistries(sink);
    }
    Map<String, Object> consistent = (Map<String, Object>) config.get("consistent");
    if (consistent != null) {
      validateConsistent(consistent);
    }
    if (Boolean.TRUE.equals(config.get("enable_sync_point"))) {
      validateSyncPoint(config, uri);
    }
    if (config.get("memory_quota") == null || Objects.equals(config.get("memory_quota"), 0L)) {
      config.put("memory_quota", 1073741824L);
    }
    Map<String, Object> scheduler = (Map<String, Object>) config.get("scheduler");
    if (scheduler == null) {
      config.put("scheduler", shape.defaults().get("scheduler"));
    } else {
      validateScheduler(scheduler, uri);
    }
    Map<String, Object> integrity = (Map<String, Object>) config.get("integrity");
    if (integrity != null) {
      validateIntegrity(integrity, sink, uri);
    }
    Object stuck = config.get("changefeed_error_stuck_duration");
    if (stuck != null && (Long) stuck < 1800 * SECOND) {
      throw CdcError.INVALID_REPLICA_CONFIG.raise(
          String.format(
              Locale.ROOT,
              "The ChangefeedErrorStuckDuration:%f must be larger than %f Seconds",
              (Long) stuck / 1e9,
              1800.0));
    }
    validateActiveActive(config, uri);
    return new ReplicaConfig(shape, config);
  }

  /**
   * pingcap/ticdc {@code pkg/config/consistent.go@v26.3.4} validateAndAdjust: only with redo on;
   * zeros take the defaults; the storage's scheme must be one redo knows (the fake does no I/O).
   */
  private static void validateConsistent(Map<String, Object> consistent) {
    Object level = consistent.get("level");
    if (!"eventual".equals(level)) {
      return;
    }
    fillZero(consistent, "max_log_size", 64L);
    fillZero(consistent, "flush_interval", 2000L);
    checkFlushInterval(consistent, "flush_interval", "flush-interval");
    fillZero(consistent, "meta_flush_interval", 200L);
    checkFlushInterval(consistent, "meta_flush_interval", "meta-flush-interval");
    Object compression = consistent.get("compression");
    if (compression == null || ((String) compression).isEmpty()) {
      compression = "none";
      consistent.put("compression", compression);
    }
    if (!compression.equals("none") && !compression.equals("lz4")) {
      throw CdcError.INVALID_REPLICA_CONFIG.raise(
          "The consistent.compression:" + compression + " must be 'none' or 'lz4'");
    }
    fillZero(consistent, "encoding_worker_num", 16L);
    fillZero(consistent, "flush_worker_num", 8L);
    String storage = consistent.get("storage") == null ? "" : (String) consistent.get("storage");
    int colon = storage.indexOf("://");
    String scheme = colon < 0 ? "" : storage.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!REDO_STORAGES.contains(scheme)) {
      throw CdcException.of(
          "CDC:ErrConsistentStorage", "consistent storage (" + scheme + ") not support");
    }
  }

  private static void checkFlushInterval(Map<String, Object> consistent, String key, String name) {
    long interval = (Long) consistent.get(key);
    if (interval < 50) {
      throw CdcError.INVALID_REPLICA_CONFIG.raise(
          "The consistent." + name + ":" + interval + " must be equal or greater than 50");
    }
  }

  /** The sync point needs a MySQL-class sink, then its interval and retention are checked. */
  private static void validateSyncPoint(Map<String, Object> config, SinkUri uri) {
    if (!uri.isMySqlCompatible()) {
      throw CdcError.INVALID_REPLICA_CONFIG.raise(
          "The SyncPoint must be disabled when the downstream is not tidb or mysql");
    }
    Object interval = config.get("sync_point_interval");
    if (interval != null && (Long) interval < 30 * SECOND) {
      throw CdcError.INVALID_REPLICA_CONFIG.raise(
          "The SyncPointInterval:"
              + GoDuration.format((Long) interval)
              + " must be larger than 30s");
    }
    Object retention = config.get("sync_point_retention");
    if (retention != null && (Long) retention < 3600 * SECOND) {
      throw CdcError.INVALID_REPLICA_CONFIG.raise(
          "The SyncPointRetention:"
              + GoDuration.format((Long) retention)
              + " must be larger than 1h0m0s");
    }
  }

  /**
   * pingcap/ticdc {@code pkg/config/scheduler_config.go@v26.3.4} ChangefeedSchedulerConfig
   * ValidateAndAdjust: checked only with {@code enable_table_across_nodes}; its errors are Go's
   * {@code errors.New}, without a code.
   */
  private static void validateScheduler(Map<String, Object> scheduler, SinkUri uri) {
    if (!Boolean.TRUE.equals(scheduler.get("enable_table_across_nodes"))) {
      return;
    }
    if (number(scheduler, "region_threshold") < 0) {
      throw CdcException.plain("region-threshold must be larger than 0");
    }
    long writeKeyThreshold = number(scheduler, "write_key_threshold");
    if (writeKeyThreshold < 0) {
      throw CdcException.plain("write-key-threshold must be larger than 0");
    }
    if (writeKeyThreshold > 0 && writeKeyThreshold < MIN_WRITE_KEY_THRESHOLD) {
      scheduler.put("write_key_threshold", MIN_WRITE_KEY_THRESHOLD);
    }
    if (number(scheduler, "scheduling_task_count_per_node") < 0) {
      throw CdcException.plain("scheduling-task-count-per-node must be larger than 0");
    }
    long regionCountPerSpan = number(scheduler, "region_count_per_span");
    if (regionCountPerSpan <= 0) {
      throw CdcException.plain("region-count-per-span must be larger than 0");
    }
    long regionThreshold = number(scheduler, "region_threshold");
    if (regionThreshold > 0 && regionCountPerSpan > regionThreshold) {
      scheduler.put("region_count_per_span", regionThreshold);
    }
    Object refresh = scheduler.get("region_count_refresh_interval");
    if (refresh == null || (Long) refresh <= 0) {
      throw CdcException.plain("region-count-refresh-interval must be larger than 0");
    }
    if (number(scheduler, "balance_score_threshold") <= 0) {
      throw CdcException.plain("balance-score-threshold must be larger than 0");
    }
    double min = fraction(scheduler, "min_traffic_percentage");
    if (min <= 0 || min >= 1) {
      throw CdcException.plain("min-traffic-percentage must be between 0 and 1");
    }
    if (fraction(scheduler, "max_traffic_percentage") <= 1) {
      throw CdcException.plain("max-traffic-percentage must be greater than 1");
    }
    boolean forceSplit = Boolean.TRUE.equals(scheduler.get("force_split"));
    if (uri.isMySqlCompatible() && !forceSplit) {
      scheduler.put("enable_splittable_check", true);
    } else if (forceSplit) {
      scheduler.put("enable_splittable_check", false);
    }
  }

  /**
   * Integrity: checksums only on Kafka; levels from a closed set (the error is generated without
   * arguments, so its template prints as is); no checksums together with column selectors.
   */
  private static void validateIntegrity(
      Map<String, Object> integrity, Map<String, Object> sink, SinkUri uri) {
    boolean kafka =
        uri.scheme.equalsIgnoreCase("kafka") || uri.scheme.equalsIgnoreCase("kafka+ssl");
    if (!kafka && "correctness".equals(integrity.get("integrity_check_level"))) {
      integrity.put("integrity_check_level", "none");
    }
    if (!List.of("none", "correctness").contains(integrity.get("integrity_check_level"))
        || !List.of("warn", "error").contains(integrity.get("corruption_handle_level"))) {
      throw CdcError.INVALID_REPLICA_CONFIG.raise();
    }
    Object selectors = sink == null ? null : sink.get("column_selectors");
    if ("correctness".equals(integrity.get("integrity_check_level"))
        && selectors instanceof List<?> list
        && !list.isEmpty()) {
      throw CdcError.INVALID_REPLICA_CONFIG.raiseWithMessage(
          "integrity check enabled and column selector set, not allowed");
    }
  }

  /**
   * The active-active intervals (absent ones take their defaults) and, with {@code
   * enable_active_active}, {@code bdr_mode} first, for every sink type, then the sink type, then
   * redo.
   */
  @SuppressWarnings("unchecked")
  private static void validateActiveActive(Map<String, Object> config, SinkUri uri) {
    if (config.get("active_active_progress_interval") == null) {
      config.put("active_active_progress_interval", DEFAULT_ACTIVE_ACTIVE_PROGRESS_INTERVAL);
    }
    if ((Long) config.get("active_active_progress_interval") <= 0) {
      throw CdcError.INVALID_REPLICA_CONFIG.raise(
          "the active-active-progress-interval must be larger than 0");
    }
    if (config.get("active_active_sync_stats_interval") == null) {
      config.put("active_active_sync_stats_interval", DEFAULT_ACTIVE_ACTIVE_SYNC_STATS_INTERVAL);
    }
    if ((Long) config.get("active_active_sync_stats_interval") < 0) {
      throw CdcError.INVALID_REPLICA_CONFIG.raise(
          "the active-active-sync-stats-interval must be larger than or equal to 0");
    }
    if (!Boolean.TRUE.equals(config.get("enable_active_active"))) {
      return;
    }
    if (!Boolean.TRUE.equals(config.get("bdr_mode"))) {
      throw CdcError.INVALID_REPLICA_CONFIG.raise(
          "enable-active-active requires bdr-mode to be true");
    }
    if (!uri.isMySqlCompatible() && !uri.isStorage()) {
      throw CdcError.INVALID_REPLICA_CONFIG.raise(
          "enable-active-active only supports tidb sink and storage sink");
    }
    Map<String, Object> consistent = (Map<String, Object>) config.get("consistent");
    if (consistent != null && "eventual".equals(consistent.get("level"))) {
      throw CdcError.INVALID_REPLICA_CONFIG.raise(
          "enable-active-active is incompatible with redo log/consistency feature, please disable"
              + " redo");
    }
  }

  /**
   * The config of an update that sent {@code replica_config}: the server defaults with each sent
   * key laid over them. Top-level keys not sent keep their defaults, except {@code
   * enable_sync_point} and {@code enable_table_monitor}, which are taken as sent (absent when not
   * sent); {@code filter} and {@code sink} replace the default sections as sent; {@code
   * consistent}, {@code mounter}, {@code scheduler}, {@code integrity} and {@code synced_status}
   * are merged key by key, {@code consistent.memory_usage} replaced whole.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> fromUpdate(ConfigShape shape, Map<String, Object> sent) {
    Map<String, Object> result = shape.defaults();
    for (GoType.Field field : shape.replicaConfig.fields) {
      String name = field.json();
      Object value = sent.get(name);
      if (TAKEN_AS_SENT.contains(name)) {
        result.put(name, value);
      } else if (value == null || name.equals("sql_mode")) {
        continue;
      } else if (MERGED_SECTIONS.contains(name)) {
        Map<String, Object> merged = (Map<String, Object>) result.get(name);
        ((Map<String, Object>) value)
            .forEach(
                (key, v) -> {
                  if (v != null) {
                    merged.put(key, v);
                  }
                });
      } else {
        result.put(name, value);
      }
    }
    return result;
  }

  private static void fillZero(Map<String, Object> section, String key, long fallback) {
    Object value = section.get(key);
    if (value == null || (Long) value == 0L) {
      section.put(key, fallback);
    }
  }

  private static long number(Map<String, Object> section, String key) {
    Object value = section.get(key);
    return value == null ? 0 : (Long) value;
  }

  private static double fraction(Map<String, Object> section, String key) {
    Object value = section.get(key);
    return value == null ? 0 : ((Number) value).doubleValue();
  }
}
