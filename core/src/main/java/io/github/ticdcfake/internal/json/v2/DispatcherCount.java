package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code DispatcherCount} (pingcap/ticdc {@code api/v2/model.go@v26.3.4}). */
public record DispatcherCount(@JsonProperty("count") int count) {}
