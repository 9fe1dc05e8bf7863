package io.github.ticdcfake.internal.json.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code DrainCaptureResp}: rendered compact, unlike every other v1 body. */
@JsonPropertyOrder({"current_table_count"})
public record DrainCaptureResp(@JsonProperty("current_table_count") int currentTableCount) {}
