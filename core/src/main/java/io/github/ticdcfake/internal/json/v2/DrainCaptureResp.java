package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code DrainCaptureResp}. */
@JsonPropertyOrder({"current_table_count"})
public record DrainCaptureResp(@JsonProperty("current_table_count") int currentTableCount) {}
