package io.github.ticdcfake.samples;

/**
 * TiCDC answered with an error envelope ({@code {"error_msg": "...", "error_code": "CDC:..."}}) or
 * another non-2xx status.
 */
public final class TiCdcApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorCode;

  public TiCdcApiException(int status, String errorCode, String message) {
    super(status + " " + errorCode + ": " + message);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** TiCDC's {@code error_code}, for example {@code CDC:ErrChangeFeedNotExists}; empty if none. */
  public String errorCode() {
    return errorCode;
  }
}
