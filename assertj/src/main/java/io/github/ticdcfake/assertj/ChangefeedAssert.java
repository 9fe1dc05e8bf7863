package io.github.ticdcfake.assertj;

import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.RunningError;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/** Assertions about one {@link Changefeed} snapshot. */
public final class ChangefeedAssert extends AbstractAssert<ChangefeedAssert, Changefeed> {
  ChangefeedAssert(Changefeed actual) {
    super(actual, ChangefeedAssert.class);
  }

  /** The internal state (GET's {@code state}) is {@code expected}. */
  public ChangefeedAssert hasState(ChangefeedState expected) {
    isNotNull();
    if (actual.state() != expected) {
      failWithMessage(
          "Expected changefeed %s to be %s but was %s",
          actual.id(), expected.wireName(), actual.state().wireName());
    }
    return this;
  }

  /** The error slot (or, for a warning, the warning slot) holds this code. */
  public ChangefeedAssert hasErrorCode(String code) {
    isNotNull();
    Optional<RunningError> error = actual.error().or(actual::warning);
    if (error.isEmpty() || !error.get().code().equals(code)) {
      failWithMessage(
          "Expected changefeed %s to have error %s but had %s",
          actual.id(), code, error.map(RunningError::code).orElse("none"));
    }
    return this;
  }

  /** Neither an error nor a warning is recorded. */
  public ChangefeedAssert hasNoError() {
    isNotNull();
    Optional<RunningError> error = actual.error().or(actual::warning);
    if (error.isPresent()) {
      failWithMessage(
          "Expected changefeed %s to have no error but had %s", actual.id(), error.get().message());
    }
    return this;
  }

  /**
   * The new architecture's maintainer of the changefeed runs on the capture at {@code address}
   * ({@code host:port}, the {@code maintainer_addr} GET shows while the changefeed is scheduled).
   * Fails on a classic changefeed, which has no maintainer.
   */
  public ChangefeedAssert hasMaintainerAt(String address) {
    isNotNull();
    failIfClassic("hasMaintainerAt", "maintainers", "assert the owner with hasOwner instead");
    if (!actual.maintainerAddress().equals(Optional.of(address))) {
      failWithMessage(
          "Expected changefeed %s to have its maintainer at %s but %s",
          actual.id(),
          address,
          actual.maintainerAddress().map(a -> "it was at " + a).orElse("it had none"));
    }
    return this;
  }

  /**
   * The new architecture's changefeed has no maintainer (stopped, failed, finished, or not
   * scheduled yet). Fails on a classic changefeed, which never has one.
   */
  public ChangefeedAssert hasNoMaintainer() {
    isNotNull();
    failIfClassic("hasNoMaintainer", "maintainers", "assert the state with hasState instead");
    if (actual.maintainerAddress().isPresent()) {
      failWithMessage(
          "Expected changefeed %s to have no maintainer but it was at %s",
          actual.id(), actual.maintainerAddress().get());
    }
    return this;
  }

  /**
   * Classic TiCDC's {@code admin_job_type}: 0 none, 1 stop, 4 finish. Fails on a new-architecture
   * changefeed, whose coordinator never sets it (pingcap/ticdc {@code api/v2/model.go@v26.3.4}).
   */
  public ChangefeedAssert hasAdminJobType(int expected) {
    isNotNull();
    if (actual.flavour().isNewArchitecture()) {
      failWithMessage(
          "hasAdminJobType is for classic TiCDC only: the new architecture (TiCDC %s) never sets"
              + " admin_job_type on changefeed %s; assert the state with hasState instead",
          actual.flavour().version(), actual.id());
    }
    if (actual.adminJobType() != expected) {
      failWithMessage(
          "Expected changefeed %s to have admin_job_type %s but was %s",
          actual.id(), expected, actual.adminJobType());
    }
    return this;
  }

  private void failIfClassic(String assertion, String what, String instead) {
    if (!actual.flavour().isNewArchitecture()) {
      failWithMessage(
          "%s is for the new architecture only: classic TiCDC %s has no %s (changefeed %s); %s",
          assertion, actual.flavour().version(), what, actual.id(), instead);
    }
  }

  /** The checkpoint TSO is {@code tso}. */
  public ChangefeedAssert hasCheckpointTs(long tso) {
    isNotNull();
    if (actual.checkpointTs() != tso) {
      failWithMessage(
          "Expected changefeed %s to have checkpoint_ts %s but was %s",
          actual.id(), Long.toUnsignedString(tso), Long.toUnsignedString(actual.checkpointTs()));
    }
    return this;
  }
}
