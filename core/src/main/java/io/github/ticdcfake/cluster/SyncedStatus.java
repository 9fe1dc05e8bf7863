package io.github.ticdcfake.cluster;

/**
 * The answer of {@code GET /api/v2/changefeeds/{id}/synced} (pingcap/tiflow
 * cdc/api/v2/changefeed.go synced), computed from the changefeed's timestamps and the PD clock.
 *
 * @param synced whether TiCDC considers the data fully synced
 * @param sinkCheckpointTs the checkpoint TSO
 * @param pullerResolvedTs the puller's resolved TSO
 * @param lastSyncedTs commit TSO of the last data written downstream
 * @param nowMillis PD time, truncated to the second as TiCDC reports it
 * @param info TiCDC's explanation text
 */
public record SyncedStatus(
    boolean synced,
    long sinkCheckpointTs,
    long pullerResolvedTs,
    long lastSyncedTs,
    long nowMillis,
    String info) {

  static final String FINISHED = "Data syncing is finished";
  static final String NOT_FINISHED = "The data syncing is not finished, please wait";
  static final String CHECK_PD =
      "Please check whether PD is online and TiKV Regions are all available. If PD is offline or"
          + " some TiKV regions are not available, it means that the data syncing process is"
          + " complete. To check whether TiKV regions are all available, you can view"
          + " 'TiKV-Details' > 'Resolved-Ts' > 'Max Leader Resolved TS gap' on Grafana. If the gap"
          + " is large, such as a few minutes, it means that some regions in TiKV are unavailable."
          + " Otherwise, if the gap is small and PD is online, it means the data syncing is"
          + " incomplete, so please wait";

  /** Whose texts {@link #info} uses. */
  enum Wording {
    /** tiflow's ({@code cdc/api/v2/changefeed.go}). */
    OWNER,
    /**
     * The new architecture's (pingcap/ticdc {@code api/v2/changefeed.go@v26.3.4} synced): {@code
     * The data syncing is finished}, and the PD hint without the Grafana sentence.
     */
    COORDINATOR
  }

  static final String COORDINATOR_FINISHED = "The data syncing is finished";
  static final String COORDINATOR_CHECK_PD =
      "Please check whether PD is online and TiKV Regions are all available. If PD is offline or"
          + " some TiKV regions are not available, it means that the data syncing process is"
          + " complete. If the gap is large, such as a few minutes, it means that some regions in"
          + " TiKV are unavailable. Otherwise, if the gap is small and PD is online, it means the"
          + " data syncing is incomplete, so please wait";

  /** The same decision in another release's words. */
  SyncedStatus worded(Wording wording) {
    if (wording == Wording.OWNER) {
      return this;
    }
    String text =
        switch (info) {
          case FINISHED -> COORDINATOR_FINISHED;
          case CHECK_PD -> COORDINATOR_CHECK_PD;
          default -> info;
        };
    return new SyncedStatus(
        synced, sinkCheckpointTs, pullerResolvedTs, lastSyncedTs, nowMillis, text);
  }

  /**
   * TiCDC's decision table (tiflow {@code cdc/api/v2/changefeed.go}, pingcap/tiflow
   * cdc/api/v2/changefeed.go synced).
   */
  static SyncedStatus decide(
      long checkpointTs,
      long pullerResolvedTs,
      long lastSyncedTs,
      long nowMillis,
      long syncedCheckIntervalSeconds,
      long checkpointIntervalSeconds) {
    long checkpoint = Tso.physicalMillis(checkpointTs);
    long lastSynced = Tso.physicalMillis(lastSyncedTs);
    long resolved = Tso.physicalMillis(pullerResolvedTs);
    long nowSeconds = nowMillis / 1000 * 1000;
    if (nowMillis - lastSynced > syncedCheckIntervalSeconds * 1000
        && nowMillis - checkpoint < checkpointIntervalSeconds * 1000) {
      return new SyncedStatus(
          true, checkpointTs, pullerResolvedTs, lastSyncedTs, nowSeconds, FINISHED);
    }
    String info = NOT_FINISHED;
    if (nowMillis - lastSynced > syncedCheckIntervalSeconds * 1000
        && resolved - checkpoint < checkpointIntervalSeconds * 1000) {
      info = CHECK_PD;
    }
    return new SyncedStatus(false, checkpointTs, pullerResolvedTs, lastSyncedTs, nowSeconds, info);
  }
}
