package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.RunningError;
import io.github.ticdcfake.internal.json.GoTime;
import io.github.ticdcfake.internal.json.Json;
import java.time.ZoneId;

/** {@code ChangefeedCommonInfo}: list items, no omitempty. */
@JsonPropertyOrder({
  "upstream_id",
  "namespace",
  "id",
  "keyspace",
  "state",
  "checkpoint_tso",
  "checkpoint_time",
  "error"
})
@JsonInclude(Include.ALWAYS)
public record ChangefeedCommonInfo(
    @JsonProperty("upstream_id") Object upstreamId,
    @JsonInclude(Include.NON_NULL) @JsonProperty("namespace") String namespace,
    @JsonProperty("id") String id,
    @JsonInclude(Include.NON_NULL) @JsonProperty("keyspace") String keyspace,
    @JsonProperty("state") String state,
    @JsonProperty("checkpoint_tso") Object checkpointTso,
    @JsonProperty("checkpoint_time") String checkpointTime,
    @JsonProperty("error") RunningErrorJson error) {
  public static ChangefeedCommonInfo from(Changefeed cf, V2ViewFlavour flavour, ZoneId zone) {
    ChangefeedState state = cf.state();
    RunningErrorJson error = null;
    if (flavour.errorInList().contains(state)) {
      RunningError e =
          flavour.listErrorFallsBackToWarning()
              ? cf.error().or(cf::warning).orElse(null)
              : cf.error().orElse(null);
      error = e == null ? null : RunningErrorJson.withTime(e, zone);
    }
    return new ChangefeedCommonInfo(
        Json.uint64(cf.upstreamId()),
        flavour.keyspaceModels() ? null : cf.namespace(),
        cf.id(),
        flavour.keyspaceModels() ? cf.namespace() : null,
        state.listName(),
        Json.uint64(cf.checkpointTs()),
        GoTime.tsoLocal(cf.checkpointTs(), zone),
        error);
  }
}
