package io.github.ticdcfake.internal.json.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ticdcfake.cluster.Processor;

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
