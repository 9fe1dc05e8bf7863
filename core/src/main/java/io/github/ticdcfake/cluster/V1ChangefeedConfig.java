package io.github.ticdcfake.cluster;

import static io.github.ticdcfake.cluster.GoType.BOOL;
import static io.github.ticdcfake.cluster.GoType.INT;
import static io.github.ticdcfake.cluster.GoType.STRING;
import static io.github.ticdcfake.cluster.GoType.UINT64;
import static io.github.ticdcfake.cluster.GoType.field;
import static io.github.ticdcfake.cluster.GoType.ptr;
import static io.github.ticdcfake.cluster.GoType.slice;
import static io.github.ticdcfake.cluster.GoType.struct;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of {@code POST} and {@code PUT /api/v1/changefeeds}: tiflow's {@code
 * model.ChangefeedConfig} ({@code cdc/model/http_model.go}), decoded with Go's rules into zero
 * values.
 *
 * <p>Its {@code sink_config} uses the internal, hyphenated keys of tiflow's {@code
 * pkg/config/sink.go} ({@code encoder-concurrency}, {@code kafka-config}, …) and is kept here
 * already translated to the names the v2 API shows, so a changefeed written through v1 reads the
 * same through v2.
 */
public final class V1ChangefeedConfig {
  private final TiCdcVersion version;
  private final Object json;
  private final Map<String, Object> body;
  private final Map<String, Object> sink; // v2-keyed, null when sink_config was absent or null

  private V1ChangefeedConfig(TiCdcVersion version, Object json, Map<String, Object> body) {
    this.version = version;
    this.json = json;
    this.body = body;
    Object sent = body.get("sink_config");
    this.sink = sent == null ? null : V1SinkConfig.toV2(ConfigShape.of(version).sink, sent);
  }

  /**
   * Decodes a v1 create or update body; {@code null} is an all-zero config, as in Go.
   *
   * @throws CdcException {@code CDC:ErrAPIInvalidParam} wrapping Go's decoding error text
   */
  public static V1ChangefeedConfig decode(Object json, TiCdcVersion version) {
    GoType.Struct type = schema(version);
    Map<String, Object> body = ReplicaConfigSchema.emptyRequest(type);
    ChangefeedSpec.decode(type, json, body);
    return new V1ChangefeedConfig(version, json, body);
  }

  private static GoType.Struct schema(TiCdcVersion version) {
    return struct(
        "model.ChangefeedConfig",
        field("namespace", STRING),
        field("changefeed_id", STRING),
        field("start_ts", UINT64),
        field("target_ts", UINT64),
        field("sink_uri", STRING),
        field("timezone", STRING),
        field("force_replicate", BOOL),
        field("ignore_ineligible_table", BOOL),
        field("filter_rules", slice(STRING)),
        field("ignore_txn_start_ts", slice(UINT64)),
        field("mounter_worker_num", INT),
        field("sink_config", ptr(V1SinkConfig.internalShape(ConfigShape.of(version).sink))));
  }

  V1ChangefeedConfig forVersion(TiCdcVersion other) {
    return other == version ? this : decode(json, other);
  }

  /** {@code changefeed_id}: required by v1 (no UUID is generated). */
  public String changefeedId() {
    return (String) body.get("changefeed_id");
  }

  /** {@code sink_uri}. */
  public String sinkUri() {
    return (String) body.get("sink_uri");
  }

  /** {@code start_ts}; 0 means the current TSO. */
  public long startTs() {
    return (Long) body.get("start_ts");
  }

  /** {@code target_ts}; 0 means none. */
  public long targetTs() {
    return (Long) body.get("target_ts");
  }

  /** {@code timezone}: validated at create, never stored. */
  public String timezone() {
    return (String) body.get("timezone");
  }

  /** {@code force_replicate}. */
  public boolean forceReplicate() {
    return (Boolean) body.get("force_replicate");
  }

  /** {@code ignore_ineligible_table}: used by create's table check only, never stored. */
  public boolean ignoreIneligibleTable() {
    return (Boolean) body.get("ignore_ineligible_table");
  }

  /** {@code filter_rules}; empty when not sent. */
  @SuppressWarnings("unchecked")
  public List<String> filterRules() {
    Object rules = body.get("filter_rules");
    return rules == null ? List.of() : List.copyOf((List<String>) rules);
  }

  /** {@code ignore_txn_start_ts}; empty when not sent. */
  @SuppressWarnings("unchecked")
  public List<Long> ignoreTxnStartTs() {
    Object ts = body.get("ignore_txn_start_ts");
    return ts == null ? List.of() : List.copyOf((List<Long>) ts);
  }

  /** {@code mounter_worker_num}; 0 when not sent. */
  public long mounterWorkerNum() {
    return (Long) body.get("mounter_worker_num");
  }

  /** Whether {@code sink_config} was sent (and not {@code null}). */
  public boolean sinkConfigSent() {
    return sink != null;
  }

  /** A fresh copy of the sent sink section under v2's names; null when not sent. */
  Map<String, Object> sinkSection() {
    return sink == null ? null : GoType.copyStruct(ConfigShape.of(version).sink, sink);
  }

  /**
   * The v2 create or update body the new architecture's {@code /api/v1} shim rewrites this body
   * into (pingcap/ticdc {@code api/v1/api.go@v26.3.4} getV2ChangefeedConfig): id, start and target
   * ts, sink URI, and a replica config whose {@code force_replicate}, {@code
   * ignore_ineligible_table} and {@code mounter.worker_num} are copied unconditionally (absent:
   * {@code false}, {@code 0}), filter rules and ignored start ts only when sent (Go omits empty
   * slices), and {@code sink} only when sent, merged onto the defaults (Go omits its nil fields).
   * {@code timezone} is dropped.
   */
  public Map<String, Object> toV2ShimBody() {
    Map<String, Object> replica = new java.util.LinkedHashMap<>();
    replica.put("force_replicate", forceReplicate());
    replica.put("ignore_ineligible_table", ignoreIneligibleTable());
    Map<String, Object> filter = new java.util.LinkedHashMap<>();
    if (!filterRules().isEmpty()) {
      filter.put("rules", new ArrayList<>(filterRules()));
    }
    if (!ignoreTxnStartTs().isEmpty()) {
      filter.put("ignore_txn_start_ts", new ArrayList<>(ignoreTxnStartTs()));
    }
    if (!filter.isEmpty()) {
      replica.put("filter", filter);
    }
    replica.put("mounter", new java.util.LinkedHashMap<>(Map.of("worker_num", mounterWorkerNum())));
    if (sink != null) {
      replica.put("sink", withoutNulls(sinkSection()));
    }
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("changefeed_id", changefeedId());
    body.put("start_ts", startTs());
    body.put("target_ts", targetTs());
    body.put("sink_uri", sinkUri());
    body.put("replica_config", replica);
    return body;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withoutNulls(Map<String, Object> section) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    section.forEach(
        (k, v) -> {
          if (v instanceof Map<?, ?> m) {
            out.put(k, withoutNulls((Map<String, Object>) m));
          } else if (v != null) {
            out.put(k, v);
          }
        });
    return out;
  }

  /**
   * The create request as the domain's changefeed spec (tiflow {@code cdc/api/v1/validator.go}
   * verifyCreateChangefeedConfig): the checks v1 makes before anything else, then the server's
   * default config with the v1 overrides.
   *
   * @throws CdcException v1's own wording for an empty sink URI or changefeed id
   */
  ChangefeedSpec toCreateSpec() {
    if (sinkUri().isEmpty()) {
      throw CdcError.SINK_URI_INVALID.raise(
          "sink-uri is empty, can't not create a changefeed without sink-uri");
    }
    ChangefeedChecks.checkChangefeedId(changefeedId());
    ConfigShape shape = ConfigShape.of(version);
    Map<String, Object> config = shape.defaults();
    config.put("force_replicate", forceReplicate());
    if (mounterWorkerNum() != 0) {
      section(config, "mounter").put("worker_num", mounterWorkerNum());
    }
    if (sink != null) {
      config.put("sink", sinkSection());
    }
    if (!ignoreTxnStartTs().isEmpty()) {
      section(config, "filter").put("ignore_txn_start_ts", new ArrayList<>(ignoreTxnStartTs()));
    }
    if (!filterRules().isEmpty()) {
      section(config, "filter").put("rules", new ArrayList<>(filterRules()));
    }
    Map<String, Object> spec = ReplicaConfigSchema.emptyRequest(shape.changefeedConfig);
    spec.put("namespace", FakeCluster.DEFAULT_NAMESPACE);
    spec.put("changefeed_id", changefeedId());
    spec.put("start_ts", startTs());
    spec.put("target_ts", targetTs());
    spec.put("sink_uri", sinkUri());
    spec.put("replica_config", config);
    return ChangefeedSpec.fromV1(version, spec, ignoreIneligibleTable(), timezone());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> section(Map<String, Object> config, String name) {
    return (Map<String, Object>) config.get(name);
  }

  /**
   * tiflow {@code pkg/util/tz.go} GetTimezone: empty, {@code system} and {@code local} are the
   * server's zone; anything else must be an IANA name.
   */
  static void checkTimezone(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.isEmpty() || lower.equals("system") || lower.equals("local")) {
      return;
    }
    if (name.equals("UTC") || ZoneId.getAvailableZoneIds().contains(name)) {
      return;
    }
    throw CdcError.API_INVALID_PARAM.wrap(
        "invalid timezone:"
            + name
            + ": [CDC:ErrLoadTimezone]load timezone: unknown time zone "
            + name);
  }

  /** {@code model.MoveTableReq} of {@code …/tables/move_table}. */
  public record MoveTable(String captureId, long tableId) {}

  /** Decodes a {@code MoveTableReq}; failures are {@code CDC:ErrAPIInvalidParam}. */
  public static MoveTable decodeMoveTable(Object json) {
    GoType.Struct type =
        struct("model.MoveTableReq", field("capture_id", STRING), field("table_id", GoType.INT64));
    Map<String, Object> body = new LinkedHashMap<>(type.zero());
    ChangefeedSpec.decode(type, json, body);
    return new MoveTable((String) body.get("capture_id"), (Long) body.get("table_id"));
  }

  /** Decodes a {@code model.DrainCaptureRequest}: the capture id. */
  public static String decodeDrainCapture(Object json) {
    GoType.Struct type = struct("model.DrainCaptureRequest", field("capture_id", STRING));
    Map<String, Object> body = new LinkedHashMap<>(type.zero());
    ChangefeedSpec.decode(type, json, body);
    return (String) body.get("capture_id");
  }

  /** Checks a changefeed id like tiflow: else {@code invalid changefeed_id: <id>}. */
  public static void checkChangefeedId(String changefeedId) {
    ChangefeedChecks.checkChangefeedId(changefeedId);
  }

  /**
   * Checks a capture id like tiflow's v1 handlers: it must look like a changefeed id, else {@code
   * invalid capture_id: <id>}.
   */
  public static void checkCaptureId(String captureId) {
    ChangefeedChecks.checkCaptureId(captureId);
  }
}
