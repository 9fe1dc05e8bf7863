package io.github.ticdcfake.cluster;

/**
 * A TiCDC error raised by the fake cluster, carrying the catalogue entry and the message text that
 * follows {@code [code]} in TiCDC's {@code error_msg}.
 *
 * <p>Thrown by every {@link FakeCluster} operation that TiCDC would refuse, so Java callers see the
 * same errors HTTP clients do.
 */
public final class CdcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient CdcError error;
  private final String errorCode;
  private final String text;

  CdcException(CdcError error, String text) {
    this(error, error.code(), text);
  }

  private CdcException(CdcError error, String errorCode, String text) {
    this(error, errorCode, text, "[" + errorCode + "]" + text);
  }

  private CdcException(CdcError error, String errorCode, String text, String message) {
    super(message, null, false, false);
    this.error = error;
    this.errorCode = errorCode;
    this.text = text;
  }

  /**
   * An error with any code and message, as scripted by a test (for example a runtime error a
   * changefeed fails with); the HTTP status is 500 unless the text mentions a 400 code.
   */
  public static CdcException of(String errorCode, String message) {
    CdcError known = null;
    for (CdcError candidate : CdcError.values()) {
      if (candidate.code().equals(errorCode)) {
        known = candidate;
      }
    }
    return new CdcException(
        known == null ? CdcError.INTERNAL_SERVER_ERROR : known, errorCode, message);
  }

  /**
   * An error without a code, as Go's {@code errors.New} makes it: {@code error_msg} is the bare
   * message and {@code error_code} empty; 500 (for example the new architecture's {@code
   * coordinator is not fully initialized, wait a moment}).
   */
  public static CdcException plain(String message) {
    return new CdcException(CdcError.INTERNAL_SERVER_ERROR, "", message, message);
  }

  /**
   * The catalogue entry closest to this error ({@link CdcError#INTERNAL_SERVER_ERROR} if unknown).
   */
  public CdcError error() {
    return error;
  }

  /** TiCDC's {@code error_code}, for example {@code CDC:ErrChangeFeedNotExists}. */
  public String errorCode() {
    return errorCode;
  }

  /** TiCDC's {@code error_msg}: {@code [code]message}. */
  public String errorMessage() {
    return getMessage();
  }

  /** The message without its {@code [code]} prefix. */
  public String text() {
    return text;
  }

  /**
   * The HTTP status TiCDC answers with: the catalogue's, except that a 500-class error whose text
   * mentions one of the bad-request codes becomes 400 (pingcap/tiflow cdc/api/util.go
   * IsHTTPBadRequestError).
   */
  public int httpStatus() {
    int status = error.httpStatus();
    if (status == 500 && CdcError.mentionsBadRequestCode(getMessage())) {
      return 400;
    }
    return status;
  }

  /** This error as an injected fault: TiCDC's envelope with its code, message and status. */
  public io.github.ticdcfake.fault.Fault asFault() {
    return io.github.ticdcfake.fault.Fault.error(httpStatus(), errorCode, errorMessage());
  }
}
