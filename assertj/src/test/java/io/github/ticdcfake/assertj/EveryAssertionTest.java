package io.github.ticdcfake.assertj;

import static io.github.ticdcfake.assertj.TiCdcAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.fault.Operation;
import io.github.ticdcfake.fault.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every public assertion passes when it should and fails, with a message saying what was seen, when
 * it should not: an assertion that checks nothing fails here.
 */
class EveryAssertionTest {
  private static final Instant START = Instant.parse("2024-05-20T02:00:00Z");

  private final FakeCluster cluster =
      FakeCluster.builder()
          .clock(PdClock.manual(START))
          .journalCapacity(3)
          .captureAddresses(List.of("127.0.0.1:1", "127.0.0.1:2"))
          .build();

  private Changefeed create(String id) {
    return cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId(id).sinkUri("blackhole://").build());
  }

  private Changefeed fail(String id, String code, String message) {
    return cluster.forceState(
        FakeCluster.DEFAULT_NAMESPACE, id, ChangefeedState.FAILED, CdcException.of(code, message));
  }

  private void received(Operation operation, String changefeedId) {
    cluster
        .journal()
        .record(
            new RecordedRequest(
                0,
                operation.method(),
                operation.pathTemplate(),
                "",
                Map.of(),
                "",
                200,
                cluster.captures().get(0).id(),
                Optional.of(operation),
                Optional.ofNullable(changefeedId),
                Optional.empty()));
  }

  private String first() {
    return cluster.captures().get(0).id();
  }

  private String second() {
    return cluster.captures().get(1).id();
  }

  @Nested
  class Entry {
    @Test
    void nullActualsFailOnEveryAssertion() {
      assertThatThrownBy(() -> assertThat((FakeCluster) null).hasNoOwner())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting actual not to be null");
      assertThatThrownBy(() -> assertThat((FakeCluster) null).changefeed("cf-1"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting actual not to be null");
      assertThatThrownBy(() -> assertThat((Changefeed) null).hasNoError())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting actual not to be null");
      assertThatThrownBy(() -> assertThat((Changefeed) null).hasState(ChangefeedState.NORMAL))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting actual not to be null");
      assertThatThrownBy(() -> assertThat((Changefeed) null).hasMaintainerAt("x:1"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting actual not to be null");
      assertThatThrownBy(() -> assertThat((Changefeed) null).hasNoMaintainer())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting actual not to be null");
      assertThatThrownBy(() -> assertThat((Changefeed) null).hasAdminJobType(0))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void aSnapshotIsAssertedAsItWasTaken() {
      Changefeed snapshot = create("cf-1");
      cluster.forceState(FakeCluster.DEFAULT_NAMESPACE, "cf-1", ChangefeedState.STOPPED, null);

      assertThat(snapshot).hasState(ChangefeedState.NORMAL);
      assertThatThrownBy(() -> assertThat(snapshot).hasState(ChangefeedState.STOPPED))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expected changefeed cf-1 to be stopped but was normal");
    }
  }

  @Nested
  class ChangefeedAssertions {
    @Test
    void hasState() {
      create("cf-1");
      fail("cf-1", "CDC:ErrGCTTLExceeded", "gc ttl");

      assertThat(cluster).changefeed("cf-1").hasState(ChangefeedState.FAILED);
      assertThatThrownBy(
              () -> assertThat(cluster).changefeed("cf-1").hasState(ChangefeedState.NORMAL))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expected changefeed cf-1 to be normal but was failed");
    }

    @Test
    void hasErrorCode() {
      create("cf-1");
      create("cf-2");
      fail("cf-1", "CDC:ErrGCTTLExceeded", "gc ttl");

      assertThat(cluster).changefeed("cf-1").hasErrorCode("CDC:ErrGCTTLExceeded");
      assertThatThrownBy(
              () -> assertThat(cluster).changefeed("cf-1").hasErrorCode("CDC:ErrSinkURIInvalid"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "Expected changefeed cf-1 to have error CDC:ErrSinkURIInvalid but had"
                  + " CDC:ErrGCTTLExceeded");
      assertThatThrownBy(
              () -> assertThat(cluster).changefeed("cf-2").hasErrorCode("CDC:ErrGCTTLExceeded"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "Expected changefeed cf-2 to have error CDC:ErrGCTTLExceeded but had none");
    }

    @Test
    void hasErrorCodeReadsTheWarningSlotOfAWarning() {
      create("cf-1");
      cluster.forceState(
          FakeCluster.DEFAULT_NAMESPACE,
          "cf-1",
          ChangefeedState.WARNING,
          CdcException.of("CDC:ErrMySQLTxnError", "txn"));

      assertThat(cluster).changefeed("cf-1").hasErrorCode("CDC:ErrMySQLTxnError");
      assertThatThrownBy(() -> assertThat(cluster).changefeed("cf-1").hasNoError())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "Expected changefeed cf-1 to have no error but had [CDC:ErrMySQLTxnError]txn");
    }

    @Test
    void hasNoError() {
      create("cf-1");
      create("cf-2");
      fail("cf-2", "CDC:ErrGCTTLExceeded", "gc ttl exceeded");

      assertThat(cluster).changefeed("cf-1").hasNoError();
      assertThatThrownBy(() -> assertThat(cluster).changefeed("cf-2").hasNoError())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "Expected changefeed cf-2 to have no error but had [CDC:ErrGCTTLExceeded]gc ttl exceeded");
    }

    @Test
    void hasCheckpointTs() {
      create("cf-1");
      cluster.setCheckpoint(FakeCluster.DEFAULT_NAMESPACE, "cf-1", 449883773337600000L);
      create("cf-2");
      cluster.setCheckpoint(FakeCluster.DEFAULT_NAMESPACE, "cf-2", -1L);

      assertThat(cluster).changefeed("cf-1").hasCheckpointTs(449883773337600000L);
      assertThatThrownBy(() -> assertThat(cluster).changefeed("cf-1").hasCheckpointTs(5))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "Expected changefeed cf-1 to have checkpoint_ts 5 but was 449883773337600000");
      assertThatThrownBy(() -> assertThat(cluster).changefeed("cf-2").hasCheckpointTs(7))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("but was 18446744073709551615");
    }

    @Test
    void assertionsChainAndTheFirstFailureStops() {
      create("cf-1");

      assertThat(cluster)
          .changefeed("cf-1")
          .hasState(ChangefeedState.NORMAL)
          .hasNoError()
          .hasCheckpointTs(cluster.changefeed("cf-1").orElseThrow().checkpointTs());
      assertThatThrownBy(
              () ->
                  assertThat(cluster)
                      .changefeed("cf-1")
                      .hasState(ChangefeedState.NORMAL)
                      .hasErrorCode("CDC:ErrGCTTLExceeded")
                      .hasState(ChangefeedState.FAILED))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have error CDC:ErrGCTTLExceeded but had none");
    }
  }

  @Nested
  class ClusterAssertions {
    @Test
    void changefeedOfTheDefaultNamespace() {
      create("cf-1");

      assertThat(cluster).changefeed("cf-1").hasState(ChangefeedState.NORMAL);
      assertThatThrownBy(() -> assertThat(cluster).changefeed("cf-9"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "Expected changefeed default/cf-9 to exist but the cluster has [default/cf-1]");
    }

    @Test
    void changefeedOfANamespace() {
      cluster.createChangefeed(
          ChangefeedSpec.builder()
              .namespace("team-a")
              .changefeedId("cf-1")
              .sinkUri("blackhole://")
              .build());

      assertThat(cluster).changefeed("team-a", "cf-1").hasState(ChangefeedState.NORMAL);
      assertThatThrownBy(() -> assertThat(cluster).changefeed("cf-1"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "Expected changefeed default/cf-1 to exist but the cluster has [team-a/cf-1]");
      assertThatThrownBy(() -> assertThat(cluster).changefeed("team-b", "cf-1"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expected changefeed team-b/cf-1 to exist");
    }

    @Test
    void hasNoChangefeed() {
      create("cf-1");

      assertThat(cluster).hasNoChangefeed("cf-2");
      assertThatThrownBy(() -> assertThat(cluster).hasNoChangefeed("cf-1"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expected no changefeed cf-1 but it exists in state normal");
    }

    @Test
    void hasOwner() {
      assertThat(cluster).hasOwner(first());
      assertThatThrownBy(() -> assertThat(cluster).hasOwner(second()))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expected owner " + second() + " but was " + first());
    }

    @Test
    void hasOwnerFailsWithoutAnOwner() {
      cluster.setOwnerElectionDelay(Duration.ofSeconds(10));
      cluster.resignOwner();

      assertThatThrownBy(() -> assertThat(cluster).hasOwner(first()))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expected owner " + first() + " but was no owner");
    }

    @Test
    void hasNoOwner() {
      assertThatThrownBy(() -> assertThat(cluster).hasNoOwner())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expected no owner but was " + first());

      cluster.setOwnerElectionDelay(Duration.ofSeconds(10));
      cluster.resignOwner();

      assertThat(cluster).hasNoOwner();
    }

    @Test
    void hasLiveCaptures() {
      assertThat(cluster).hasLiveCaptures(2);
      cluster.killCapture(second());

      assertThat(cluster).hasLiveCaptures(1);
      assertThatThrownBy(() -> assertThat(cluster).hasLiveCaptures(2))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expected 2 live captures but there are 1");
    }

    @Test
    void hasReceivedCountsAnOperation() {
      received(Operation.PAUSE_CHANGEFEED, "cf-1");
      received(Operation.PAUSE_CHANGEFEED, "cf-2");

      assertThat(cluster).hasReceived(Operation.PAUSE_CHANGEFEED, 2);
      assertThatThrownBy(() -> assertThat(cluster).hasReceived(Operation.PAUSE_CHANGEFEED, 1))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "Expected POST /api/v2/changefeeds/{changefeed_id}/pause to be called exactly 1"
                  + " times but it was called 2 times")
          .hasMessageNotContaining("dropped");
    }

    @Test
    void hasReceivedCountsAnOperationForOneChangefeed() {
      received(Operation.PAUSE_CHANGEFEED, "cf-1");
      received(Operation.PAUSE_CHANGEFEED, "cf-2");
      received(Operation.RESUME_CHANGEFEED, "cf-1");

      assertThat(cluster).hasReceived(Operation.PAUSE_CHANGEFEED, "cf-1", 1);
      assertThatThrownBy(
              () -> assertThat(cluster).hasReceived(Operation.PAUSE_CHANGEFEED, "cf-1", 2))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "Expected POST /api/v2/changefeeds/{changefeed_id}/pause for cf-1 to be called"
                  + " exactly 2 times but it was called 1 times");
    }

    @Test
    void hasReceivedSaysWhenTheJournalDroppedRequests() {
      for (int i = 0; i < 5; i++) {
        received(Operation.LIST_CHANGEFEEDS, null);
      }

      assertThatThrownBy(() -> assertThat(cluster).hasReceived(Operation.LIST_CHANGEFEEDS, 5))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("it was called 3 times (the journal dropped 2 older requests)");
    }

    @Test
    void hasNotReceived() {
      received(Operation.PAUSE_CHANGEFEED, "cf-1");

      assertThat(cluster).hasNotReceived(Operation.RESUME_CHANGEFEED);
      assertThatThrownBy(() -> assertThat(cluster).hasNotReceived(Operation.PAUSE_CHANGEFEED))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "Expected POST /api/v2/changefeeds/{changefeed_id}/pause to be called exactly 0"
                  + " times but it was called 1 times");
    }
  }
}
