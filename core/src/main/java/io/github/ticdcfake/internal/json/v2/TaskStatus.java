package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code TaskStatus} inside {@code ChangeFeedInfo.task_status}. */
@JsonPropertyOrder({"capture_id", "table_ids"})
@JsonInclude(Include.NON_EMPTY)
public record TaskStatus(
    @JsonProperty("capture_id") String captureId, @JsonProperty("table_ids") List<Long> tableIds) {}
