package io.github.ticdcfake.cluster;

/**
 * Signals an input on which TiCDC's handler panics, which gin's recovery answers with 500 and an
 * empty body (pingcap/tiflow cdc/api/middleware/middleware.go): for example a create body of {@code
 * null} or {@code "replica_config": null}.
 */
public final class ServerPanicException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ServerPanicException(String message) {
    super(message, null, false, false);
  }
}
