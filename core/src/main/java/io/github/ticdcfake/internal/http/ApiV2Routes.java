package io.github.ticdcfake.internal.http;

import static io.github.ticdcfake.fault.Operation.CREATE_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.DELETE_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.DELETE_SERVICE_GC_SAFEPOINT;
import static io.github.ticdcfake.fault.Operation.DRAIN_CAPTURE;
import static io.github.ticdcfake.fault.Operation.GET_ALL_TABLES;
import static io.github.ticdcfake.fault.Operation.GET_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.GET_CHANGEFEED_META_INFO;
import static io.github.ticdcfake.fault.Operation.GET_CHANGEFEED_STATUS;
import static io.github.ticdcfake.fault.Operation.GET_CHANGEFEED_SYNCED;
import static io.github.ticdcfake.fault.Operation.GET_DISPATCHER_COUNT;
import static io.github.ticdcfake.fault.Operation.GET_PROCESSOR;
import static io.github.ticdcfake.fault.Operation.GET_UNSAFE_METADATA;
import static io.github.ticdcfake.fault.Operation.HEALTH;
import static io.github.ticdcfake.fault.Operation.LIST_CAPTURES;
import static io.github.ticdcfake.fault.Operation.LIST_CHANGEFEEDS;
import static io.github.ticdcfake.fault.Operation.LIST_PROCESSORS;
import static io.github.ticdcfake.fault.Operation.LIST_TABLES;
import static io.github.ticdcfake.fault.Operation.MOVE_TABLE;
import static io.github.ticdcfake.fault.Operation.PAUSE_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.QUERY_TSO;
import static io.github.ticdcfake.fault.Operation.RESIGN_OWNER;
import static io.github.ticdcfake.fault.Operation.RESOLVE_LOCK;
import static io.github.ticdcfake.fault.Operation.RESUME_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.SET_LOG_LEVEL;
import static io.github.ticdcfake.fault.Operation.SET_REDACT_MODE;
import static io.github.ticdcfake.fault.Operation.STATUS;
import static io.github.ticdcfake.fault.Operation.UPDATE_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.VERIFY_TABLE;
import static io.github.ticdcfake.internal.http.RouteFlag.AUTHENTICATED;
import static io.github.ticdcfake.internal.http.RouteFlag.FORWARDED_TO_OWNER;
import static io.github.ticdcfake.internal.http.RouteFlag.READINESS_GATED;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code /api/v2} route table, one line per route, grouped and ordered like tiflow's {@code
 * cdc/api/v2/api.go}. Every route is readiness-gated (the group's {@code
 * CheckServerReadyMiddleware}); {@code FORWARDED_TO_OWNER} and {@code AUTHENTICATED} mark the
 * routes with tiflow's {@code ForwardToOwnerMiddleware} and {@code AuthenticateMiddleware}.
 */
final class ApiV2Routes {
  private ApiV2Routes() {}

  /** The routes the given release serves (v7.3 has no {@code /synced}). */
  static RouteTable table(ApiSurface surface) {
    if (surface.coordinatorApi()) {
      return coordinatorTable();
    }
    List<Route> routes = new ArrayList<>();
    // common APIs
    routes.add(Route.of(HEALTH, StatusHandlers::health, FORWARDED_TO_OWNER));
    routes.add(Route.of(STATUS, StatusHandlers::status));
    routes.add(Route.of(SET_LOG_LEVEL, StatusHandlers::setLogLevel));
    // changefeed APIs
    routes.add(
        Route.of(CREATE_CHANGEFEED, ChangefeedHandlers::create, FORWARDED_TO_OWNER, AUTHENTICATED));
    routes.add(Route.of(LIST_CHANGEFEEDS, ChangefeedHandlers::list, FORWARDED_TO_OWNER));
    routes.add(Route.of(GET_CHANGEFEED, ChangefeedHandlers::get, FORWARDED_TO_OWNER));
    routes.add(
        Route.of(UPDATE_CHANGEFEED, ChangefeedHandlers::update, FORWARDED_TO_OWNER, AUTHENTICATED));
    routes.add(
        Route.of(DELETE_CHANGEFEED, ChangefeedHandlers::delete, FORWARDED_TO_OWNER, AUTHENTICATED));
    routes.add(
        Route.of(GET_CHANGEFEED_META_INFO, ChangefeedHandlers::metaInfo, FORWARDED_TO_OWNER));
    routes.add(
        Route.of(RESUME_CHANGEFEED, ChangefeedHandlers::resume, FORWARDED_TO_OWNER, AUTHENTICATED));
    routes.add(
        Route.of(PAUSE_CHANGEFEED, ChangefeedHandlers::pause, FORWARDED_TO_OWNER, AUTHENTICATED));
    routes.add(Route.of(GET_CHANGEFEED_STATUS, ChangefeedHandlers::status, FORWARDED_TO_OWNER));
    if (surface.hasSyncedRoute()) {
      routes.add(Route.of(GET_CHANGEFEED_SYNCED, ChangefeedHandlers::synced, FORWARDED_TO_OWNER));
    }
    // capture APIs
    routes.add(Route.of(DRAIN_CAPTURE, CaptureHandlers::drain, FORWARDED_TO_OWNER));
    routes.add(Route.of(LIST_CAPTURES, CaptureHandlers::list, FORWARDED_TO_OWNER));
    // processor APIs
    routes.add(Route.of(GET_PROCESSOR, ProcessorHandlers::get, FORWARDED_TO_OWNER));
    routes.add(Route.of(LIST_PROCESSORS, ProcessorHandlers::list, FORWARDED_TO_OWNER));
    // verify table API: answered by the node hit, no forwarding
    routes.add(Route.of(VERIFY_TABLE, ChangefeedHandlers::verifyTable));
    // unsafe APIs
    addUnsafeRoutes(routes);
    // owner APIs
    routes.add(
        surface.forwardsOwnerResign()
            ? Route.of(RESIGN_OWNER, OwnerHandlers::resign, FORWARDED_TO_OWNER)
            : Route.of(RESIGN_OWNER, OwnerHandlers::resign));
    // upstream APIs
    routes.add(Route.of(QUERY_TSO, StatusHandlers::tso));
    return RouteTable.group("/api/v2", Set.of(READINESS_GATED), routes);
  }

  /**
   * The new architecture's {@code /api/v2} (pingcap/ticdc {@code api/v2/api.go@v26.3.4}): no
   * readiness middleware (the changefeed handlers ask whether the coordinator is initialised,
   * marked {@code READINESS_GATED} here), {@code FORWARDED_TO_OWNER} = ForwardToCoordinator, no
   * {@code meta_info} and no v2 drain; the internal table routes (move_table, split, merge,
   * dispatcher counts) are not served.
   */
  private static RouteTable coordinatorTable() {
    List<Route> routes = new ArrayList<>();
    routes.add(Route.of(STATUS, StatusHandlers::status));
    routes.add(Route.of(SET_LOG_LEVEL, StatusHandlers::setLogLevel));
    routes.add(Route.of(SET_REDACT_MODE, StatusHandlers::setRedactMode));
    routes.add(Route.of(HEALTH, StatusHandlers::health, FORWARDED_TO_OWNER));
    // changefeed APIs
    routes.add(
        Route.of(GET_CHANGEFEED, ChangefeedHandlers::get, FORWARDED_TO_OWNER, READINESS_GATED));
    routes.add(
        Route.of(
            CREATE_CHANGEFEED,
            ChangefeedHandlers::create,
            FORWARDED_TO_OWNER,
            AUTHENTICATED,
            READINESS_GATED));
    routes.add(
        Route.of(LIST_CHANGEFEEDS, ChangefeedHandlers::list, FORWARDED_TO_OWNER, READINESS_GATED));
    routes.add(
        Route.of(
            UPDATE_CHANGEFEED,
            ChangefeedHandlers::update,
            FORWARDED_TO_OWNER,
            AUTHENTICATED,
            READINESS_GATED));
    routes.add(
        Route.of(
            RESUME_CHANGEFEED,
            ChangefeedHandlers::resume,
            FORWARDED_TO_OWNER,
            AUTHENTICATED,
            READINESS_GATED));
    routes.add(
        Route.of(
            PAUSE_CHANGEFEED,
            ChangefeedHandlers::pause,
            FORWARDED_TO_OWNER,
            AUTHENTICATED,
            READINESS_GATED));
    routes.add(
        Route.of(
            DELETE_CHANGEFEED,
            ChangefeedHandlers::delete,
            FORWARDED_TO_OWNER,
            AUTHENTICATED,
            READINESS_GATED));
    routes.add(
        Route.of(
            GET_CHANGEFEED_STATUS,
            ChangefeedHandlers::status,
            FORWARDED_TO_OWNER,
            AUTHENTICATED,
            READINESS_GATED));
    routes.add(
        Route.of(
            GET_CHANGEFEED_SYNCED,
            ChangefeedHandlers::synced,
            FORWARDED_TO_OWNER,
            AUTHENTICATED,
            READINESS_GATED));
    // internal APIs
    routes.add(Route.of(MOVE_TABLE, MaintainerHandlers::moveTable, AUTHENTICATED));
    routes.add(Route.of(GET_DISPATCHER_COUNT, MaintainerHandlers::dispatcherCount));
    routes.add(Route.of(LIST_TABLES, MaintainerHandlers::tables));
    // capture APIs
    routes.add(Route.of(LIST_CAPTURES, CaptureHandlers::list, FORWARDED_TO_OWNER));
    routes.add(Route.of(VERIFY_TABLE, ChangefeedHandlers::verifyTable));
    routes.add(Route.of(GET_ALL_TABLES, ChangefeedHandlers::allTables));
    // processor APIs: node-local stubs
    routes.add(Route.of(LIST_PROCESSORS, ProcessorHandlers::list));
    routes.add(Route.of(GET_PROCESSOR, ProcessorHandlers::get));
    // owner APIs
    routes.add(Route.of(RESIGN_OWNER, OwnerHandlers::resign, FORWARDED_TO_OWNER));
    routes.add(Route.of(QUERY_TSO, StatusHandlers::tso));
    // unsafe APIs
    addUnsafeRoutes(routes);
    return RouteTable.of("/api/v2", routes);
  }

  /** The unsafe APIs, the same in tiflow's and ticdc's {@code api.go}. */
  private static void addUnsafeRoutes(List<Route> routes) {
    routes.add(
        Route.of(GET_UNSAFE_METADATA, UnsafeHandlers::metadata, FORWARDED_TO_OWNER, AUTHENTICATED));
    routes.add(
        Route.of(RESOLVE_LOCK, UnsafeHandlers::resolveLock, FORWARDED_TO_OWNER, AUTHENTICATED));
    routes.add(
        Route.of(
            DELETE_SERVICE_GC_SAFEPOINT,
            UnsafeHandlers::deleteServiceGcSafepoint,
            FORWARDED_TO_OWNER,
            AUTHENTICATED));
  }
}
