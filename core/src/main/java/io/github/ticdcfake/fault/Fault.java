package io.github.ticdcfake.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What an injected fault does to the answer: an error envelope, a raw response, a delay, or a
 * broken connection. The <em>effect</em> half of a {@link FaultRule}; the rule says when.
 *
 * <p>Faults are data: they describe the client-visible outcome and never run code in the fake.
 * Build one with the static factories, for example {@code Fault.error(500, "CDC:ErrPDEtcdAPIError",
 * "etcd api call error")}, {@code Fault.delay(Duration.ofSeconds(2))} or {@link
 * ConnectionFault#RESET}; {@code CdcError.X.asFault()} gives the envelope TiCDC itself would send.
 */
public sealed interface Fault
    permits Fault.ErrorResponse, Fault.RawResponse, Fault.Delay, ConnectionFault {

  /**
   * TiCDC's error envelope {@code {"error_msg","error_code"}} (4-space indented, like TiCDC).
   *
   * @param status the HTTP status, 100..599
   * @param errorCode the {@code error_code}, for example {@code CDC:ErrPDEtcdAPIError}
   * @param errorMessage the {@code error_msg} exactly as sent; the factories prefix {@code [code]}
   *     as TiCDC does
   */
  record ErrorResponse(int status, String errorCode, String errorMessage) implements Fault {
    public ErrorResponse {
      checkStatus(status);
      Objects.requireNonNull(errorCode, "errorCode");
      Objects.requireNonNull(errorMessage, "errorMessage");
    }

    @Override
    public String describe() {
      return "error " + status + " " + errorCode;
    }
  }

  /**
   * Any status with a raw body, sent as {@code text/plain; charset=utf-8}.
   *
   * @param status the HTTP status, 100..599
   * @param body the body text (may be empty)
   */
  record RawResponse(int status, String body) implements Fault {
    public RawResponse {
      checkStatus(status);
      Objects.requireNonNull(body, "body");
    }

    @Override
    public String describe() {
      return "status " + status;
    }
  }

  /**
   * Holds the answer for a while, then answers normally or with another fault.
   *
   * @param duration how long to wait before answering
   * @param then the fault applied after the wait; empty means the normal answer
   */
  record Delay(Duration duration, Optional<Fault> then) implements Fault {
    public Delay {
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(then, "then");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("a delay cannot be negative: " + duration);
      }
      if (then.isPresent() && then.get() instanceof Delay) {
        throw new IllegalArgumentException("a delay cannot wrap another delay");
      }
    }

    @Override
    public String describe() {
      return "delay "
          + duration.toMillis()
          + "ms"
          + then.map(f -> " then " + f.describe()).orElse("");
    }
  }

  /**
   * A short description for the journal and the {@code X-Fake-Fault} header, for example {@code
   * error 500 CDC:ErrPDEtcdAPIError} or {@code connection reset}.
   */
  String describe();

  /**
   * TiCDC's error envelope; {@code message} gets TiCDC's {@code [code]} prefix unless it already
   * starts with {@code [} (or the code is empty).
   */
  static Fault error(int status, String errorCode, String message) {
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(message, "message");
    String text =
        errorCode.isEmpty() || message.startsWith("[") ? message : "[" + errorCode + "]" + message;
    return new ErrorResponse(status, errorCode, text);
  }

  /** A response with this status and a raw text body. */
  static Fault status(int status, String body) {
    return new RawResponse(status, body);
  }

  /** Waits {@code duration}, then answers normally. */
  static Fault delay(Duration duration) {
    return new Delay(duration, Optional.empty());
  }

  /** Waits {@code duration}, then applies {@code then}. */
  static Fault delay(Duration duration, Fault then) {
    return new Delay(duration, Optional.of(then));
  }

  private static void checkStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("an HTTP status is 100..599, got " + status);
    }
  }
}
