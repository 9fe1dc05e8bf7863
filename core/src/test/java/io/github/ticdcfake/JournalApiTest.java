package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.fault.Journal;
import io.github.ticdcfake.fault.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /__fake/requests}: times, bodies kept within bounds, and paging. */
class JournalApiTest {
  private static final Instant START = Instant.parse("2024-05-20T02:00:00Z");
  private static final int BODY_LIMIT = 256 * 1024;
  private static final int KEPT = 64 * 1024;

  private final PdClock clock = PdClock.manual(START);
  private final FakeTiCdcServer server =
      FakeTiCdcServer.builder().clock(clock).maxRequestBodyBytes(BODY_LIMIT).start();
  private final TestHttp http = TestHttp.pooled(server.url());

  @AfterEach
  void close() {
    server.close();
  }

  private JsonNode journal(String query) {
    TestHttp.Reply reply = http.get("/__fake/requests" + query);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static List<Long> sequences(JsonNode journal) {
    List<Long> out = new ArrayList<>();
    journal.get("items").forEach(item -> out.add(item.get("sequence").asLong()));
    return out;
  }

  @Test
  void entriesCarryTheWallClockAndThePdClockTimeOfArrival() {
    long before = System.currentTimeMillis();
    http.get("/api/v2/changefeeds");
    clock.advance(Duration.ofSeconds(5));
    http.get("/api/v2/changefeeds");
    long after = System.currentTimeMillis();

    JsonNode items = journal("").get("items");

    assertThat(items.get(0).get("pd_time_ms").asLong()).isEqualTo(START.toEpochMilli());
    assertThat(items.get(1).get("pd_time_ms").asLong()).isEqualTo(START.toEpochMilli() + 5000);
    assertThat(items.get(0).get("time_ms").asLong()).isBetween(before, after);
    assertThat(items.get(1).get("time_ms").asLong())
        .isGreaterThanOrEqualTo(items.get(0).get("time_ms").asLong());
  }

  @Test
  void largeBodiesAreKeptTruncatedWithTheirFullSize() {
    // a two-byte character straddles the cut, so the kept text ends before it
    String body = "x".repeat(KEPT - 1) + "\u00e9" + "y".repeat(1000);
    http.post("/api/v2/changefeeds", body);
    http.post("/api/v2/changefeeds", "{}");

    JsonNode items = journal("").get("items");

    JsonNode large = items.get(0);
    assertThat(large.get("body").asText()).isEqualTo("x".repeat(KEPT - 1));
    assertThat(large.get("body_size").asLong()).isEqualTo(KEPT + 1 + 1000);
    assertThat(large.get("body_truncated").asBoolean()).isTrue();
    JsonNode small = items.get(1);
    assertThat(small.get("body").asText()).isEqualTo("{}");
    assertThat(small.get("body_size").asLong()).isEqualTo(2);
    assertThat(small.get("body_truncated").asBoolean()).isFalse();
  }

  @Test
  void requestsRefusedAsTooLargeAreRecorded() {
    TestHttp.Reply refused = http.post("/api/v2/changefeeds", "z".repeat(BODY_LIMIT + 1));

    assertThat(refused.status()).isEqualTo(413);
    JsonNode journal = journal("");
    assertThat(journal.get("total").asInt()).isEqualTo(1);
    JsonNode entry = journal.get("items").get(0);
    assertThat(entry.get("method").asText()).isEqualTo("POST");
    assertThat(entry.get("path").asText()).isEqualTo("/api/v2/changefeeds");
    assertThat(entry.get("status").asInt()).isEqualTo(413);
    assertThat(entry.get("body").asText()).isEmpty();
    assertThat(entry.get("body_size").asLong()).isEqualTo(BODY_LIMIT + 1);
    assertThat(entry.get("body_truncated").asBoolean()).isTrue();
    assertThat(entry.get("pd_time_ms").asLong()).isEqualTo(START.toEpochMilli());
  }

  @Test
  void limitAndSincePageTheJournal() {
    for (int i = 0; i < 5; i++) {
      http.get("/api/v2/changefeeds");
    }

    assertThat(sequences(journal(""))).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(sequences(journal("?limit=2"))).containsExactly(4L, 5L);
    assertThat(sequences(journal("?since=3"))).containsExactly(4L, 5L);
    assertThat(sequences(journal("?since=1&limit=2"))).containsExactly(4L, 5L);
    assertThat(sequences(journal("?since=5"))).isEmpty();
    assertThat(sequences(journal("?limit=0"))).isEmpty();
    JsonNode page = journal("?limit=1");
    assertThat(page.get("total").asInt()).isEqualTo(5);
    assertThat(page.get("last_sequence").asLong()).isEqualTo(5);
    assertThat(page.get("dropped").asLong()).isZero();
  }

  @Test
  void badPagingValuesAreFakeErrors() {
    for (String query :
        List.of("?limit=-1", "?limit=x", "?limit=", "?since=-2", "?since=1.5", "?since=1e3")) {
      TestHttp.Reply reply = http.get("/__fake/requests" + query);

      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(reply.json().get("error_code").asText()).isEqualTo("FAKE:ErrInvalidQuery");
    }
  }

  @Test
  void aFullJournalAfterLargeBodiesStaysWithinItsBudget() {
    Journal journal = server.cluster().journal();
    String body = largeBody();
    for (int i = 0; i < journal.capacity(); i++) {
      journal.record(largeRequest(body));
    }

    JsonNode all = journal("");

    assertThat(all.get("total").asInt()).isEqualTo(journal.capacity());
    long keptText = 0;
    for (JsonNode item : all.get("items")) {
      keptText += item.get("body").asText().length();
      assertThat(item.get("body_size").asLong()).isEqualTo(body.length());
    }
    assertThat(keptText).isLessThanOrEqualTo(Journal.BODY_BUDGET_CHARS);
    assertThat(all.get("items").get(journal.capacity() - 1).get("body").asText()).isEqualTo(body);
  }

  /** A JSON body as large as the journal keeps, with quotes so that it needs escaping. */
  static String largeBody() {
    return "{\"k\":\"" + "v\\\"".repeat((Journal.MAX_BODY_BYTES - 8) / 3) + "\"}";
  }

  static RecordedRequest largeRequest(String body) {
    return new RecordedRequest(
        0,
        "POST",
        "/api/v2/changefeeds",
        "",
        Map.of(
            "Content-Type",
            List.of("application/json"),
            "User-Agent",
            List.of("Java-http-client/17"),
            "Host",
            List.of("127.0.0.1:8300")),
        body,
        400,
        "capture",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        body.length(),
        false,
        Instant.now(),
        START);
  }
}
