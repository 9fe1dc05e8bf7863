package io.github.ticdcfake.internal.json.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code CaptureTaskStatus} inside {@code ChangefeedDetail.task_status}. */
@JsonPropertyOrder({"capture_id", "table_ids"})
public record CaptureTaskStatus(
    @JsonProperty("capture_id") String captureId,
    @JsonInclude(Include.NON_EMPTY) @JsonProperty("table_ids") List<Long> tableIds) {}
