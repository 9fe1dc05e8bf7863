package io.github.ticdcfake.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of one changefeed, as the owner knows it at the moment it was taken.
 *
 * @param namespace TiCDC namespace ({@code default} unless given at create)
 * @param id changefeed id
 * @param upstreamId PD cluster id of the upstream
 * @param sinkUri the sink URI as stored (unmasked)
 * @param createTime when it was created
 * @param startTs the start TSO (overwritten by a resume with {@code overwrite_checkpoint_ts})
 * @param targetTs the target TSO, 0 for none
 * @param state the internal state
 * @param error the error slot (failed/pending changefeeds), if any
 * @param warning the warning slot, if any
 * @param checkpointTs the checkpoint TSO
 * @param resolvedTs the resolved TSO, never below {@code checkpointTs}
 * @param config the replica config as stored by create/update (not pruned)
 * @param creatorVersion the TiCDC version that created it
 * @param tables table ids replicated per capture id (empty unless the changefeed is running; not
 *     filled in list results)
 * @param flavour the TiCDC release whose rules render this changefeed
 * @param gid the new architecture's changefeed gid, or {@code null} in classic TiCDC
 * @param maintainerAddress the new architecture's {@code maintainer_addr}: the address of the
 *     capture running the changefeed's maintainer while it is scheduled (normal or warning)
 */
public record Changefeed(
    String namespace,
    String id,
    long upstreamId,
    String sinkUri,
    Instant createTime,
    long startTs,
    long targetTs,
    ChangefeedState state,
    Optional<RunningError> error,
    Optional<RunningError> warning,
    long checkpointTs,
    long resolvedTs,
    ReplicaConfig config,
    String creatorVersion,
    Map<String, java.util.List<Long>> tables,
    TiCdcVersion flavour,
    Gid gid,
    Optional<String> maintainerAddress) {

  /**
   * The new architecture's changefeed gid: two random unsigned 64-bit halves (pingcap/ticdc {@code
   * pkg/common/types.go} GID).
   *
   * @param low the low half, unsigned
   * @param high the high half, unsigned
   */
  public record Gid(long low, long high) {
    /** The decimal name of a changefeed created without an id: low, then high, unsigned. */
    public String changefeedName() {
      return Long.toUnsignedString(low) + Long.toUnsignedString(high);
    }
  }

  /**
   * {@code admin_job_type}: 0 none, 1 stop, 4 finish (pingcap/tiflow
   * cdc/owner/feed_state_manager.go).
   */
  public int adminJobType() {
    return state.adminJobType();
  }

  /** The sink URI with its password masked as TiCDC shows it outside {@code meta_info}. */
  public String maskedSinkUri() {
    try {
      return SinkUri.parse(sinkUri).masked();
    } catch (SinkUri.ParseException e) {
      return sinkUri;
    }
  }

  /**
   * The config as GET shows it: pruned per sink type (pingcap/tiflow cdc/model/changefeed.go
   * RmUnusedFields).
   */
  public ReplicaConfig prunedConfig() {
    DomainRules rules = DomainRules.of(flavour);
    if (rules.coordinator()) {
      // pingcap/ticdc@v26.3.4 prunes only when a coordinator bootstraps: GET shows the config
      // as create or update stored it
      return config;
    }
    try {
      return config.prunedFor(SinkUri.parse(sinkUri), rules);
    } catch (SinkUri.ParseException e) {
      return config;
    }
  }
}
