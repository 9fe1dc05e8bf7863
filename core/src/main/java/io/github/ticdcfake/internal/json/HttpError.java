package io.github.ticdcfake.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code HTTPError}, TiCDC's error envelope, the same in {@code /api/v1}, {@code /api/v2} and the
 * fake's {@code /__fake} (tiflow {@code cdc/model/http_model.go}).
 */
@JsonPropertyOrder({"error_msg", "error_code"})
public record HttpError(
    @JsonProperty("error_msg") String errorMsg, @JsonProperty("error_code") String errorCode) {}
