package io.github.ticdcfake.internal.http;

import static io.github.ticdcfake.fault.Operation.DEBUG_INFO;
import static io.github.ticdcfake.fault.Operation.METRICS;
import static io.github.ticdcfake.fault.Operation.ROOT_STATUS;

import java.util.List;

/**
 * The routes outside {@code /api/v2}, with no readiness check: {@code GET /status} (tiflow {@code
 * cdc/api/status}, used by TiDB Operator), {@code GET /debug/info} (behind client authentication in
 * classic TiCDC, open in the new architecture) and {@code GET /metrics} (tiflow {@code
 * cdc/http.go}).
 */
final class RootRoutes {
  private RootRoutes() {}

  static RouteTable table(ApiSurface surface) {
    return RouteTable.of(
        "/",
        List.of(
            Route.of(ROOT_STATUS, StatusHandlers::rootStatus),
            // pingcap/ticdc api/v2/api.go@v26.3.4 registers /debug/info without authentication
            surface.coordinatorApi()
                ? Route.of(DEBUG_INFO, ObservabilityHandlers::debugInfo)
                : Route.of(DEBUG_INFO, ObservabilityHandlers::debugInfo, RouteFlag.AUTHENTICATED),
            Route.of(METRICS, ObservabilityHandlers::metrics)));
  }
}
