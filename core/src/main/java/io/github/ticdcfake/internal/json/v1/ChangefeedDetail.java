package io.github.ticdcfake.internal.json.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.internal.json.GoTime;
import io.github.ticdcfake.internal.json.Json;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ChangefeedDetail} of {@code GET /api/v1/changefeeds/{id}}: {@code error} and {@code
 * error_history} are always {@code null} because tiflow's handler never fills them.
 */
@JsonPropertyOrder({
  "upstream_id",
  "namespace",
  "id",
  "sink_uri",
  "create_time",
  "start_ts",
  "resolved_ts",
  "target_ts",
  "checkpoint_tso",
  "checkpoint_time",
  "sort_engine",
  "state",
  "error",
  "error_history",
  "creator_version",
  "task_status"
})
@JsonInclude(Include.ALWAYS)
public record ChangefeedDetail(
    @JsonProperty("upstream_id") Object upstreamId,
    @JsonProperty("namespace") String namespace,
    @JsonProperty("id") String id,
    @JsonProperty("sink_uri") String sinkUri,
    @JsonProperty("create_time") String createTime,
    @JsonProperty("start_ts") Object startTs,
    @JsonProperty("resolved_ts") Object resolvedTs,
    @JsonProperty("target_ts") Object targetTs,
    @JsonProperty("checkpoint_tso") Object checkpointTso,
    @JsonProperty("checkpoint_time") String checkpointTime,
    @JsonInclude(Include.NON_EMPTY) @JsonProperty("sort_engine") String sortEngine,
    @JsonProperty("state") String state,
    @JsonProperty("error") RunningError error,
    @JsonProperty("error_history") List<Long> errorHistory,
    @JsonProperty("creator_version") String creatorVersion,
    @JsonInclude(Include.NON_EMPTY) @JsonProperty("task_status")
        List<CaptureTaskStatus> taskStatus) {
  /** The sort engine every TiCDC since v4.0.13 completes a changefeed's info with. */
  static final String SORT_ENGINE = "unified";

  public static ChangefeedDetail from(Changefeed cf, ZoneId zone) {
    List<CaptureTaskStatus> tasks = null;
    if (cf.state() == ChangefeedState.NORMAL) {
      tasks = new ArrayList<>();
      for (Map.Entry<String, List<Long>> e : cf.tables().entrySet()) {
        tasks.add(new CaptureTaskStatus(e.getKey(), e.getValue()));
      }
    }
    return new ChangefeedDetail(
        Json.uint64(cf.upstreamId()),
        cf.namespace(),
        cf.id(),
        cf.maskedSinkUri(),
        GoTime.local(cf.createTime(), zone),
        Json.uint64(cf.startTs()),
        Json.uint64(cf.resolvedTs()),
        Json.uint64(cf.targetTs()),
        Json.uint64(cf.checkpointTs()),
        GoTime.tsoLocal(cf.checkpointTs(), zone),
        SORT_ENGINE,
        cf.state().wireName(),
        null,
        null,
        cf.creatorVersion(),
        tasks);
  }
}
