package io.github.ticdcfake.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class JournalTest {
  private static RecordedRequest request(Operation operation, String changefeedId) {
    return new RecordedRequest(
        0,
        operation.method(),
        operation.pathTemplate(),
        "",
        Map.of(),
        "",
        200,
        "capture-a",
        Optional.of(operation),
        Optional.ofNullable(changefeedId),
        Optional.empty());
  }

  @Test
  void keepsAtMostItsCapacityAndCountsTheDropped() {
    Journal journal = new Journal(3);
    for (int i = 0; i < 5; i++) {
      journal.record(request(Operation.LIST_CHANGEFEEDS, null));
    }

    assertThat(journal.requests())
        .extracting(RecordedRequest::sequence)
        .containsExactly(3L, 4L, 5L);
    assertThat(journal.dropped()).isEqualTo(2);
  }

  @Test
  void defaultCapacityIsTenThousand() {
    Journal journal = new Journal(Journal.DEFAULT_CAPACITY);
    for (int i = 0; i < 10_005; i++) {
      journal.record(request(Operation.LIST_CHANGEFEEDS, null));
    }

    assertThat(journal.requests()).hasSize(10_000);
    assertThat(journal.dropped()).isEqualTo(5);
  }

  @Test
  void queriesByOperationAndChangefeed() {
    Journal journal = new Journal(10);
    journal.record(request(Operation.PAUSE_CHANGEFEED, "cf-1"));
    journal.record(request(Operation.PAUSE_CHANGEFEED, "cf-2"));
    journal.record(request(Operation.PAUSE_CHANGEFEED, "cf-1"));
    journal.record(request(Operation.GET_CHANGEFEED, "cf-1"));

    assertThat(journal.count(Operation.PAUSE_CHANGEFEED, "cf-1")).isEqualTo(2);
    assertThat(journal.count(Operation.PAUSE_CHANGEFEED)).isEqualTo(3);
    assertThat(journal.requests(r -> r.captureId().equals("capture-a"))).hasSize(4);
  }

  @Test
  void awaitReturnsAnExistingOrAFutureRequest() throws Exception {
    Journal journal = new Journal(10);
    journal.record(request(Operation.GET_CHANGEFEED, "cf-1"));
    assertThat(journal.await(r -> r.is(Operation.GET_CHANGEFEED), Duration.ofSeconds(5)).sequence())
        .isEqualTo(1);

    CompletableFuture<RecordedRequest> waiting =
        CompletableFuture.supplyAsync(
            () ->
                journal.await(
                    r -> r.is(Operation.PAUSE_CHANGEFEED, "cf-9"), Duration.ofSeconds(5)));
    journal.record(request(Operation.PAUSE_CHANGEFEED, "cf-9"));

    assertThat(waiting.get().sequence()).isEqualTo(2);
  }

  @Test
  void awaitGivesUpAfterItsTimeout() {
    Journal journal = new Journal(10);

    assertThatThrownBy(() -> journal.await(r -> true, Duration.ofMillis(20)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no request matching the predicate within PT0.02S");
  }

  @Test
  void clearForgetsRequestsAndTheDroppedCount() {
    Journal journal = new Journal(1);
    journal.record(request(Operation.HEALTH, null));
    journal.record(request(Operation.HEALTH, null));
    journal.clear();

    assertThat(journal.requests()).isEmpty();
    assertThat(journal.dropped()).isZero();
    assertThat(journal.record(request(Operation.HEALTH, null)).sequence()).isEqualTo(1);
  }
}
