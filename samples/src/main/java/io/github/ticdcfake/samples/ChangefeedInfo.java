package io.github.ticdcfake.samples;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The fields of {@code GET /api/v2/changefeeds/{id}} this service cares about. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangefeedInfo(
    @JsonProperty("id") String id,
    @JsonProperty("sink_uri") String sinkUri,
    @JsonProperty("state") String state,
    @JsonProperty("checkpoint_ts") long checkpointTs,
    @JsonProperty("target_ts") long targetTs) {}
