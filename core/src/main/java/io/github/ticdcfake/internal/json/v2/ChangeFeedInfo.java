package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.ReplicaConfig;
import io.github.ticdcfake.internal.json.GoTime;
import io.github.ticdcfake.internal.json.Json;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code ChangeFeedInfo}: create/update/get/meta_info. */
@JsonPropertyOrder({
  "upstream_id",
  "namespace",
  "id",
  "keyspace",
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
  "task_status",
  "gid",
  "maintainer_addr"
})
public record ChangeFeedInfo(
    @JsonInclude(Include.NON_NULL) @JsonProperty("upstream_id") Object upstreamId,
    @JsonInclude(Include.NON_EMPTY) @JsonProperty("namespace") String namespace,
    @JsonInclude(Include.NON_EMPTY) @JsonProperty("id") String id,
    @JsonInclude(Include.NON_NULL) @JsonProperty("keyspace") String keyspace,
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
    @JsonInclude(Include.NON_EMPTY) @JsonProperty("task_status") List<TaskStatus> taskStatus,
    @JsonInclude(Include.NON_NULL) @JsonProperty("gid") GidJson gid,
    @JsonInclude(Include.NON_EMPTY) @JsonProperty("maintainer_addr") String maintainerAddr) {

  /** The new architecture's {@code gid}: two unsigned 64-bit halves. */
  @JsonPropertyOrder({"low", "high"})
  public record GidJson(@JsonProperty("low") Object low, @JsonProperty("high") Object high) {
    static GidJson from(Changefeed.Gid gid) {
      return new GidJson(Json.uint64(gid.low()), Json.uint64(gid.high()));
    }
  }

  /** Go's zero {@code time.Time}, which the new architecture prints in GET's {@code error}. */
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  /** How a response shows the changefeed. */
  public enum View {
    /** Create and update responses: the config as sent after validation, no task status. */
    WRITE,
    /**
     * The create response: as {@link #WRITE}, but the new architecture builds it from a status that
     * has no maintainer yet, so no {@code maintainer_addr} (pingcap/ticdc {@code
     * api/v2/changefeed.go@v26.3.4} CreateChangefeed).
     */
    CREATE,
    /** GET: pruned config, masked URI, task status while normal. */
    GET,
    /** meta_info: like GET but with the sink URI unmasked. */
    META_INFO
  }

  /** The changefeed as {@code view} shows it, with {@code config} as its {@code config}. */
  public static ChangeFeedInfo from(
      Changefeed cf, ReplicaConfig config, View view, V2ViewFlavour flavour, ZoneId zone) {
    RunningErrorJson error = null;
    ChangefeedState state = cf.state();
    boolean keyspace = flavour.keyspaceModels();
    if (flavour.errorInGet().contains(state)) {
      error =
          cf.error()
              .map(
                  e ->
                      keyspace
                          ? new RunningErrorJson(ZERO_TIME, e.addr(), e.code(), e.message())
                          : RunningErrorJson.withoutTime(e))
              .orElse(null);
    }
    List<TaskStatus> tasks = null;
    if (!keyspace && view != View.WRITE && view != View.CREATE && state == ChangefeedState.NORMAL) {
      tasks = new ArrayList<>();
      for (Map.Entry<String, List<Long>> e : cf.tables().entrySet()) {
        tasks.add(new TaskStatus(e.getKey(), e.getValue()));
      }
    }
    return new ChangeFeedInfo(
        cf.upstreamId() == 0 ? null : Json.uint64(cf.upstreamId()),
        keyspace ? null : cf.namespace(),
        cf.id(),
        keyspace ? cf.namespace() : null,
        view == View.META_INFO ? cf.sinkUri() : cf.maskedSinkUri(),
        GoTime.rfc3339Nano(cf.createTime(), zone),
        cf.startTs() == 0 ? null : Json.uint64(cf.startTs()),
        cf.targetTs() == 0 ? null : Json.uint64(cf.targetTs()),
        // the coordinator never sets AdminJobType (pingcap/ticdc api/v2/model.go@v26.3.4)
        keyspace || cf.adminJobType() == 0 ? null : cf.adminJobType(),
        config.toMap(),
        state.wireName(),
        error,
        cf.creatorVersion(),
        Json.uint64(keyspace ? cf.checkpointTs() : cf.resolvedTs()),
        Json.uint64(cf.checkpointTs()),
        GoTime.tsoLocal(cf.checkpointTs(), zone),
        tasks,
        keyspace && cf.gid() != null ? GidJson.from(cf.gid()) : null,
        keyspace && view != View.CREATE ? cf.maintainerAddress().orElse(null) : null);
  }
}
