package io.github.ticdcfake.cluster;

import java.util.Map;

/**
 * What the domain does differently per TiCDC release: the one place of {@code cluster/} that asks
 * which flavour it mimics. {@link #of} switches exhaustively over {@link TiCdcVersion}, so a new
 * flavour does not compile until its rules are chosen here.
 *
 * @param shape the {@code replica_config} shapes and defaults of the release
 * @param rejectsFutureStartTs create refuses a {@code start_ts} above the current TSO (v7.5+,
 *     tiflow {@code cdc/api/v2/api_helpers.go})
 * @param checksResumeCheckpoint a plain resume checks the kept checkpoint against TSO and GC
 *     (v8.0+, tiflow {@code cdc/api/v2/changefeed.go})
 * @param rejectsFutureOverwriteCheckpointTs resume refuses an {@code overwrite_checkpoint_ts} above
 *     the current TSO
 * @param resumePdFailureIsBadRequest a resume whose PD client fails answers 400 {@code
 *     ErrAPIInvalidParam} (v7.3) rather than 500 {@code ErrAPIGetPDClientFailed}
 * @param prunesBlackholeConfig the owner prunes a {@code blackhole://} config like any generic sink
 *     (before v7.5.1)
 * @param togglesOldValueByProtocol the sink protocol decides {@code enable_old_value} (v7.3)
 * @param coordinator the new architecture's coordinator (pingcap/ticdc {@code
 *     coordinator/controller.go@v26.3.4}) instead of tiflow's owner: changefeeds get a {@code gid}
 *     whose decimal halves name a changefeed created without an id; the not-exists text has no
 *     namespace; a duplicate id is refused before the sink URI is looked at; pause (from any state)
 *     and resume apply before the answer and keep the stored error; an update that changes nothing
 *     is accepted and one with a {@code start_ts} refused; replica-config errors are wrapped in
 *     {@code ErrInvalidReplicaConfig}; no sink validator of tiflow's (no BDR scheme check); an
 *     unreachable MySQL is its driver's {@code ErrMySQLConnectionError}, other sink-probe failures
 *     are wrapped in {@code ErrSinkURIInvalid} naming the URI unmasked; column dispatchers report
 *     the event router's text
 * @param validation how the release validates and adjusts a {@code replica_config} against its
 *     sink: tiflow's order and checks, or ticdc's ({@link NewArchValidation})
 * @param updateRebuild how an update that sends {@code replica_config} rebuilds it from the server
 *     defaults
 */
record DomainRules(
    ConfigShape shape,
    boolean rejectsFutureStartTs,
    boolean checksResumeCheckpoint,
    boolean rejectsFutureOverwriteCheckpointTs,
    boolean resumePdFailureIsBadRequest,
    boolean prunesBlackholeConfig,
    boolean togglesOldValueByProtocol,
    boolean coordinator,
    Validation validation,
    UpdateRebuild updateRebuild) {

  /** Validate-and-adjust of a config against a sink; returns the adjusted copy. */
  @FunctionalInterface
  interface Validation {
    ReplicaConfig validateAndAdjust(DomainRules rules, Map<String, Object> input, SinkUri uri);
  }

  /** The config an update builds from what it sent under {@code replica_config}. */
  @FunctionalInterface
  interface UpdateRebuild {
    Map<String, Object> rebuild(ConfigShape shape, Map<String, Object> sent);
  }

  private static final Validation CLASSIC = ReplicaConfig::classicValidateAndAdjust;

  private static final DomainRules V7_3 =
      new DomainRules(
          ConfigShape.V7_3,
          false,
          false,
          false,
          true,
          true,
          true,
          false,
          CLASSIC,
          ReplicaConfig::classicFromUpdate);
  private static final DomainRules V8_5 =
      new DomainRules(
          ConfigShape.HEAD,
          true,
          true,
          true,
          false,
          false,
          false,
          false,
          CLASSIC,
          ReplicaConfig::classicFromUpdate);
  private static final DomainRules NEWARCH =
      new DomainRules(
          ConfigShape.NEWARCH,
          true,
          true,
          true,
          false,
          false,
          false,
          true,
          NewArchValidation::validateAndAdjust,
          NewArchValidation::fromUpdate);

  /** The rules of a release. */
  static DomainRules of(TiCdcVersion version) {
    return switch (version) {
      case V7_3 -> V7_3;
      case V8_5 -> V8_5;
      case V26_3_NEWARCH -> NEWARCH;
    };
  }
}
