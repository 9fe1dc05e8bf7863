package io.github.ticdcfake.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a create or update request asks for: TiCDC's {@code ChangefeedConfig} body (reference §4.3).
 *
 * <p>Build one in Java with {@link #builder()}; HTTP bodies are decoded with Go's rules by {@link
 * #decodeCreate(Object)} (body merged into the default config) and {@link #decodeUpdate(Object)}
 * (body decoded on its own, as TiCDC's update does).
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
  private final Map<String, Object> body; // a dense v2.ChangefeedConfig value
  private final boolean replicaConfigSent;

  private ChangefeedSpec(Map<String, Object> body, boolean replicaConfigSent) {
    this.body = body;
    this.replicaConfigSent = replicaConfigSent;
  }

  /**
   * Decodes a create body (a JSON-shaped tree: maps, lists, strings, booleans, {@link
   * java.math.BigDecimal} numbers, nulls) on top of the default config, like TiCDC's create.
   *
   * @throws CdcException {@code CDC:ErrAPIInvalidParam} with Go's decoding error text
   * @throws ServerPanicException where TiCDC's handler would panic
   */
  public static ChangefeedSpec decodeCreate(Object json) {
    if (json == null) {
      throw new ServerPanicException("create body is null");
    }
    Map<String, Object> body =
        ReplicaConfigSchema.emptyRequest(ReplicaConfigSchema.CHANGEFEED_CONFIG);
    body.put("replica_config", ReplicaConfigSchema.defaults());
    decode(ReplicaConfigSchema.CHANGEFEED_CONFIG, json, body);
    if (body.get("replica_config") == null) {
      throw new ServerPanicException("replica_config is null");
    }
    return new ChangefeedSpec(
        body, json instanceof Map<?, ?> sent && sent.containsKey("replica_config"));
  }

  /** Decodes an update body on its own, like TiCDC's update (reference §3.4 step 3). */
  public static ChangefeedSpec decodeUpdate(Object json) {
    Map<String, Object> body =
        ReplicaConfigSchema.emptyRequest(ReplicaConfigSchema.CHANGEFEED_CONFIG);
    decode(ReplicaConfigSchema.CHANGEFEED_CONFIG, json, body);
    return new ChangefeedSpec(body, body.get("replica_config") != null);
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
    return (String) body.get("namespace");
  }

  /** {@code changefeed_id}; empty means "generate a UUID". */
  public String changefeedId() {
    return (String) body.get("changefeed_id");
  }

  /** {@code start_ts}; 0 means "now". */
  public long startTs() {
    return (Long) body.get("start_ts");
  }

  /** {@code target_ts}; 0 means none. */
  public long targetTs() {
    return (Long) body.get("target_ts");
  }

  /** {@code sink_uri}. */
  public String sinkUri() {
    return (String) body.get("sink_uri");
  }

  /**
   * The {@code replica_config} the request sent, merged into the defaults and rendered like TiCDC's
   * JSON; empty when the request sent none (the defaults apply).
   */
  public java.util.Optional<Map<String, Object>> replicaConfig() {
    return replicaConfigSent
        ? java.util.Optional.of(new ReplicaConfig(replicaConfigValue()).toMap())
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
      return decodeCreate(json);
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
