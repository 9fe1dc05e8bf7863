package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code EmptyResponse}: the two bytes {@code {}}. */
@JsonPropertyOrder({})
public record EmptyResponse() {}
