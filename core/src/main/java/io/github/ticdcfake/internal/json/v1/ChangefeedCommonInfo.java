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

/**
 * {@code ChangefeedCommonInfo}, a list item: the raw state and the error slot, which its custom
 * {@code MarshalJSON} nulls only for {@code normal}; never the warning.
 */
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
    @JsonProperty("error") RunningError error) {
  public static ChangefeedCommonInfo from(Changefeed cf, ZoneId zone) {
    RunningError error =
        cf.state() == ChangefeedState.NORMAL
            ? null
            : cf.error().map(e -> RunningError.from(e, zone)).orElse(null);
    return new ChangefeedCommonInfo(
        Json.uint64(cf.upstreamId()),
        cf.namespace(),
        cf.id(),
        cf.state().wireName(),
        Json.uint64(cf.checkpointTs()),
        GoTime.tsoLocal(cf.checkpointTs(), zone),
        error);
  }
}
