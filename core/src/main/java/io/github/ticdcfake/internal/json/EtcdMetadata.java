package io.github.ticdcfake.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.FakeCluster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plausible listing of the etcd keys TiCDC keeps under {@code /tidb/cdc} for {@code GET
 * /api/v2/unsafe/metadata} (tiflow {@code cdc/api/v2/unsafe.go}), built from the fake's state.
 */
public final class EtcdMetadata {
  private EtcdMetadata() {}

  /** {@code EtcdData}. */
  @JsonPropertyOrder({"key", "value"})
  @JsonInclude(Include.NON_EMPTY)
  public record EtcdData(@JsonProperty("key") String key, @JsonProperty("value") String value) {}

  /** The keys of classic TiCDC, whose owner writes a stop or finish job into each changefeed. */
  public static List<EtcdData> of(FakeCluster cluster) {
    return of(cluster, true);
  }

  /**
   * The keys; {@code adminJobsWritten} false for the new architecture, whose coordinator never
   * writes {@code admin-job-type}, so it stays 0 (pingcap/ticdc {@code
   * pkg/config/changefeed.go@v26.3.4} ChangeFeedInfo, ChangeFeedStatus).
   */
  public static List<EtcdData> of(FakeCluster cluster, boolean adminJobsWritten) {
    String root = "/tidb/cdc/" + cluster.clusterId();
    List<EtcdData> data = new ArrayList<>();
    data.add(new EtcdData(root + "/__cdc_meta__/meta/meta-version", "1"));
    for (Capture capture : cluster.liveCaptures()) {
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("id", capture.id());
      info.put("address", capture.address());
      info.put("version", cluster.version().version());
      info.put("git-hash", cluster.version().gitHash());
      info.put("deploy-path", "");
      info.put("start-timestamp", 0);
      data.add(new EtcdData(root + "/__cdc_meta__/capture/" + capture.id(), json(info)));
      if (capture.owner()) {
        data.add(new EtcdData(root + "/__cdc_meta__/owner/22318498f4dd6639", capture.id()));
      }
    }
    // tiflow cdc/model/upstream.go UpstreamInfo: all fields, the endpoints joined with commas.
    Map<String, Object> upstream = new LinkedHashMap<>();
    upstream.put("id", Json.uint64(cluster.upstreamId()));
    upstream.put("pd-endpoints", String.join(",", cluster.pdEndpoints()));
    upstream.put("key-path", "");
    upstream.put("cert-path", "");
    upstream.put("ca-path", "");
    upstream.put("cert-allowed-cn", null);
    data.add(
        new EtcdData(
            root + "/default/upstream/" + Long.toUnsignedString(cluster.upstreamId()),
            json(upstream)));
    for (Changefeed cf : cluster.changefeeds()) {
      String prefix = root + "/" + cf.namespace() + "/changefeed/";
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("upstream-id", Json.uint64(cf.upstreamId()));
      info.put("namespace", cf.namespace());
      info.put("changefeed-id", cf.id());
      info.put("sink-uri", cf.sinkUri());
      info.put("create-time", GoTime.rfc3339Nano(cf.createTime(), cluster.clock().zone()));
      info.put("start-ts", Json.uint64(cf.startTs()));
      info.put("target-ts", Json.uint64(cf.targetTs()));
      int adminJobType = adminJobsWritten ? cf.adminJobType() : 0;
      info.put("admin-job-type", adminJobType);
      info.put("state", cf.state().wireName());
      info.put("creator-version", cf.creatorVersion());
      data.add(new EtcdData(prefix + "info/" + cf.id(), json(info)));
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("checkpoint-ts", Json.uint64(cf.checkpointTs()));
      status.put("min-table-barrier-ts", Json.uint64(cf.checkpointTs()));
      status.put("admin-job-type", adminJobType);
      data.add(new EtcdData(prefix + "status/" + cf.id(), json(status)));
    }
    data.sort(Comparator.comparing(EtcdData::key));
    return data;
  }

  private static String json(Object value) {
    return new String(Json.compact(value), java.nio.charset.StandardCharsets.UTF_8);
  }
}
