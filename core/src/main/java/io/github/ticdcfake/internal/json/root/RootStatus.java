package io.github.ticdcfake.internal.json.root;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The root {@code GET /status} body (tiflow {@code cdc/api/status}). */
@JsonPropertyOrder({"version", "git_hash", "id", "pid", "is_owner"})
public record RootStatus(
    @JsonProperty("version") String version,
    @JsonProperty("git_hash") String gitHash,
    @JsonProperty("id") String id,
    @JsonProperty("pid") long pid,
    @JsonProperty("is_owner") boolean isOwner) {}
