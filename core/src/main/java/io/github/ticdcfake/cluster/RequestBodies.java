package io.github.ticdcfake.cluster;

import java.util.List;
import java.util.Map;

/**
 * Go-style decoding of TiCDC's small v2 request bodies (pingcap/tiflow cdc/api/v2/model.go); each
 * method fails with {@code CDC:ErrAPIInvalidParam} and Go's error text, like gin's {@code
 * BindJSON}.
 */
public final class RequestBodies {
  private RequestBodies() {}

  /** {@code ResumeChangefeedConfig}: the checkpoint to resume from and PD addresses. */
  public record Resume(long overwriteCheckpointTs, List<String> pdAddrs) {}

  /** Decodes a {@code ResumeChangefeedConfig}. */
  public static Resume resume(Object json) {
    Map<String, Object> body = decode(ReplicaConfigSchema.RESUME_CONFIG, json);
    return new Resume((Long) body.get("overwrite_checkpoint_ts"), pdAddrs(body));
  }

  /** {@code UpstreamConfig}: the upstream id (0 when not given) and PD addresses. */
  public record Upstream(long id, List<String> pdAddrs) {}

  /** Decodes an {@code UpstreamConfig}. */
  public static Upstream upstream(Object json) {
    Map<String, Object> body = decode(ReplicaConfigSchema.UPSTREAM_CONFIG, json);
    return new Upstream((Long) body.get("id"), pdAddrs(body));
  }

  @SuppressWarnings("unchecked")
  private static List<String> pdAddrs(Map<String, Object> body) {
    Object addrs = body.get("pd_addrs");
    return addrs == null ? List.of() : List.copyOf((List<String>) addrs);
  }

  /** {@code LogLevelReq.log_level}. */
  public static String logLevel(Object json) {
    return (String) decode(ReplicaConfigSchema.LOG_LEVEL_REQ, json).get("log_level");
  }

  /** {@code RedactModeReq.redact_info_log} (the new architecture's {@code /log/redact}). */
  public static String redactMode(Object json) {
    return (String) decode(REDACT_MODE_REQ, json).get("redact_info_log");
  }

  private static final GoType.Struct REDACT_MODE_REQ =
      GoType.struct("v2.RedactModeReq", GoType.field("redact_info_log", GoType.STRING));

  /** {@code ResolveLockReq}: {@code [region_id, ts]}. */
  public static long[] resolveLock(Object json) {
    Map<String, Object> body = decode(ReplicaConfigSchema.RESOLVE_LOCK_REQ, json);
    return new long[] {(Long) body.get("region_id"), (Long) body.get("ts")};
  }

  private static Map<String, Object> decode(GoType.Struct type, Object json) {
    Map<String, Object> body = ReplicaConfigSchema.emptyRequest(type);
    ChangefeedSpec.decode(type, json, body);
    return body;
  }
}
