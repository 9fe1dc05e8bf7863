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
