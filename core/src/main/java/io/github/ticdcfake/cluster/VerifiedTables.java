package io.github.ticdcfake.cluster;

import java.util.List;

/**
 * The answer of {@code POST /api/v2/verify_table}: the upstream tables a config would replicate,
 * split by eligibility (pingcap/tiflow cdc/api/v2/capture.go, owner.go, health.go, status.go,
 * unsafe.go).
 *
 * @param ineligible tables matched by the filter without a primary or not-null unique key
 * @param eligible tables matched by the filter that TiCDC can replicate
 */
public record VerifiedTables(List<UpstreamTable> ineligible, List<UpstreamTable> eligible) {
  public VerifiedTables {
    ineligible = List.copyOf(ineligible);
    eligible = List.copyOf(eligible);
  }
}
