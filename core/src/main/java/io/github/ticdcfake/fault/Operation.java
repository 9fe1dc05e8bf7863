package io.github.ticdcfake.fault;

/**
 * One operation of TiCDC's HTTP API, named rather than addressed by path: the unit fault rules, the
 * journal and the route table speak of. Paths are exactly TiCDC's route templates (tiflow {@code
 * cdc/api/v2/api.go}, {@code cdc/api/v1/api.go}); the {@code V1_} operations are {@code /api/v1}.
 */
public enum Operation {
  HEALTH("GET", "/api/v2/health"),
  STATUS("GET", "/api/v2/status"),
  SET_LOG_LEVEL("POST", "/api/v2/log"),
  CREATE_CHANGEFEED("POST", "/api/v2/changefeeds"),
  LIST_CHANGEFEEDS("GET", "/api/v2/changefeeds"),
  GET_CHANGEFEED("GET", "/api/v2/changefeeds/{changefeed_id}"),
  UPDATE_CHANGEFEED("PUT", "/api/v2/changefeeds/{changefeed_id}"),
  DELETE_CHANGEFEED("DELETE", "/api/v2/changefeeds/{changefeed_id}"),
  GET_CHANGEFEED_META_INFO("GET", "/api/v2/changefeeds/{changefeed_id}/meta_info"),
  RESUME_CHANGEFEED("POST", "/api/v2/changefeeds/{changefeed_id}/resume"),
  PAUSE_CHANGEFEED("POST", "/api/v2/changefeeds/{changefeed_id}/pause"),
  GET_CHANGEFEED_STATUS("GET", "/api/v2/changefeeds/{changefeed_id}/status"),
  GET_CHANGEFEED_SYNCED("GET", "/api/v2/changefeeds/{changefeed_id}/synced"),
  DRAIN_CAPTURE("POST", "/api/v2/captures/{capture_id}/drain"),
  LIST_CAPTURES("GET", "/api/v2/captures"),
  GET_PROCESSOR("GET", "/api/v2/processors/{changefeed_id}/{capture_id}"),
  LIST_PROCESSORS("GET", "/api/v2/processors"),
  VERIFY_TABLE("POST", "/api/v2/verify_table"),
  GET_UNSAFE_METADATA("GET", "/api/v2/unsafe/metadata"),
  RESOLVE_LOCK("POST", "/api/v2/unsafe/resolve_lock"),
  DELETE_SERVICE_GC_SAFEPOINT("DELETE", "/api/v2/unsafe/service_gc_safepoint"),
  RESIGN_OWNER("POST", "/api/v2/owner/resign"),
  QUERY_TSO("POST", "/api/v2/tso"),
  /** {@code POST /api/v2/log/redact}: the new architecture only (pingcap/ticdc api/v2/log.go). */
  SET_REDACT_MODE("POST", "/api/v2/log/redact"),
  /** {@code POST /api/v2/get_all_tables}: the new architecture only. */
  GET_ALL_TABLES("POST", "/api/v2/get_all_tables"),
  /** {@code POST …/move_table}: the new architecture's internal table move. */
  MOVE_TABLE("POST", "/api/v2/changefeeds/{changefeed_id}/move_table"),
  /** {@code GET …/tables}: the new architecture's table ids per node (internal). */
  LIST_TABLES("GET", "/api/v2/changefeeds/{changefeed_id}/tables"),
  /** {@code GET …/get_dispatcher_count}: the new architecture's span count (internal). */
  GET_DISPATCHER_COUNT("GET", "/api/v2/changefeeds/{changefeed_id}/get_dispatcher_count"),
  /** {@code GET /status}, outside {@code /api/v2}, used by TiDB Operator. */
  ROOT_STATUS("GET", "/status"),
  /** {@code GET /debug/info}: a text dump of the capture's view (tiflow cdc/api/status). */
  DEBUG_INFO("GET", "/debug/info"),
  /** {@code GET /metrics}: the Prometheus exposition (tiflow cdc/http.go). */
  METRICS("GET", "/metrics"),

  // ---- /api/v1, in the order of tiflow cdc/api/v1/api.go RegisterOpenAPIRoutes ----
  V1_STATUS("GET", "/api/v1/status"),
  V1_HEALTH("GET", "/api/v1/health"),
  V1_SET_LOG_LEVEL("POST", "/api/v1/log"),
  V1_LIST_CHANGEFEEDS("GET", "/api/v1/changefeeds"),
  V1_GET_CHANGEFEED("GET", "/api/v1/changefeeds/{changefeed_id}"),
  V1_CREATE_CHANGEFEED("POST", "/api/v1/changefeeds"),
  V1_UPDATE_CHANGEFEED("PUT", "/api/v1/changefeeds/{changefeed_id}"),
  V1_PAUSE_CHANGEFEED("POST", "/api/v1/changefeeds/{changefeed_id}/pause"),
  V1_RESUME_CHANGEFEED("POST", "/api/v1/changefeeds/{changefeed_id}/resume"),
  V1_DELETE_CHANGEFEED("DELETE", "/api/v1/changefeeds/{changefeed_id}"),
  V1_REBALANCE_TABLES("POST", "/api/v1/changefeeds/{changefeed_id}/tables/rebalance_table"),
  V1_MOVE_TABLE("POST", "/api/v1/changefeeds/{changefeed_id}/tables/move_table"),
  V1_RESIGN_OWNER("POST", "/api/v1/owner/resign"),
  V1_LIST_PROCESSORS("GET", "/api/v1/processors"),
  V1_GET_PROCESSOR("GET", "/api/v1/processors/{changefeed_id}/{capture_id}"),
  V1_LIST_CAPTURES("GET", "/api/v1/captures"),
  V1_DRAIN_CAPTURE("PUT", "/api/v1/captures/drain");

  private final String method;
  private final String pathTemplate;

  Operation(String method, String pathTemplate) {
    this.method = method;
    this.pathTemplate = pathTemplate;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The path template, with {@code {changefeed_id}} and {@code {capture_id}} placeholders. */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** {@code "METHOD /path/template"}, the form scenario files use. */
  public String route() {
    return method + " " + pathTemplate;
  }

  /**
   * Whether this is one of the root routes outside TiCDC's API groups ({@code /status}, {@code
   * /debug/info}, {@code /metrics}): no readiness check, and a {@code "*"} fault rule leaves them
   * alone, so a blanket fault never hides a monitoring scrape.
   */
  public boolean isRootRoute() {
    return this == ROOT_STATUS || this == DEBUG_INFO || this == METRICS;
  }

  /** The operation whose {@link #route()} is {@code route}, or {@code null}. */
  public static Operation fromRoute(String route) {
    for (Operation operation : values()) {
      if (operation.route().equals(route)) {
        return operation;
      }
    }
    return null;
  }
}
