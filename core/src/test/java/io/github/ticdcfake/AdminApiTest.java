package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.cluster.Tso;
import io.github.ticdcfake.fault.Operation;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The /__fake admin API, always driven through a non-owner capture's port. */
class AdminApiTest {
  private static final Instant START = Instant.parse("2024-05-20T02:00:00Z");
  private final PdClock clock = PdClock.manual(START);
  private final FakeTiCdcServer server = FakeTiCdcServer.builder().captures(2).clock(clock).start();
  private final FakeCluster cluster = server.cluster();
  private final URI owner = server.url();
  private final URI other = server.url(cluster.captures().get(1).id());

  @AfterEach
  void close() {
    server.close();
  }

  private void createCf1() {
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
  }

  @Test
  void forcesAStateWithAnErrorShownWhereTiCdcShowsIt() {
    createCf1();

    HttpResponse<String> response =
        Http.post(
            other,
            "/__fake/changefeeds/cf-1/state",
            "{\"state\":\"pending\",\"error\":{\"code\":\"CDC:ErrKafkaAsyncSendMessage\",\"message\":\"kafka down\"}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{}");
    assertThat(Http.get(owner, "/api/v2/changefeeds/cf-1").body())
        .contains("\"state\":\"pending\"")
        .contains("\"error\":{\"addr\"");
    assertThat(Http.get(owner, "/api/v2/changefeeds").body()).contains("\"state\":\"warning\"");
  }

  @Test
  void warningIsListedButNotShownByGet() {
    createCf1();

    Http.post(
        other,
        "/__fake/changefeeds/cf-1/state",
        "{\"state\":\"warning\",\"error\":{\"code\":\"CDC:ErrMySQLTxnError\",\"message\":\"txn\"}}");

    assertThat(Http.get(owner, "/api/v2/changefeeds").body()).contains("CDC:ErrMySQLTxnError");
    assertThat(Http.get(owner, "/api/v2/changefeeds/cf-1").body()).doesNotContain("\"error\"");
    assertThat(Http.get(owner, "/api/v2/changefeeds/cf-1/status").body())
        .contains("\"last_warning\"");
  }

  @Test
  void badFieldsAreNamedWithFakeCodes() {
    createCf1();

    HttpResponse<String> badState =
        Http.post(other, "/__fake/changefeeds/cf-1/state", "{\"state\":\"paused\"}");
    HttpResponse<String> unknownField =
        Http.post(other, "/__fake/changefeeds/cf-1/checkpoint", "{\"lag\":5}");
    HttpResponse<String> unknownRoute = Http.get(other, "/__fake/nope");

    assertThat(badState.statusCode()).isEqualTo(400);
    assertThat(badState.body())
        .contains("\"error_msg\": \"[FAKE:ErrInvalidField]state: unknown state 'paused'")
        .contains("\"error_code\": \"FAKE:ErrInvalidField\"");
    assertThat(unknownField.body()).contains("[FAKE:ErrInvalidField]lag: unknown field");
    assertThat(unknownRoute.statusCode()).isEqualTo(404);
    assertThat(unknownRoute.body()).contains("FAKE:ErrNotFound");
  }

  @Test
  void unknownChangefeedIsAFakeError() {
    HttpResponse<String> response =
        Http.post(other, "/__fake/changefeeds/cf-9/state", "{\"state\":\"failed\"}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body())
        .contains("\"error_code\": \"FAKE:ErrChangefeedNotFound\"")
        .contains("no changefeed default/cf-9");
  }

  @Test
  void checkpointCanBeSetLaggedAndStalled() {
    createCf1();
    long ts = Tso.of(START.minusSeconds(30));

    Http.post(other, "/__fake/changefeeds/cf-1/checkpoint", "{\"checkpoint_ts\":" + ts + "}");
    assertThat(cluster.changefeed("cf-1").orElseThrow().checkpointTs()).isEqualTo(ts);

    Http.post(other, "/__fake/changefeeds/cf-1/checkpoint", "{\"lag_ms\":60000}");
    clock.advance(Duration.ofMinutes(2));
    assertThat(Tso.toInstant(cluster.changefeed("cf-1").orElseThrow().checkpointTs()))
        .isEqualTo(START.plusSeconds(60));

    Http.post(other, "/__fake/changefeeds/cf-1/checkpoint", "{\"stalled\":true}");
    clock.advance(Duration.ofMinutes(2));
    assertThat(Tso.toInstant(cluster.changefeed("cf-1").orElseThrow().checkpointTs()))
        .isEqualTo(START.plusSeconds(60));
    assertThat(cluster.changefeed("cf-1").orElseThrow().state()).isEqualTo(ChangefeedState.NORMAL);
  }

  @Test
  void clockAdvancesAndSwitchesMode() {
    HttpResponse<String> response = Http.post(other, "/__fake/clock", "{\"advance_ms\":5000}");

    assertThat(response.body())
        .isEqualTo("{\"mode\":\"manual\",\"now_ms\":" + START.plusSeconds(5).toEpochMilli() + "}");
    assertThat(Http.post(other, "/__fake/clock", "{\"mode\":\"system\"}").body())
        .contains("\"mode\":\"system\"");
    assertThat(clock.isManual()).isFalse();
  }

  @Test
  void ownerCanBeElectedAndResigned() {
    String second = cluster.captures().get(1).id();

    Http.post(other, "/__fake/owner", "{\"capture_id\":\"" + second + "\"}");
    assertThat(cluster.owner()).get().extracting(Capture::id).isEqualTo(second);

    Http.post(other, "/__fake/owner", "{}");
    assertThat(cluster.owner()).get().extracting(Capture::id).isNotEqualTo(second);

    assertThat(Http.post(other, "/__fake/owner", "{\"capture_id\":\"nope\"}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void noOwnerWindowAfterResignFailsOwnerRoutes() {
    Http.post(other, "/__fake/owner", "{\"election_delay_ms\":2000}");
    Http.post(owner, "/api/v2/owner/resign", "");

    HttpResponse<String> during = Http.get(other, "/api/v2/changefeeds");
    clock.advance(Duration.ofSeconds(2));
    HttpResponse<String> after = Http.get(other, "/api/v2/changefeeds");

    assertThat(during.statusCode()).isEqualTo(500);
    assertThat(during.body()).contains("[CDC:ErrOwnerNotFound]owner not found");
    assertThat(after.statusCode()).isEqualTo(200);
  }

  @Test
  void healthAndReadinessSwitch() {
    Http.post(other, "/__fake/health", "{\"healthy\":false}");
    HttpResponse<String> health = Http.get(owner, "/api/v2/health");
    Http.post(other, "/__fake/health", "{\"healthy\":true,\"ready\":false}");
    HttpResponse<String> notReady = Http.get(owner, "/api/v2/changefeeds");

    assertThat(health.statusCode()).isEqualTo(500);
    assertThat(health.body()).contains("[CDC:ErrClusterIsUnhealthy]TiCDC cluster is unhealthy");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.body()).contains("CDC:ErrServerIsNotReady");
  }

  @Test
  void gcSafepointAndUpstreamTablesAndSeedChangefeeds() {
    Http.post(other, "/__fake/gc_safepoint", "{\"gc_safepoint\":" + Tso.of(START) + "}");
    HttpResponse<String> tooOld =
        Http.post(
            owner,
            "/api/v2/changefeeds",
            "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\",\"start_ts\":"
                + Tso.of(START)
                + "}");
    HttpResponse<String> table =
        Http.post(
            other,
            "/__fake/upstream/tables",
            "{\"schema\":\"test\",\"table\":\"t\",\"columns\":[\"id\"],\"primary_key\":[\"id\"]}");
    clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> seeded =
        Http.post(
            other,
            "/__fake/changefeeds",
            "{\"changefeed_id\":\"cf-2\",\"sink_uri\":\"blackhole://\",\"state\":\"stopped\"}");

    assertThat(tooOld.statusCode()).isEqualTo(400);
    assertThat(tooOld.body()).contains("CDC:ErrStartTsBeforeGC");
    assertThat(table.body()).isEqualTo("{\"table_id\":104}");
    assertThat(seeded.body()).isEqualTo("{\"changefeed_id\":\"cf-2\"}");
    assertThat(cluster.changefeed("cf-2").orElseThrow().state()).isEqualTo(ChangefeedState.STOPPED);
  }

  @Test
  void faultsAreAddedListedAndCleared() {
    createCf1();

    HttpResponse<String> added =
        Http.post(
            other,
            "/__fake/faults",
            "{\"route\":\"POST /api/v2/changefeeds/{changefeed_id}/pause\",\"changefeed_id\":\"cf-1\","
                + "\"times\":1,\"apply_first\":true,\"respond\":{\"status\":500,"
                + "\"error_code\":\"CDC:ErrPDEtcdAPIError\",\"error_msg\":\"etcd api call error\"}}");
    HttpResponse<String> paused = Http.post(owner, "/api/v2/changefeeds/cf-1/pause", "");
    String listed = Http.get(other, "/__fake/faults").body();
    Http.delete(other, "/__fake/faults");

    assertThat(added.body()).isEqualTo("{\"rules\":1}");
    assertThat(paused.statusCode()).isEqualTo(500);
    assertThat(cluster.changefeed("cf-1").orElseThrow().state()).isEqualTo(ChangefeedState.STOPPED);
    assertThat(listed).contains("\"apply_first\":true");
    assertThat(cluster.faults().rules()).isEmpty();
    assertThat(
            Http.post(
                    other,
                    "/__fake/faults",
                    "{\"route\":\"*\",\"times\":0,\"connection\":\"reset\"}")
                .body())
        .contains("[FAKE:ErrInvalidField]times: must be 1..");
  }

  @Test
  void requestsShowTheJournalNewestLast() {
    createCf1();
    Http.get(owner, "/api/v2/changefeeds/cf-1");
    Http.post(other, "/api/v2/changefeeds/cf-1/pause", "");

    String journal = Http.get(other, "/__fake/requests").body();

    assertThat(journal)
        .contains("\"total\":2")
        .contains("\"dropped\":0")
        .contains("\"operation\":\"GET /api/v2/changefeeds/{changefeed_id}\"")
        .contains("\"operation\":\"POST /api/v2/changefeeds/{changefeed_id}/pause\"");
    assertThat(journal.indexOf("GET /api/v2/changefeeds/{changefeed_id}"))
        .isLessThan(journal.indexOf("/pause\""));
    assertThat(cluster.journal().requests(Operation.PAUSE_CHANGEFEED, "cf-1"))
        .singleElement()
        .extracting(r -> r.captureId())
        .isEqualTo(cluster.captures().get(1).id());
  }

  @Test
  void resetRestoresThePostStartState() {
    createCf1();
    Http.get(owner, "/api/v2/changefeeds");

    HttpResponse<String> response = Http.post(other, "/__fake/reset", "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(cluster.changefeeds()).isEmpty();
    assertThat(cluster.journal().requests()).isEmpty();
  }

  @Test
  void capturesAreAddedAndKilled() {
    HttpResponse<String> added = Http.post(other, "/__fake/captures", "");
    String id = added.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    URI addedUrl = server.url(id);

    assertThat(Http.get(addedUrl, "/api/v2/captures").body()).contains(id);
    assertThat(Http.delete(other, "/__fake/captures/" + id).statusCode()).isEqualTo(200);
    assertThat(cluster.liveCaptures()).extracting(Capture::id).doesNotContain(id);
    assertThat(Http.delete(other, "/__fake/captures/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void adminCanBeTurnedOffOrGuardedByAToken() throws Exception {
    try (FakeTiCdcServer off = FakeTiCdcServer.builder().adminApi(false).start();
        FakeTiCdcServer guarded = FakeTiCdcServer.builder().adminToken("s3cret").start()) {
      HttpResponse<String> offResponse = Http.post(off.url(), "/__fake/reset", "");
      HttpResponse<String> noToken = Http.post(guarded.url(), "/__fake/reset", "");
      HttpResponse<String> withToken =
          Http.send(
              HttpRequest.newBuilder(guarded.url().resolve("/__fake/reset"))
                  .header("Authorization", "Bearer s3cret")
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build());

      assertThat(offResponse.statusCode()).isEqualTo(404);
      assertThat(offResponse.body()).isEqualTo("404 page not found");
      assertThat(noToken.statusCode()).isEqualTo(401);
      assertThat(noToken.body()).contains("FAKE:ErrUnauthorized");
      assertThat(withToken.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void everyCapturesPortServesTheAdminApi() {
    for (URI url : List.of(owner, other)) {
      assertThat(Http.get(url, "/__fake/state").statusCode()).isEqualTo(200);
    }
  }
}
