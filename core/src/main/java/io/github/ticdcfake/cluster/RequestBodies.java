package io.github.ticdcfake.cluster;

import java.util.List;
import java.util.Map;

/**
 * Go-style decoding of TiCDC's small v2 request bodies (reference §4.3); each method fails with
 * {@code CDC:ErrAPIInvalidParam} and Go's error text, like gin's {@code BindJSON}.
 */
public final class RequestBodies {
  private RequestBodies() {}

  /** {@code ResumeChangefeedConfig.overwrite_checkpoint_ts}. */
  public static long overwriteCheckpointTs(Object json) {
    return (Long) decode(ReplicaConfigSchema.RESUME_CONFIG, json).get("overwrite_checkpoint_ts");
  }

  /** {@code LogLevelReq.log_level}. */
  public static String logLevel(Object json) {
    return (String) decode(ReplicaConfigSchema.LOG_LEVEL_REQ, json).get("log_level");
  }

  /** {@code UpstreamConfig}: the upstream id (0 when not given). */
  public static long upstreamId(Object json) {
    return (Long) decode(ReplicaConfigSchema.UPSTREAM_CONFIG, json).get("id");
  }

  /** {@code UpstreamConfig.pd_addrs} (empty when not given). */
  @SuppressWarnings("unchecked")
  public static List<String> pdAddrs(Object json) {
    Object addrs = decode(ReplicaConfigSchema.UPSTREAM_CONFIG, json).get("pd_addrs");
    return addrs == null ? List.of() : List.copyOf((List<String>) addrs);
  }

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
