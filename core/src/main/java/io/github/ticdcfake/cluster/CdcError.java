package io.github.ticdcfake.cluster;

/**
 * TiCDC's error catalogue: the {@code CDC:Err*} codes the OpenAPI v2 server answers with, their
 * message templates and HTTP status (pingcap/tiflow pkg/errors/cdc_errors.go).
 *
 * <p>Templates are printf-style like tiflow's {@code pkg/errors/cdc_errors.go}; as in
 * pingcap/errors a template is only formatted when at least one argument is given, so an error
 * raised without arguments prints its raw template (pingcap/errors normalize.go GetMsg).
 */
public enum CdcError {
  API_INVALID_PARAM("CDC:ErrAPIInvalidParam", 400, "invalid api parameter"),
  CHANGEFEED_NOT_EXISTS("CDC:ErrChangeFeedNotExists", 400, "changefeed not exists, %s"),
  CHANGEFEED_ALREADY_EXISTS("CDC:ErrChangeFeedAlreadyExists", 500, "changefeed already exists, %s"),
  CHANGEFEED_UPDATE_REFUSED("CDC:ErrChangefeedUpdateRefused", 400, "changefeed update error: %s"),
  SINK_URI_INVALID("CDC:ErrSinkURIInvalid", 400, "sink uri invalid '%s'"),
  START_TS_BEFORE_GC(
      "CDC:ErrStartTsBeforeGC",
      400,
      "fail to create or maintain changefeed because start-ts %d is earlier than or equal to GC"
          + " safepoint at %d"),
  TARGET_TS_BEFORE_START_TS(
      "CDC:ErrTargetTsBeforeStartTs",
      400,
      "fail to create changefeed because target-ts %d is earlier than start-ts %d"),
  TABLE_INELIGIBLE(
      "CDC:ErrTableIneligible",
      400,
      "some tables are not eligible to replicate(%s), if you want to ignore these tables, please"
          + " set ignore_ineligible_table to true"),
  FILTER_RULE_INVALID("CDC:ErrFilterRuleInvalid", 400, "filter rule is invalid %s"),
  MYSQL_CONNECTION_ERROR("CDC:ErrMySQLConnectionError", 400, "MySQL connection error"),
  MYSQL_INVALID_CONFIG("CDC:ErrMySQLInvalidConfig", 400, "MySQL config invalid"),
  CAPTURE_NOT_EXIST("CDC:ErrCaptureNotExist", 400, "capture not exists, %s"),
  SCHEDULER_REQUEST_FAILED("CDC:ErrSchedulerRequestFailed", 400, "scheduler request failed, %s"),
  SERVER_IS_NOT_READY("CDC:ErrServerIsNotReady", 503, "cdc server is not ready"),
  CLUSTER_IS_UNHEALTHY("CDC:ErrClusterIsUnhealthy", 500, "TiCDC cluster is unhealthy"),
  CREDENTIAL_NOT_FOUND("CDC:ErrCredentialNotFound", 401, "credential not found: %s"),
  UNAUTHORIZED("CDC:ErrUnauthorized", 401, "user %s unauthorized, error: %s"),
  API_GET_PD_CLIENT_FAILED(
      "CDC:ErrAPIGetPDClientFailed", 500, "failed to get PDClient to connect PD, please recheck"),
  PD_ETCD_API_ERROR("CDC:ErrPDEtcdAPIError", 500, "etcd api call error"),
  INTERNAL_SERVER_ERROR("CDC:ErrInternalServerError", 500, "internal server error"),
  UPSTREAM_NOT_FOUND("CDC:ErrUpstreamNotFound", 500, "upstream not found, cluster-id: %d"),
  UPSTREAM_MISS_MATCH("CDC:ErrUpstreamMissMatch", 500, "upstream missmatch,old: %d, new %d"),
  INVALID_REPLICA_CONFIG("CDC:ErrInvalidReplicaConfig", 500, "invalid replica config, %s"),
  SINK_INVALID_CONFIG("CDC:ErrSinkInvalidConfig", 500, "sink config invalid"),
  SINK_UNKNOWN_PROTOCOL(
      "CDC:ErrSinkUnknownProtocol", 500, "unknown '%s' message protocol for sink"),
  DISPATCHER_FAILED("CDC:ErrDispatcherFailed", 500, "dispatcher failed"),
  COLUMN_SELECTOR_FAILED("CDC:ErrColumnSelectorFailed", 500, "column selector failed"),
  KAFKA_NEW_PRODUCER("CDC:ErrKafkaNewProducer", 500, "new kafka producer"),
  REACH_MAX_TRY("CDC:ErrReachMaxTry", 500, "reach maximum try: %s, error: %s"),
  OWNER_NOT_FOUND("CDC:ErrOwnerNotFound", 500, "owner not found"),
  META_OP_FAILED("DFLOW:ErrMetaOpFailed", 500, "unexpected meta operation failure: %s"),
  /**
   * The forwarding error; TiCDC registers it without the {@code CDC:} prefix (pingcap/tiflow
   * cdc/api/middleware/middleware.go).
   */
  REQUEST_FORWARD_ERR(
      "ErrRequestForwardErr",
      500,
      "request forward error, an request can only forward to owner one time"),

  // Runtime errors: they appear inside a changefeed's error, not as HTTP answers.
  GC_TTL_EXCEEDED(
      "CDC:ErrGCTTLExceeded",
      500,
      "the checkpoint-ts(%d) lag of the changefeed(%s) has exceeded the GC TTL and the changefeed"
          + " is blocking global GC progression"),
  SNAPSHOT_LOST_BY_GC(
      "CDC:ErrSnapshotLostByGC",
      500,
      "fail to create or maintain changefeed due to snapshot loss caused by GC. checkpoint-ts %d"
          + " is earlier than or equal to GC safepoint at %d"),
  CHANGEFEED_UNRETRYABLE("CDC:ErrChangefeedUnretryable", 500, "changefeed is in unretryable state");

  /**
   * The codes TiCDC answers with 400 when an error is, wraps or mentions them (pingcap/tiflow
   * cdc/api/util.go IsHTTPBadRequestError).
   */
  private static final CdcError[] BAD_REQUEST = {
    API_INVALID_PARAM,
    SINK_URI_INVALID,
    START_TS_BEFORE_GC,
    CHANGEFEED_NOT_EXISTS,
    TARGET_TS_BEFORE_START_TS,
    TABLE_INELIGIBLE,
    FILTER_RULE_INVALID,
    CHANGEFEED_UPDATE_REFUSED,
    MYSQL_CONNECTION_ERROR,
    MYSQL_INVALID_CONFIG,
    CAPTURE_NOT_EXIST,
    SCHEDULER_REQUEST_FAILED
  };

  private final String code;
  private final int httpStatus;
  private final String template;

  CdcError(String code, int httpStatus, String template) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.template = template;
  }

  /** The RFC code exactly as TiCDC prints it, for example {@code CDC:ErrChangeFeedNotExists}. */
  public String code() {
    return code;
  }

  /** The HTTP status TiCDC's v2 server answers with when this is the outermost error. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The unformatted message template. */
  public String template() {
    return template;
  }

  /**
   * Formats the message like pingcap/errors: raw template without arguments, {@code Sprintf}
   * otherwise.
   */
  public String message(Object... args) {
    return args.length == 0 ? template : GoFormat.sprintf(template, args);
  }

  /** Raises this error with the template formatted from {@code args}. */
  public CdcException raise(Object... args) {
    return new CdcException(this, message(args));
  }

  /** Raises this error with a custom message (TiCDC's {@code GenWithStack} with free text). */
  public CdcException raiseWithMessage(String message) {
    return new CdcException(this, message);
  }

  /** Raises this error as the wrapper of {@code cause}: {@code message + ": " + cause text}. */
  public CdcException wrap(String causeText) {
    return new CdcException(this, template + ": " + causeText);
  }

  /**
   * This error as an injected fault: the envelope TiCDC answers with, this code's status and the
   * template formatted from {@code args}.
   */
  public io.github.ticdcfake.fault.Fault asFault(Object... args) {
    return io.github.ticdcfake.fault.Fault.error(httpStatus, code, message(args));
  }

  /**
   * Whether an error text mentioning this code is answered with 400 (pingcap/tiflow cdc/api/util.go
   * IsHTTPBadRequestError).
   */
  static boolean mentionsBadRequestCode(String text) {
    for (CdcError error : BAD_REQUEST) {
      if (text.contains(error.code)) {
        return true;
      }
    }
    return false;
  }
}
