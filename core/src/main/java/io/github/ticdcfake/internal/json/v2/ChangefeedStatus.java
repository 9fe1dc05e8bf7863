package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.Tso;
import io.github.ticdcfake.internal.json.Json;
import java.time.ZoneId;

/** {@code ChangefeedStatus} ({@code …/status}). */
@JsonPropertyOrder({"state", "resolved_ts", "checkpoint_ts", "last_error", "last_warning"})
public record ChangefeedStatus(
    @JsonInclude(Include.NON_EMPTY) @JsonProperty("state") String state,
    @JsonProperty("resolved_ts") Object resolvedTs,
    @JsonProperty("checkpoint_ts") Object checkpointTs,
    @JsonInclude(Include.NON_NULL) @JsonProperty("last_error") RunningErrorJson lastError,
    @JsonInclude(Include.NON_NULL) @JsonProperty("last_warning") RunningErrorJson lastWarning) {
  public static ChangefeedStatus from(Changefeed cf, V2ViewFlavour flavour, ZoneId zone) {
    long checkpointMillis = Tso.physicalMillis(cf.checkpointTs());
    if (flavour.keyspaceModels()) {
      // pingcap/ticdc api/v2/changefeed.go@v26.3.4 status: both from the error slot, by state
      RunningErrorJson error =
          cf.error()
              .filter(e -> e.time().toEpochMilli() > checkpointMillis)
              .map(e -> RunningErrorJson.withTime(e, zone))
              .orElse(null);
      return new ChangefeedStatus(
          cf.state().wireName(),
          Json.uint64(cf.checkpointTs()),
          Json.uint64(cf.checkpointTs()),
          cf.state() == ChangefeedState.FAILED ? error : null,
          cf.state() == ChangefeedState.WARNING ? error : null);
    }
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
        Json.uint64(cf.resolvedTs()),
        Json.uint64(cf.checkpointTs()),
        lastError,
        lastWarning);
  }
}
