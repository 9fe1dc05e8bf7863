package io.github.ticdcfake.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Paging by sequence and the body budget of the journal. */
class JournalPagingTest {
  private static RecordedRequest request(String body) {
    return new RecordedRequest(
        0,
        "POST",
        "/api/v2/changefeeds",
        "",
        Map.of(),
        body,
        200,
        "capture-a",
        Optional.of(Operation.CREATE_CHANGEFEED),
        Optional.empty(),
        Optional.empty(),
        body.length() * 2L,
        true,
        Instant.ofEpochMilli(1_000),
        Instant.ofEpochMilli(2_000));
  }

  private static List<Long> sequences(List<RecordedRequest> page) {
    return page.stream().map(RecordedRequest::sequence).toList();
  }

  private static Journal journalOf(int capacity, int requests) {
    Journal journal = new Journal(capacity);
    for (int i = 0; i < requests; i++) {
      journal.record(request(""));
    }
    return journal;
  }

  @Test
  void limitKeepsTheNewestAndSinceTheLaterOnes() {
    Journal journal = journalOf(10, 5);

    assertThat(sequences(journal.page(0, Integer.MAX_VALUE))).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(sequences(journal.page(0, 2))).containsExactly(4L, 5L);
    assertThat(sequences(journal.page(3, Integer.MAX_VALUE))).containsExactly(4L, 5L);
    assertThat(sequences(journal.page(1, 2))).containsExactly(4L, 5L);
    assertThat(sequences(journal.page(4, 10))).containsExactly(5L);
    assertThat(journal.page(5, 10)).isEmpty();
    assertThat(journal.page(99, 10)).isEmpty();
    assertThat(journal.page(0, 0)).isEmpty();
    assertThat(journal.lastSequence()).isEqualTo(5);
    assertThat(journal.size()).isEqualTo(5);
  }

  @Test
  void pagingCountsFromTheOldestKeptAfterDrops() {
    Journal journal = journalOf(3, 7);

    assertThat(sequences(journal.requests())).containsExactly(5L, 6L, 7L);
    assertThat(sequences(journal.page(2, Integer.MAX_VALUE))).containsExactly(5L, 6L, 7L);
    assertThat(sequences(journal.page(5, Integer.MAX_VALUE))).containsExactly(6L, 7L);
    assertThat(sequences(journal.page(0, 1))).containsExactly(7L);
    assertThat(journal.dropped()).isEqualTo(4);
  }

  @Test
  void pagingRefusesNegativeArguments() {
    Journal journal = journalOf(3, 1);

    assertThatThrownBy(() -> journal.page(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> journal.page(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aClearRestartsTheSequence() {
    Journal journal = journalOf(3, 4);

    journal.clear();
    journal.record(request(""));

    assertThat(sequences(journal.requests())).containsExactly(1L);
    assertThat(journal.lastSequence()).isEqualTo(1);
  }

  @Test
  void theOldestBodiesGoFirstWhenTheBudgetIsExceededAndTheirSizesStay() {
    Journal journal = new Journal(10, 10);
    journal.record(request("aaaa"));
    journal.record(request("bbbb"));
    journal.record(request(""));
    journal.record(request("cccc"));

    List<RecordedRequest> kept = journal.requests();

    assertThat(kept).extracting(RecordedRequest::body).containsExactly("", "bbbb", "", "cccc");
    assertThat(kept).extracting(RecordedRequest::bodySize).containsExactly(8L, 8L, 0L, 8L);
    assertThat(kept.get(0).bodyTruncated()).isTrue();
    assertThat(kept.get(0).time()).isEqualTo(Instant.ofEpochMilli(1_000));
    assertThat(kept.get(0).pdTime()).isEqualTo(Instant.ofEpochMilli(2_000));
  }

  @Test
  void theBudgetIsGivenBackWhenStrippedAndWholeEntriesAreDropped() {
    Journal journal = new Journal(3, 8);
    journal.record(request("aaaa"));
    journal.record(request("bbbb"));
    journal.record(request("cccc")); // 12 > 8: "aaaa" loses its text
    journal.record(request("dd")); // drops the stripped "aaaa"; 10 > 8: "bbbb" loses its text
    journal.record(request("ee")); // drops the stripped "bbbb": "cccc" + "dd" + "ee" fit

    assertThat(journal.requests())
        .extracting(RecordedRequest::body)
        .containsExactly("cccc", "dd", "ee");
  }

  @Test
  void theOldConstructorRecordsTheWholeBodyAtUnknownTimes() {
    RecordedRequest r =
        new RecordedRequest(
            0,
            "GET",
            "/",
            "",
            Map.of(),
            "h\u00e9",
            200,
            "c",
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    assertThat(r.bodySize()).isEqualTo(3);
    assertThat(r.bodyTruncated()).isFalse();
    assertThat(r.time()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void theDefaultBudgetHoldsAtLeastSixteenFullBodies() {
    assertThat(Journal.BODY_BUDGET_CHARS).isGreaterThanOrEqualTo(16L * Journal.MAX_BODY_BYTES);
  }
}
