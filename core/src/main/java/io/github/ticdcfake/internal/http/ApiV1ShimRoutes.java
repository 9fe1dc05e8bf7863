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

/**
 * The new architecture's {@code /api/v1}: a shim whose routes hand the call to the v2 handlers
 * after a {@code setV1Header} step (pingcap/ticdc {@code api/v1/api.go@v26.3.4}
 * RegisterOpenAPIV1Routes), so writes answer 202 with v2 bodies and lists are bare arrays. The
 * group has no readiness middleware: {@code READINESS_GATED} marks the v2 changefeed handlers' own
 * "coordinator is not fully initialized" check. {@code FORWARDED_TO_OWNER} is ForwardToCoordinator;
 * drain and owner resign are not authenticated at the tag.
 */
final class ApiV1ShimRoutes {
  private ApiV1ShimRoutes() {}

  static RouteTable table() {
    return RouteTable.of(
        "/api/v1",
        List.of(
            Route.of(V1_STATUS, StatusHandlers::status),
            Route.of(V1_SET_LOG_LEVEL, StatusHandlers::setLogLevel),
            Route.of(V1_HEALTH, V1ShimHandlers::health, FORWARDED_TO_OWNER),
            Route.of(
                V1_LIST_CHANGEFEEDS, V1ShimHandlers::list, FORWARDED_TO_OWNER, READINESS_GATED),
            Route.of(V1_GET_CHANGEFEED, V1ShimHandlers::get, FORWARDED_TO_OWNER, READINESS_GATED),
            Route.of(
                V1_CREATE_CHANGEFEED,
                V1ShimHandlers::create,
                FORWARDED_TO_OWNER,
                AUTHENTICATED,
                READINESS_GATED),
            Route.of(
                V1_UPDATE_CHANGEFEED,
                V1ShimHandlers::update,
                FORWARDED_TO_OWNER,
                AUTHENTICATED,
                READINESS_GATED),
            Route.of(
                V1_PAUSE_CHANGEFEED,
                V1ShimHandlers::pause,
                FORWARDED_TO_OWNER,
                AUTHENTICATED,
                READINESS_GATED),
            Route.of(
                V1_RESUME_CHANGEFEED,
                V1ShimHandlers::resume,
                FORWARDED_TO_OWNER,
                AUTHENTICATED,
                READINESS_GATED),
            Route.of(
                V1_DELETE_CHANGEFEED,
                V1ShimHandlers::delete,
                FORWARDED_TO_OWNER,
                AUTHENTICATED,
                READINESS_GATED),
            Route.of(
                V1_REBALANCE_TABLES,
                V1ShimHandlers::rebalanceTables,
                FORWARDED_TO_OWNER,
                AUTHENTICATED),
            Route.of(V1_MOVE_TABLE, V1ShimHandlers::moveTable, FORWARDED_TO_OWNER, AUTHENTICATED),
            Route.of(V1_RESIGN_OWNER, V1ShimHandlers::resignOwner, FORWARDED_TO_OWNER),
            Route.of(V1_LIST_PROCESSORS, V1ShimHandlers::processors, FORWARDED_TO_OWNER),
            Route.of(V1_GET_PROCESSOR, V1ShimHandlers::processor, FORWARDED_TO_OWNER),
            Route.of(V1_LIST_CAPTURES, V1ShimHandlers::captures, FORWARDED_TO_OWNER),
            Route.of(V1_DRAIN_CAPTURE, V1ShimHandlers::drainCapture, FORWARDED_TO_OWNER)));
  }
}
