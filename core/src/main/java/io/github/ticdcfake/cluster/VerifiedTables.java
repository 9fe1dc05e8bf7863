package io.github.ticdcfake.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@code POST /api/v2/verify_table}: the upstream tables a config would replicate,
 * split by eligibility (pingcap/tiflow cdc/api/v2/capture.go, owner.go, health.go, status.go,
 * unsafe.go).
 *
 * @param ineligible tables matched by the filter without a primary or not-null unique key
 * @param eligible tables matched by the filter that TiCDC can replicate
 * @param all the new architecture's {@code all_tables}: every table of each schema the filter does
 *     not ignore, whether the filter selects the table or not, in upstream order; a schema (per
 *     batch of 1024 tables) whose tables the filter all drops adds none (pingcap/ticdc {@code
 *     logservice/schemastore/validator.go@v26.3.4} VerifyTables)
 */
public record VerifiedTables(
    List<UpstreamTable> ineligible, List<UpstreamTable> eligible, List<UpstreamTable> all) {
  public VerifiedTables {
    ineligible = List.copyOf(ineligible);
    eligible = List.copyOf(eligible);
    all = List.copyOf(all);
  }

  /** Tables split by eligibility, {@link #all} being the ineligible then the eligible ones. */
  public VerifiedTables(List<UpstreamTable> ineligible, List<UpstreamTable> eligible) {
    this(ineligible, eligible, concat(ineligible, eligible));
  }

  private static List<UpstreamTable> concat(List<UpstreamTable> a, List<UpstreamTable> b) {
    List<UpstreamTable> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
