package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ticdcfake.cluster.SyncedStatus;
import io.github.ticdcfake.internal.json.GoTime;
import java.time.Instant;
import java.time.ZoneId;

/** {@code SyncedStatus}: four local times and TiCDC's explanation. */
@JsonPropertyOrder({
  "synced",
  "sink_checkpoint_ts",
  "puller_resolved_ts",
  "last_synced_ts",
  "now_ts",
  "info"
})
public record SyncedStatusJson(
    @JsonProperty("synced") boolean synced,
    @JsonProperty("sink_checkpoint_ts") String sinkCheckpointTs,
    @JsonProperty("puller_resolved_ts") String pullerResolvedTs,
    @JsonProperty("last_synced_ts") String lastSyncedTs,
    @JsonProperty("now_ts") String nowTs,
    @JsonProperty("info") String info) {
  public static SyncedStatusJson from(SyncedStatus s, ZoneId zone) {
    return new SyncedStatusJson(
        s.synced(),
        GoTime.tsoLocal(s.sinkCheckpointTs(), zone),
        GoTime.tsoLocal(s.pullerResolvedTs(), zone),
        GoTime.tsoLocal(s.lastSyncedTs(), zone),
        GoTime.local(Instant.ofEpochMilli(s.nowMillis()), zone),
        s.info());
  }
}
