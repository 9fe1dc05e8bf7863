package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ticdcfake.cluster.Capture;

/** {@code Capture}. */
@JsonPropertyOrder({"id", "is_owner", "address", "cluster_id"})
public record CaptureJson(
    @JsonProperty("id") String id,
    @JsonProperty("is_owner") boolean isOwner,
    @JsonProperty("address") String address,
    @JsonProperty("cluster_id") String clusterId) {
  public static CaptureJson from(Capture c) {
    return new CaptureJson(c.id(), c.owner(), c.address(), c.clusterId());
  }
}
