package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.CdcException;

/**
 * A body-decoding failure: gin's {@code BindJSON} aborts with 400 before the error middleware
 * renders the envelope, so the answer is 400 with {@code text/plain}.
 */
final class BindException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final transient CdcException cause;

  BindException(CdcException cause) {
    super(cause.getMessage(), null, false, false);
    this.cause = cause;
  }
}
