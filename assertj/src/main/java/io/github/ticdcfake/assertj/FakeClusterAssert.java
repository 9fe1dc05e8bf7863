package io.github.ticdcfake.assertj;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.fault.Operation;
import io.github.ticdcfake.fault.RecordedRequest;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions about a {@link FakeCluster}: its changefeeds, owner and captures as they are now, and
 * the requests its journal holds.
 */
public final class FakeClusterAssert extends AbstractAssert<FakeClusterAssert, FakeCluster> {
  FakeClusterAssert(FakeCluster actual) {
    super(actual, FakeClusterAssert.class);
  }

  /** The changefeed of the default namespace, which must exist. */
  public ChangefeedAssert changefeed(String id) {
    return changefeed(FakeCluster.DEFAULT_NAMESPACE, id);
  }

  /** The changefeed, which must exist. */
  public ChangefeedAssert changefeed(String namespace, String id) {
    isNotNull();
    Optional<Changefeed> changefeed = actual.changefeed(namespace, id);
    if (changefeed.isEmpty()) {
      failWithMessage(
          "Expected changefeed %s/%s to exist but the cluster has %s",
          namespace,
          id,
          actual.changefeeds().stream().map(c -> c.namespace() + "/" + c.id()).toList());
    }
    return new ChangefeedAssert(changefeed.get());
  }

  /** The changefeed of the default namespace does not exist. */
  public FakeClusterAssert hasNoChangefeed(String id) {
    isNotNull();
    if (actual.changefeed(id).isPresent()) {
      failWithMessage(
          "Expected no changefeed %s but it exists in state %s",
          id, actual.changefeed(id).get().state().wireName());
    }
    return this;
  }

  /** The owner is this capture; in the new architecture, the coordinator. */
  public FakeClusterAssert hasOwner(String captureId) {
    isNotNull();
    Optional<Capture> owner = actual.owner();
    String role = ownerRole();
    if (owner.isEmpty() || !owner.get().id().equals(captureId)) {
      failWithMessage(
          "Expected %s %s but was %s",
          role, captureId, owner.map(Capture::id).orElse("no " + role));
    }
    return this;
  }

  /** No capture is the owner (for example during the election delay). */
  public FakeClusterAssert hasNoOwner() {
    isNotNull();
    if (actual.owner().isPresent()) {
      failWithMessage("Expected no %s but was %s", ownerRole(), actual.owner().get().id());
    }
    return this;
  }

  /** What the owner is called: the new architecture's owner is its coordinator. */
  private String ownerRole() {
    return actual.version().isNewArchitecture() ? "coordinator" : "owner";
  }

  /** This many captures are alive. */
  public FakeClusterAssert hasLiveCaptures(int count) {
    isNotNull();
    int live = actual.liveCaptures().size();
    if (live != count) {
      failWithMessage("Expected %s live captures but there are %s", count, live);
    }
    return this;
  }

  /** The journal holds exactly {@code times} requests of {@code operation}. */
  public FakeClusterAssert hasReceived(Operation operation, int times) {
    isNotNull();
    return checkCount(actual.journal().requests(operation), times, operation.route());
  }

  /** The journal holds exactly {@code times} requests of {@code operation} for the changefeed. */
  public FakeClusterAssert hasReceived(Operation operation, String changefeedId, int times) {
    isNotNull();
    return checkCount(
        actual.journal().requests(operation, changefeedId),
        times,
        operation.route() + " for " + changefeedId);
  }

  /** The journal holds no request of {@code operation}. */
  public FakeClusterAssert hasNotReceived(Operation operation) {
    return hasReceived(operation, 0);
  }

  private FakeClusterAssert checkCount(List<RecordedRequest> requests, int times, String what) {
    if (requests.size() != times) {
      failWithMessage(
          "Expected %s to be called exactly %s times but it was called %s times%s",
          what,
          times,
          requests.size(),
          actual.journal().dropped() > 0
              ? " (the journal dropped " + actual.journal().dropped() + " older requests)"
              : "");
    }
    return this;
  }
}
