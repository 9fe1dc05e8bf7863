package io.github.ticdcfake.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.Processor;
import io.github.ticdcfake.cluster.ReplicaConfig;
import io.github.ticdcfake.cluster.RunningError;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The response bodies of TiCDC's v2 API as records named after tiflow's {@code cdc/api/v2/model.go}
 * types (reference §4), with Go's field order and {@code omitempty}.
 */
public final class WireModels {
  private WireModels() {}

  /** uint64 values print unsigned. */
  static Object unsigned(long value) {
    return value >= 0 ? (Object) value : new BigInteger(Long.toUnsignedString(value));
  }

  /** {@code EmptyResponse}: the two bytes {@code {}}. */
  @JsonPropertyOrder({})
  public record EmptyResponse() {}

  /** {@code ListResponse[T]}: {@code items} is never null. */
  @JsonPropertyOrder({"total", "items"})
  public record ListResponse<T>(
      @JsonProperty("total") int total, @JsonProperty("items") List<T> items) {
    public static <T> ListResponse<T> of(List<T> items) {
      return new ListResponse<>(items.size(), items);
    }
  }

  /** {@code HTTPError}. */
  @JsonPropertyOrder({"error_msg", "error_code"})
  public record HttpError(
      @JsonProperty("error_msg") String errorMsg, @JsonProperty("error_code") String errorCode) {}

  /** {@code RunningError}; {@code time} omitted when absent (GET's {@code error}). */
  @JsonPropertyOrder({"time", "addr", "code", "message"})
  @JsonInclude(Include.NON_NULL)
  public record RunningErrorJson(
      @JsonProperty("time") String time,
      @JsonProperty("addr") String addr,
      @JsonProperty("code") String code,
      @JsonProperty("message") String message) {
    static RunningErrorJson withTime(RunningError e, ZoneId zone) {
      return new RunningErrorJson(
          GoTime.rfc3339Nano(e.time(), zone), e.addr(), e.code(), e.message());
    }

    static RunningErrorJson withoutTime(RunningError e) {
      return new RunningErrorJson(null, e.addr(), e.code(), e.message());
    }
  }

  /** {@code TaskStatus} inside {@code ChangeFeedInfo.task_status}. */
  @JsonPropertyOrder({"capture_id", "table_ids"})
  @JsonInclude(Include.NON_EMPTY)
  public record TaskStatus(
      @JsonProperty("capture_id") String captureId,
      @JsonProperty("table_ids") List<Long> tableIds) {}

  /** {@code ChangeFeedInfo}: create/update/get/meta_info (reference §4.5). */
  @JsonPropertyOrder({
    "upstream_id",
    "namespace",
    "id",
    "sink_uri",
    "create_time",
    "start_ts",
    "target_ts",
    "admin_job_type",
    "config",
    "state",
    "error",
    "creator_version",
    "resolved_ts",
    "checkpoint_ts",
    "checkpoint_time",
    "task_status"
  })
  public record ChangeFeedInfo(
      @JsonInclude(Include.NON_NULL) @JsonProperty("upstream_id") Object upstreamId,
      @JsonInclude(Include.NON_EMPTY) @JsonProperty("namespace") String namespace,
      @JsonInclude(Include.NON_EMPTY) @JsonProperty("id") String id,
      @JsonInclude(Include.NON_EMPTY) @JsonProperty("sink_uri") String sinkUri,
      @JsonProperty("create_time") String createTime,
      @JsonInclude(Include.NON_NULL) @JsonProperty("start_ts") Object startTs,
      @JsonInclude(Include.NON_NULL) @JsonProperty("target_ts") Object targetTs,
      @JsonInclude(Include.NON_NULL) @JsonProperty("admin_job_type") Integer adminJobType,
      @JsonInclude(Include.NON_NULL) @JsonProperty("config") Map<String, Object> config,
      @JsonInclude(Include.NON_EMPTY) @JsonProperty("state") String state,
      @JsonInclude(Include.NON_NULL) @JsonProperty("error") RunningErrorJson error,
      @JsonInclude(Include.NON_EMPTY) @JsonProperty("creator_version") String creatorVersion,
      @JsonProperty("resolved_ts") Object resolvedTs,
      @JsonProperty("checkpoint_ts") Object checkpointTs,
      @JsonProperty("checkpoint_time") String checkpointTime,
      @JsonInclude(Include.NON_EMPTY) @JsonProperty("task_status") List<TaskStatus> taskStatus) {

    /** How a response shows the changefeed. */
    public enum View {
      /** Create and update responses: the config as sent after validation, no task status. */
      WRITE,
      /** GET: pruned config, masked URI, task status while normal. */
      GET,
      /** meta_info: like GET but with the sink URI unmasked. */
      META_INFO
    }

    public static ChangeFeedInfo from(Changefeed cf, ReplicaConfig config, View view, ZoneId zone) {
      RunningErrorJson error = null;
      ChangefeedState state = cf.state();
      if (cf.flavour().showsErrorInGet(state)) {
        error = cf.error().map(RunningErrorJson::withoutTime).orElse(null);
      }
      List<TaskStatus> tasks = null;
      if (view != View.WRITE && state == ChangefeedState.NORMAL) {
        tasks = new ArrayList<>();
        for (Map.Entry<String, List<Long>> e : cf.tables().entrySet()) {
          tasks.add(new TaskStatus(e.getKey(), e.getValue()));
        }
      }
      return new ChangeFeedInfo(
          cf.upstreamId() == 0 ? null : unsigned(cf.upstreamId()),
          cf.namespace(),
          cf.id(),
          view == View.META_INFO ? cf.sinkUri() : cf.maskedSinkUri(),
          GoTime.rfc3339Nano(cf.createTime(), zone),
          cf.startTs() == 0 ? null : unsigned(cf.startTs()),
          cf.targetTs() == 0 ? null : unsigned(cf.targetTs()),
          cf.adminJobType() == 0 ? null : cf.adminJobType(),
          config.toMap(),
          state.wireName(),
          error,
          cf.creatorVersion(),
          unsigned(cf.resolvedTs()),
          unsigned(cf.checkpointTs()),
          GoTime.tsoLocal(cf.checkpointTs(), zone),
          tasks);
    }
  }

  /** {@code ChangefeedCommonInfo}: list items, no omitempty (reference §4.6). */
  @JsonPropertyOrder({
    "upstream_id",
    "namespace",
    "id",
    "state",
    "checkpoint_tso",
    "checkpoint_time",
    "error"
  })
  @JsonInclude(Include.ALWAYS)
  public record ChangefeedCommonInfo(
      @JsonProperty("upstream_id") Object upstreamId,
      @JsonProperty("namespace") String namespace,
      @JsonProperty("id") String id,
      @JsonProperty("state") String state,
      @JsonProperty("checkpoint_tso") Object checkpointTso,
      @JsonProperty("checkpoint_time") String checkpointTime,
      @JsonProperty("error") RunningErrorJson error) {
    public static ChangefeedCommonInfo from(Changefeed cf, ZoneId zone) {
      ChangefeedState state = cf.state();
      RunningErrorJson error = null;
      if (cf.flavour().showsErrorInList(state)) {
        RunningError e =
            cf.flavour().listErrorFallsBackToWarning()
                ? cf.error().or(cf::warning).orElse(null)
                : cf.error().orElse(null);
        error = e == null ? null : RunningErrorJson.withTime(e, zone);
      }
      return new ChangefeedCommonInfo(
          unsigned(cf.upstreamId()),
          cf.namespace(),
          cf.id(),
          state.listName(),
          unsigned(cf.checkpointTs()),
          GoTime.tsoLocal(cf.checkpointTs(), zone),
          error);
    }
  }

  /** {@code ChangefeedStatus} ({@code …/status}, reference §3.8). */
  @JsonPropertyOrder({"state", "resolved_ts", "checkpoint_ts", "last_error", "last_warning"})
  public record ChangefeedStatus(
      @JsonInclude(Include.NON_EMPTY) @JsonProperty("state") String state,
      @JsonProperty("resolved_ts") Object resolvedTs,
      @JsonProperty("checkpoint_ts") Object checkpointTs,
      @JsonInclude(Include.NON_NULL) @JsonProperty("last_error") RunningErrorJson lastError,
      @JsonInclude(Include.NON_NULL) @JsonProperty("last_warning") RunningErrorJson lastWarning) {
    public static ChangefeedStatus from(Changefeed cf, ZoneId zone) {
      long checkpointMillis = io.github.ticdcfake.cluster.Tso.physicalMillis(cf.checkpointTs());
      RunningErrorJson lastError =
          cf.error()
              .filter(e -> e.time().toEpochMilli() > checkpointMillis)
              .map(e -> RunningErrorJson.withTime(e, zone))
              .orElse(null);
      RunningErrorJson lastWarning =
          cf.warning()
              .filter(e -> e.time().toEpochMilli() > checkpointMillis)
              .map(e -> RunningErrorJson.withTime(e, zone))
              .orElse(null);
      return new ChangefeedStatus(
          cf.state().wireName(),
          unsigned(cf.resolvedTs()),
          unsigned(cf.checkpointTs()),
          lastError,
          lastWarning);
    }
  }

  /** {@code ProcessorCommonInfo}. */
  @JsonPropertyOrder({"namespace", "changefeed_id", "capture_id"})
  public record ProcessorCommonInfo(
      @JsonProperty("namespace") String namespace,
      @JsonProperty("changefeed_id") String changefeedId,
      @JsonProperty("capture_id") String captureId) {
    public static ProcessorCommonInfo from(Processor p) {
      return new ProcessorCommonInfo(p.namespace(), p.changefeedId(), p.captureId());
    }
  }

  /** {@code ProcessorDetail}: {@code table_ids} may be {@code null}. */
  @JsonPropertyOrder({"table_ids"})
  @JsonInclude(Include.ALWAYS)
  public record ProcessorDetail(@JsonProperty("table_ids") List<Long> tableIds) {}

  /** {@code Capture}. */
  @JsonPropertyOrder({"id", "is_owner", "address", "cluster_id"})
  public record CaptureJson(
      @JsonProperty("id") String id,
      @JsonProperty("is_owner") boolean isOwner,
      @JsonProperty("address") String address,
      @JsonProperty("cluster_id") String clusterId) {
    public static CaptureJson from(Capture c) {
      return new CaptureJson(c.id(), c.owner(), c.address(), c.clusterId());
    }
  }

  /** {@code ServerStatus} ({@code /api/v2/status}). */
  @JsonPropertyOrder({"version", "git_hash", "id", "cluster_id", "pid", "is_owner", "liveness"})
  public record ServerStatus(
      @JsonProperty("version") String version,
      @JsonProperty("git_hash") String gitHash,
      @JsonProperty("id") String id,
      @JsonProperty("cluster_id") String clusterId,
      @JsonProperty("pid") long pid,
      @JsonProperty("is_owner") boolean isOwner,
      @JsonProperty("liveness") int liveness) {}

  /** The root {@code GET /status} body (tiflow {@code cdc/api/status}). */
  @JsonPropertyOrder({"version", "git_hash", "id", "pid", "is_owner"})
  public record RootStatus(
      @JsonProperty("version") String version,
      @JsonProperty("git_hash") String gitHash,
      @JsonProperty("id") String id,
      @JsonProperty("pid") long pid,
      @JsonProperty("is_owner") boolean isOwner) {}

  /** {@code Tso}. */
  @JsonPropertyOrder({"timestamp", "logic_time"})
  public record TsoJson(
      @JsonProperty("timestamp") long timestamp, @JsonProperty("logic_time") long logicTime) {}

  /** {@code SyncedStatus}: four local times and TiCDC's explanation (reference §3.9). */
  @JsonPropertyOrder({
    "synced",
    "sink_checkpoint_ts",
    "puller_resolved_ts",
    "last_synced_ts",
    "now_ts",
    "info"
  })
  public record SyncedStatusJson(
      @JsonProperty("synced") boolean synced,
      @JsonProperty("sink_checkpoint_ts") String sinkCheckpointTs,
      @JsonProperty("puller_resolved_ts") String pullerResolvedTs,
      @JsonProperty("last_synced_ts") String lastSyncedTs,
      @JsonProperty("now_ts") String nowTs,
      @JsonProperty("info") String info) {
    public static SyncedStatusJson from(io.github.ticdcfake.cluster.SyncedStatus s, ZoneId zone) {
      return new SyncedStatusJson(
          s.synced(),
          GoTime.tsoLocal(s.sinkCheckpointTs(), zone),
          GoTime.tsoLocal(s.pullerResolvedTs(), zone),
          GoTime.tsoLocal(s.lastSyncedTs(), zone),
          GoTime.local(java.time.Instant.ofEpochMilli(s.nowMillis()), zone),
          s.info());
    }
  }

  /** {@code TableName}. */
  @JsonPropertyOrder({"database_name", "table_name", "table_id", "is_partition"})
  public record TableName(
      @JsonProperty("database_name") String databaseName,
      @JsonProperty("table_name") String tableName,
      @JsonProperty("table_id") long tableId,
      @JsonProperty("is_partition") boolean isPartition) {
    static List<TableName> of(List<io.github.ticdcfake.cluster.UpstreamTable> tables) {
      return tables.stream()
          .map(t -> new TableName(t.schema(), t.table(), t.tableId(), false))
          .toList();
    }
  }

  /** {@code Tables} ({@code verify_table}): each list omitted when empty. */
  @JsonPropertyOrder({"ineligible_tables", "eligible_tables"})
  @JsonInclude(Include.NON_EMPTY)
  public record TablesJson(
      @JsonProperty("ineligible_tables") List<TableName> ineligibleTables,
      @JsonProperty("eligible_tables") List<TableName> eligibleTables) {
    public static TablesJson from(io.github.ticdcfake.cluster.VerifiedTables tables) {
      return new TablesJson(TableName.of(tables.ineligible()), TableName.of(tables.eligible()));
    }
  }

  /** {@code DrainCaptureResp}. */
  @JsonPropertyOrder({"current_table_count"})
  public record DrainCaptureResp(@JsonProperty("current_table_count") int currentTableCount) {}
}
