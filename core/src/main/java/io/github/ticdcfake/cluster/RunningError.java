package io.github.ticdcfake.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * An error or warning a changefeed reports, as in TiCDC's {@code RunningError}.
 *
 * @param time when it happened
 * @param addr the address of the capture that reported it
 * @param code the RFC code, for example {@code CDC:ErrGCTTLExceeded}
 * @param message the message; TiCDC's already starts with {@code [code]}
 */
public record RunningError(Instant time, String addr, String code, String message) {
  public RunningError {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(addr, "addr");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
