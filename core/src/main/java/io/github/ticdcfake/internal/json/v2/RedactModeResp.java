package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code RedactModeResp} ({@code POST /api/v2/log/redact}, new architecture). */
@JsonPropertyOrder({"previous_mode", "current_mode"})
public record RedactModeResp(
    @JsonProperty("previous_mode") String previousMode,
    @JsonProperty("current_mode") String currentMode) {}
