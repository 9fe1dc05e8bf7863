package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code ServerStatus} ({@code /api/v2/status}). */
@JsonPropertyOrder({"version", "git_hash", "id", "cluster_id", "pid", "is_owner", "liveness"})
public record ServerStatus(
    @JsonProperty("version") String version,
    @JsonProperty("git_hash") String gitHash,
    @JsonProperty("id") String id,
    @JsonProperty("cluster_id") String clusterId,
    @JsonProperty("pid") long pid,
    @JsonProperty("is_owner") boolean isOwner,
    @JsonProperty("liveness") int liveness) {}
