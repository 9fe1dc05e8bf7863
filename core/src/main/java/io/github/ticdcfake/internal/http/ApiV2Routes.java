package io.github.ticdcfake.internal.http;

import static io.github.ticdcfake.fault.Operation.CREATE_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.DEBUG_INFO;
import static io.github.ticdcfake.fault.Operation.DELETE_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.DELETE_SERVICE_GC_SAFEPOINT;
import static io.github.ticdcfake.fault.Operation.DRAIN_CAPTURE;
import static io.github.ticdcfake.fault.Operation.GET_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.GET_CHANGEFEED_META_INFO;
import static io.github.ticdcfake.fault.Operation.GET_CHANGEFEED_STATUS;
import static io.github.ticdcfake.fault.Operation.GET_CHANGEFEED_SYNCED;
import static io.github.ticdcfake.fault.Operation.GET_PROCESSOR;
import static io.github.ticdcfake.fault.Operation.GET_UNSAFE_METADATA;
import static io.github.ticdcfake.fault.Operation.HEALTH;
import static io.github.ticdcfake.fault.Operation.LIST_CAPTURES;
import static io.github.ticdcfake.fault.Operation.LIST_CHANGEFEEDS;
import static io.github.ticdcfake.fault.Operation.LIST_PROCESSORS;
import static io.github.ticdcfake.fault.Operation.METRICS;
import static io.github.ticdcfake.fault.Operation.PAUSE_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.QUERY_TSO;
import static io.github.ticdcfake.fault.Operation.RESIGN_OWNER;
import static io.github.ticdcfake.fault.Operation.RESOLVE_LOCK;
import static io.github.ticdcfake.fault.Operation.RESUME_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.ROOT_STATUS;
import static io.github.ticdcfake.fault.Operation.SET_LOG_LEVEL;
import static io.github.ticdcfake.fault.Operation.STATUS;
import static io.github.ticdcfake.fault.Operation.UPDATE_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.VERIFY_TABLE;

import io.github.ticdcfake.cluster.TiCdcVersion;
import java.util.List;

/**
 * The route table, one line per route, grouped and ordered like tiflow's {@code cdc/api/v2/api.go}
 * (reference §2.1). {@code true} marks routes a non-owner forwards to the owner.
 */
final class ApiV2Routes {
  private ApiV2Routes() {}

  /** The routes the given TiCDC release serves (v7.3 has no {@code /synced}, §2.2). */
  static List<Route> of(TiCdcVersion version) {
    return all(version).stream()
        .filter(r -> r.operation() != GET_CHANGEFEED_SYNCED || version.hasSyncedApi())
        .toList();
  }

  private static List<Route> all(TiCdcVersion version) {
    return List.of(
        // common APIs
        new Route(HEALTH, true, StatusHandlers::health),
        new Route(STATUS, false, StatusHandlers::status),
        new Route(SET_LOG_LEVEL, false, StatusHandlers::setLogLevel),
        // changefeed APIs
        new Route(CREATE_CHANGEFEED, true, ChangefeedHandlers::create).withAuthentication(),
        new Route(LIST_CHANGEFEEDS, true, ChangefeedHandlers::list),
        new Route(GET_CHANGEFEED, true, ChangefeedHandlers::get),
        new Route(UPDATE_CHANGEFEED, true, ChangefeedHandlers::update).withAuthentication(),
        new Route(DELETE_CHANGEFEED, true, ChangefeedHandlers::delete).withAuthentication(),
        new Route(GET_CHANGEFEED_META_INFO, true, ChangefeedHandlers::metaInfo),
        new Route(RESUME_CHANGEFEED, true, ChangefeedHandlers::resume).withAuthentication(),
        new Route(PAUSE_CHANGEFEED, true, ChangefeedHandlers::pause).withAuthentication(),
        new Route(GET_CHANGEFEED_STATUS, true, ChangefeedHandlers::status),
        new Route(GET_CHANGEFEED_SYNCED, true, ChangefeedHandlers::synced),
        // capture APIs
        new Route(DRAIN_CAPTURE, true, CaptureHandlers::drain),
        new Route(LIST_CAPTURES, true, CaptureHandlers::list),
        // processor APIs
        new Route(GET_PROCESSOR, true, ProcessorHandlers::get),
        new Route(LIST_PROCESSORS, true, ProcessorHandlers::list),
        // verify table API: answered by the node hit, no forwarding
        new Route(VERIFY_TABLE, false, ChangefeedHandlers::verifyTable),
        // unsafe APIs
        new Route(GET_UNSAFE_METADATA, true, UnsafeHandlers::metadata).withAuthentication(),
        new Route(RESOLVE_LOCK, true, UnsafeHandlers::resolveLock).withAuthentication(),
        new Route(DELETE_SERVICE_GC_SAFEPOINT, true, UnsafeHandlers::deleteServiceGcSafepoint)
            .withAuthentication(),
        // owner APIs
        new Route(RESIGN_OWNER, version.forwardsOwnerResign(), OwnerHandlers::resign),
        // upstream APIs
        new Route(QUERY_TSO, false, StatusHandlers::tso),
        // outside /api/v2 (tiflow cdc/api/status), used by TiDB Operator
        new Route(ROOT_STATUS, false, StatusHandlers::rootStatus),
        new Route(DEBUG_INFO, false, ObservabilityHandlers::debugInfo).withAuthentication(),
        new Route(METRICS, false, ObservabilityHandlers::metrics));
  }
}
