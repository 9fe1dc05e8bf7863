package io.github.ticdcfake.internal.http;

import static io.github.ticdcfake.fault.Operation.V1_CREATE_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.V1_DELETE_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.V1_DRAIN_CAPTURE;
import static io.github.ticdcfake.fault.Operation.V1_GET_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.V1_GET_PROCESSOR;
import static io.github.ticdcfake.fault.Operation.V1_HEALTH;
import static io.github.ticdcfake.fault.Operation.V1_LIST_CAPTURES;
import static io.github.ticdcfake.fault.Operation.V1_LIST_CHANGEFEEDS;
import static io.github.ticdcfake.fault.Operation.V1_LIST_PROCESSORS;
import static io.github.ticdcfake.fault.Operation.V1_MOVE_TABLE;
import static io.github.ticdcfake.fault.Operation.V1_PAUSE_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.V1_REBALANCE_TABLES;
import static io.github.ticdcfake.fault.Operation.V1_RESIGN_OWNER;
import static io.github.ticdcfake.fault.Operation.V1_RESUME_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.V1_SET_LOG_LEVEL;
import static io.github.ticdcfake.fault.Operation.V1_STATUS;
import static io.github.ticdcfake.fault.Operation.V1_UPDATE_CHANGEFEED;
import static io.github.ticdcfake.internal.http.RouteFlag.AUTHENTICATED;
import static io.github.ticdcfake.internal.http.RouteFlag.FORWARDED_TO_OWNER;
import static io.github.ticdcfake.internal.http.RouteFlag.READINESS_GATED;

import java.util.List;
import java.util.Set;

/**
 * The {@code /api/v1} route table, one line per route in the order of tiflow's {@code
 * cdc/api/v1/api.go} RegisterOpenAPIRoutes. The whole group is readiness-gated (status, health and
 * log included); {@code FORWARDED_TO_OWNER} and {@code AUTHENTICATED} mark tiflow's per-route
 * middlewares. Authentication guards the changefeed mutations only — not drain, not owner resign.
 * The same 17 routes exist in every supported release; v7.3's differences are {@link ApiSurface}'s.
 */
final class ApiV1Routes {
  private ApiV1Routes() {}

  static RouteTable table(ApiSurface surface) {
    List<Route> routes =
        List.of(
            // common APIs: status and log are node-local; health asks the owner
            Route.of(V1_STATUS, StatusHandlers::status),
            Route.of(V1_HEALTH, V1ClusterHandlers::health, FORWARDED_TO_OWNER),
            Route.of(V1_SET_LOG_LEVEL, V1ClusterHandlers::setLogLevel),
            // changefeed APIs
            Route.of(V1_LIST_CHANGEFEEDS, V1ChangefeedHandlers::list, FORWARDED_TO_OWNER),
            Route.of(V1_GET_CHANGEFEED, V1ChangefeedHandlers::get, FORWARDED_TO_OWNER),
            Route.of(
                V1_CREATE_CHANGEFEED,
                V1ChangefeedHandlers::create,
                FORWARDED_TO_OWNER,
                AUTHENTICATED),
            Route.of(
                V1_UPDATE_CHANGEFEED,
                V1ChangefeedHandlers::update,
                FORWARDED_TO_OWNER,
                AUTHENTICATED),
            Route.of(
                V1_PAUSE_CHANGEFEED,
                V1ChangefeedHandlers::pause,
                FORWARDED_TO_OWNER,
                AUTHENTICATED),
            Route.of(
                V1_RESUME_CHANGEFEED,
                V1ChangefeedHandlers::resume,
                FORWARDED_TO_OWNER,
                AUTHENTICATED),
            Route.of(
                V1_DELETE_CHANGEFEED,
                V1ChangefeedHandlers::delete,
                FORWARDED_TO_OWNER,
                AUTHENTICATED),
            Route.of(
                V1_REBALANCE_TABLES,
                V1ChangefeedHandlers::rebalanceTables,
                FORWARDED_TO_OWNER,
                AUTHENTICATED),
            Route.of(
                V1_MOVE_TABLE, V1ChangefeedHandlers::moveTable, FORWARDED_TO_OWNER, AUTHENTICATED),
            // owner API: forwarded in every release (v7.3's controller middleware too)
            Route.of(V1_RESIGN_OWNER, V1ClusterHandlers::resignOwner, FORWARDED_TO_OWNER),
            // processor APIs
            Route.of(V1_LIST_PROCESSORS, V1ClusterHandlers::processors, FORWARDED_TO_OWNER),
            Route.of(V1_GET_PROCESSOR, V1ClusterHandlers::processor, FORWARDED_TO_OWNER),
            // capture APIs
            Route.of(V1_LIST_CAPTURES, V1ClusterHandlers::captures, FORWARDED_TO_OWNER),
            Route.of(V1_DRAIN_CAPTURE, V1ClusterHandlers::drainCapture, FORWARDED_TO_OWNER));
    return RouteTable.group("/api/v1", Set.of(READINESS_GATED), routes);
  }
}
