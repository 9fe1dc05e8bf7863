package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ticdcfake.cluster.RunningError;
import io.github.ticdcfake.internal.json.GoTime;
import java.time.ZoneId;

/** {@code RunningError}; {@code time} omitted when absent (GET's {@code error}). */
@JsonPropertyOrder({"time", "addr", "code", "message"})
@JsonInclude(Include.NON_NULL)
public record RunningErrorJson(
    @JsonProperty("time") String time,
    @JsonProperty("addr") String addr,
    @JsonProperty("code") String code,
    @JsonProperty("message") String message) {
  static RunningErrorJson withTime(RunningError e, ZoneId zone) {
    return new RunningErrorJson(
        GoTime.rfc3339Nano(e.time(), zone), e.addr(), e.code(), e.message());
  }

  static RunningErrorJson withoutTime(RunningError e) {
    return new RunningErrorJson(null, e.addr(), e.code(), e.message());
  }
}
