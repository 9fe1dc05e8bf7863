package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code Tso}. */
@JsonPropertyOrder({"timestamp", "logic_time"})
public record TsoJson(
    @JsonProperty("timestamp") long timestamp, @JsonProperty("logic_time") long logicTime) {}
