package io.github.ticdcfake.internal.json.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ticdcfake.internal.json.GoTime;
import java.time.ZoneId;

/** v1's {@code RunningError} ({@code cdc/model/errors.go}): {@code time} is always printed. */
@JsonPropertyOrder({"time", "addr", "code", "message"})
@JsonInclude(Include.ALWAYS)
public record RunningError(
    @JsonProperty("time") String time,
    @JsonProperty("addr") String addr,
    @JsonProperty("code") String code,
    @JsonProperty("message") String message) {
  static RunningError from(io.github.ticdcfake.cluster.RunningError e, ZoneId zone) {
    return new RunningError(GoTime.rfc3339Nano(e.time(), zone), e.addr(), e.code(), e.message());
  }
}
