package io.github.ticdcfake.internal.json.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code Capture}. */
@JsonPropertyOrder({"id", "is_owner", "address", "cluster_id"})
public record Capture(
    @JsonProperty("id") String id,
    @JsonProperty("is_owner") boolean isOwner,
    @JsonProperty("address") String address,
    @JsonProperty("cluster_id") String clusterId) {
  public static Capture from(io.github.ticdcfake.cluster.Capture c) {
    return new Capture(c.id(), c.owner(), c.address(), c.clusterId());
  }
}
