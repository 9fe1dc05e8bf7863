package io.github.ticdcfake.internal.http;

/**
 * What TiCDC's middlewares do to one route, named: each flag is one gate of the request pipeline
 * (tiflow {@code cdc/api/middleware/middleware.go}).
 */
enum RouteFlag {
  /**
   * Refused with {@code CDC:ErrServerIsNotReady} (503) while the capture is not ready; tiflow's
   * {@code CheckServerReadyMiddleware} guards the whole {@code /api/v2} group.
   */
  READINESS_GATED,
  /**
   * A non-owner capture hands the request to the owner (tiflow's {@code ForwardToOwnerMiddleware});
   * in-process the owner answers the same call.
   */
  FORWARDED_TO_OWNER,
  /**
   * Needs HTTP Basic credentials when client authentication is on (tiflow's {@code
   * AuthenticateMiddleware}) and the flavour has it.
   */
  AUTHENTICATED
}
