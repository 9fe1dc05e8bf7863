package io.github.ticdcfake.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a create or update request asks for: TiCDC's {@code ChangefeedConfig} body (pingcap/tiflow
 * cdc/api/v2/model.go).
 *
 * <p>Build one in Java with {@link #builder()}; HTTP bodies are decoded with Go's rules by {@link
 * #decodeCreate(Object)} (body merged into the default config) and {@link #decodeUpdate(Object,
 * TiCdcVersion)} (body decoded on its own, as TiCDC's update does).
 *
 * <pre>{@code
 * cluster.createChangefeed(ChangefeedSpec.builder()
 *     .changefeedId("cf-1")
 *     .sinkUri("kafka://127.0.0.1:9092/topic?protocol=canal-json")
 *     .replicaConfig(Map.of("force_replicate", true))
 *     .build());
 * }</pre>
 */
public final class ChangefeedSpec {
  enum Kind {
    CREATE,
    UPDATE,
    VERIFY_TABLE
  }

  private final Kind kind;
  private final Object json;
  private final TiCdcVersion version;
  private final Map<String, Object> body; // a dense ChangefeedConfig / VerifyTableConfig value
  private final boolean replicaConfigSent;
  private final V1Extras v1; // null for v2 and Java-built specs

  /** What a v1 create checks without storing it (tiflow {@code cdc/api/v1/validator.go}). */
  private record V1Extras(boolean ignoreIneligibleTable, String timezone) {}

  private ChangefeedSpec(
      Kind kind,
      Object json,
      TiCdcVersion version,
      Map<String, Object> body,
      boolean replicaConfigSent) {
    this(kind, json, version, body, replicaConfigSent, null);
  }

  private ChangefeedSpec(
      Kind kind,
      Object json,
      TiCdcVersion version,
      Map<String, Object> body,
      boolean replicaConfigSent,
      V1Extras v1) {
    this.kind = kind;
    this.json = json;
    this.version = version;
    this.body = body;
    this.replicaConfigSent = replicaConfigSent;
    this.v1 = v1;
  }

  /** A create spec built by a v1 body ({@link V1ChangefeedConfig#toCreateSpec()}). */
  static ChangefeedSpec fromV1(
      TiCdcVersion version,
      Map<String, Object> body,
      boolean ignoreIneligibleTable,
      String timezone) {
    return new ChangefeedSpec(
        Kind.CREATE, null, version, body, true, new V1Extras(ignoreIneligibleTable, timezone));
  }

  /** Whether the body came through {@code /api/v1}, whose create checks in its own order. */
  boolean isV1() {
    return v1 != null;
  }

  /** Whether ineligible tables are skipped rather than refused (v1's unstored flag). */
  boolean skipsIneligibleTables() {
    return v1 != null && v1.ignoreIneligibleTable();
  }

  /** v1's timezone check, made after table verification; nothing for v2. */
  void checkTimezone() {
    if (v1 != null) {
      V1ChangefeedConfig.checkTimezone(v1.timezone());
    }
  }

  /**
   * Decodes a create body (a JSON-shaped tree: maps, lists, strings, booleans, {@link
   * java.math.BigDecimal} numbers, nulls) on top of the default config, like TiCDC's create.
   *
   * @throws CdcException {@code CDC:ErrAPIInvalidParam} with Go's decoding error text
   * @throws ServerPanicException where TiCDC's handler would panic
   */
  public static ChangefeedSpec decodeCreate(Object json, TiCdcVersion version) {
    return decode(Kind.CREATE, json, version);
  }

  /** {@link #decodeCreate(Object, TiCdcVersion)} for the newest TiCDC. */
  public static ChangefeedSpec decodeCreate(Object json) {
    return decodeCreate(json, TiCdcVersion.latest());
  }

  /**
   * Decodes an update body on its own, like TiCDC's update (pingcap/tiflow cdc/api/v2/changefeed.go
   * updateChangefeed).
   */
  public static ChangefeedSpec decodeUpdate(Object json, TiCdcVersion version) {
    return decode(Kind.UPDATE, json, version);
  }

  /**
   * Decodes a {@code VerifyTableConfig} body (pingcap/tiflow cdc/api/v2/model.go): like create, on
   * top of the default config.
   */
  public static ChangefeedSpec decodeVerifyTable(Object json, TiCdcVersion version) {
    return decode(Kind.VERIFY_TABLE, json, version);
  }

  private static ChangefeedSpec decode(Kind kind, Object json, TiCdcVersion version) {
    ConfigShape shape = ConfigShape.of(version);
    GoType.Struct type =
        kind == Kind.VERIFY_TABLE ? shape.verifyTableConfig : shape.changefeedConfig;
    Map<String, Object> body = ReplicaConfigSchema.emptyRequest(type);
    if (kind != Kind.UPDATE) {
      if (json == null && kind == Kind.CREATE) {
        throw new ServerPanicException("create body is null");
      }
      body.put("replica_config", shape.defaults());
    }
    decode(type, json, body);
    boolean sent = body.get("replica_config") != null;
    if (kind != Kind.UPDATE && !sent) {
      throw new ServerPanicException("replica_config is null");
    }
    return new ChangefeedSpec(kind, json, version, body, sent);
  }

  /** The same request decoded for another release (Java-built specs target the newest). */
  ChangefeedSpec forVersion(TiCdcVersion other) {
    return other == version || v1 != null ? this : decode(kind, json, other);
  }

  static void decode(GoType.Struct type, Object json, Map<String, Object> target) {
    try {
      GoType.decodeInto(type, json, target);
    } catch (GoType.DecodeException e) {
      throw CdcError.API_INVALID_PARAM.wrap(e.getMessage());
    }
  }

  /** A builder for Java callers; unset fields are TiCDC's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code namespace}; empty means {@code default}. */
  public String namespace() {
    return (String) body.getOrDefault("namespace", "");
  }

  /** {@code changefeed_id}; empty means "generate a UUID". */
  public String changefeedId() {
    return (String) body.getOrDefault("changefeed_id", "");
  }

  /** {@code start_ts}; 0 means "now". */
  public long startTs() {
    return (Long) body.getOrDefault("start_ts", 0L);
  }

  /** {@code target_ts}; 0 means none. */
  public long targetTs() {
    return (Long) body.getOrDefault("target_ts", 0L);
  }

  /** {@code pd_addrs}: an upstream other than the server's default (empty when not given). */
  @SuppressWarnings("unchecked")
  public List<String> pdAddrs() {
    Object addrs = body.get("pd_addrs");
    return addrs == null ? List.of() : List.copyOf((List<String>) addrs);
  }

  /** {@code sink_uri}. */
  public String sinkUri() {
    return (String) body.getOrDefault("sink_uri", "");
  }

  /**
   * The {@code replica_config} the request sent, merged into the defaults and rendered like TiCDC's
   * JSON; empty when the request sent none (the defaults apply).
   */
  public java.util.Optional<Map<String, Object>> replicaConfig() {
    boolean explicit =
        json instanceof Map<?, ?> sent
            && sent.keySet().stream().anyMatch(k -> "replica_config".equalsIgnoreCase((String) k));
    return explicit && replicaConfigValue() != null
        ? java.util.Optional.of(
            new ReplicaConfig(ConfigShape.of(version), replicaConfigValue()).toMap())
        : java.util.Optional.empty();
  }

  boolean replicaConfigSent() {
    return replicaConfigSent;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> replicaConfigValue() {
    return (Map<String, Object>) body.get("replica_config");
  }

  /** Builds a {@link ChangefeedSpec} from Java values. */
  public static final class Builder {
    private final Map<String, Object> json = new LinkedHashMap<>();

    private Builder() {}

    /** The namespace; default {@code default}. */
    public Builder namespace(String namespace) {
      json.put("namespace", Objects.requireNonNull(namespace));
      return this;
    }

    /** The changefeed id; default a random UUID. */
    public Builder changefeedId(String id) {
      json.put("changefeed_id", Objects.requireNonNull(id));
      return this;
    }

    /** The start TSO; default the current TSO. */
    public Builder startTs(long startTs) {
      json.put("start_ts", new java.math.BigDecimal(Long.toUnsignedString(startTs)));
      return this;
    }

    /** The target TSO; default none. */
    public Builder targetTs(long targetTs) {
      json.put("target_ts", new java.math.BigDecimal(Long.toUnsignedString(targetTs)));
      return this;
    }

    /** The sink URI (required). */
    public Builder sinkUri(String sinkUri) {
      json.put("sink_uri", Objects.requireNonNull(sinkUri));
      return this;
    }

    /**
     * Overrides of the default {@code replica_config}, shaped like TiCDC's JSON (for example {@code
     * Map.of("filter", Map.of("rules", List.of("test.*")))}); numbers may be any {@link Number}.
     */
    public Builder replicaConfig(Map<String, ?> replicaConfig) {
      json.put("replica_config", normalize(replicaConfig));
      return this;
    }

    /** The spec, decoded exactly like an HTTP create body. */
    public ChangefeedSpec build() {
      return decodeCreate(json, TiCdcVersion.latest());
    }

    private static Object normalize(Object value) {
      if (value instanceof Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
        return out;
      }
      if (value instanceof java.util.List<?> list) {
        java.util.List<Object> out = new java.util.ArrayList<>();
        list.forEach(v -> out.add(normalize(v)));
        return out;
      }
      if (value instanceof java.time.Duration d) {
        return new java.math.BigDecimal(d.toNanos());
      }
      if (value instanceof Number n && !(value instanceof java.math.BigDecimal)) {
        return new java.math.BigDecimal(n.toString());
      }
      return value;
    }
  }
}
