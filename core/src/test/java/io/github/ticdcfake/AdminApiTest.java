package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.cluster.Tso;
import io.github.ticdcfake.fault.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The /__fake admin API, always driven through a non-owner capture's port. */
class AdminApiTest {
  private static final Instant START = Instant.parse("2024-05-20T02:00:00Z");

  /** An instance field: every test gets a server of its own. */
  @RegisterExtension
  final FakeServerFixture fake =
      FakeServerFixture.builder().captures(2).manualClock(START).freshConnections().build();

  private final FakeCluster cluster = fake.cluster();
  private final PdClock clock = cluster.clock();
  private final TestHttp owner = fake.http();
  private final TestHttp other = fake.http(cluster.captures().get(1).id());

  private void createCf1() {
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
  }

  @Test
  void forcesAStateWithAnErrorShownWhereTiCdcShowsIt() {
    createCf1();

    Reply response =
        other.post(
            "/__fake/changefeeds/cf-1/state",
            "{\"state\":\"pending\",\"error\":{\"code\":\"CDC:ErrKafkaAsyncSendMessage\",\"message\":\"kafka down\"}}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{}");
    assertThat(owner.get("/api/v2/changefeeds/cf-1").body())
        .contains("\"state\":\"pending\"")
        .contains("\"error\":{\"addr\"");
    assertThat(owner.get("/api/v2/changefeeds").body()).contains("\"state\":\"warning\"");
  }

  @Test
  void warningIsListedButNotShownByGet() {
    createCf1();

    other.post(
        "/__fake/changefeeds/cf-1/state",
        "{\"state\":\"warning\",\"error\":{\"code\":\"CDC:ErrMySQLTxnError\",\"message\":\"txn\"}}");

    assertThat(owner.get("/api/v2/changefeeds").body()).contains("CDC:ErrMySQLTxnError");
    assertThat(owner.get("/api/v2/changefeeds/cf-1").body()).doesNotContain("\"error\"");
    assertThat(owner.get("/api/v2/changefeeds/cf-1/status").body()).contains("\"last_warning\"");
  }

  @Test
  void badFieldsAreNamedWithFakeCodes() {
    createCf1();

    Reply badState = other.post("/__fake/changefeeds/cf-1/state", "{\"state\":\"paused\"}");
    Reply unknownField = other.post("/__fake/changefeeds/cf-1/checkpoint", "{\"lag\":5}");
    Reply unknownRoute = other.get("/__fake/nope");

    assertThat(badState.status()).isEqualTo(400);
    assertThat(badState.body())
        .contains("\"error_msg\": \"[FAKE:ErrInvalidField]state: unknown state 'paused'")
        .contains("\"error_code\": \"FAKE:ErrInvalidField\"");
    assertThat(unknownField.body()).contains("[FAKE:ErrInvalidField]lag: unknown field");
    assertThat(unknownRoute.status()).isEqualTo(404);
    assertThat(unknownRoute.body()).contains("FAKE:ErrNotFound");
  }

  @Test
  void unknownChangefeedIsAFakeError() {
    Reply response = other.post("/__fake/changefeeds/cf-9/state", "{\"state\":\"failed\"}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body())
        .contains("\"error_code\": \"FAKE:ErrChangefeedNotFound\"")
        .contains("no changefeed default/cf-9");
  }

  @Test
  void checkpointCanBeSetLaggedAndStalled() {
    createCf1();
    long ts = Tso.of(START.minusSeconds(30));

    other.post("/__fake/changefeeds/cf-1/checkpoint", "{\"checkpoint_ts\":" + ts + "}");
    assertThat(cluster.changefeed("cf-1").orElseThrow().checkpointTs()).isEqualTo(ts);

    other.post("/__fake/changefeeds/cf-1/checkpoint", "{\"lag_ms\":60000}");
    clock.advance(Duration.ofMinutes(2));
    assertThat(Tso.toInstant(cluster.changefeed("cf-1").orElseThrow().checkpointTs()))
        .isEqualTo(START.plusSeconds(60));

    other.post("/__fake/changefeeds/cf-1/checkpoint", "{\"stalled\":true}");
    clock.advance(Duration.ofMinutes(2));
    assertThat(Tso.toInstant(cluster.changefeed("cf-1").orElseThrow().checkpointTs()))
        .isEqualTo(START.plusSeconds(60));
    assertThat(cluster.changefeed("cf-1").orElseThrow().state()).isEqualTo(ChangefeedState.NORMAL);
  }

  @Test
  void clockAdvancesAndSwitchesMode() {
    Reply response = other.post("/__fake/clock", "{\"advance_ms\":5000}");

    assertThat(response.body())
        .isEqualTo("{\"mode\":\"manual\",\"now_ms\":" + START.plusSeconds(5).toEpochMilli() + "}");
    assertThat(other.post("/__fake/clock", "{\"mode\":\"system\"}").body())
        .contains("\"mode\":\"system\"");
    assertThat(clock.isManual()).isFalse();
  }

  @Test
  void ownerCanBeElectedAndResigned() {
    String second = cluster.captures().get(1).id();

    other.post("/__fake/owner", "{\"capture_id\":\"" + second + "\"}");
    assertThat(cluster.owner()).get().extracting(Capture::id).isEqualTo(second);

    other.post("/__fake/owner", "{}");
    assertThat(cluster.owner()).get().extracting(Capture::id).isNotEqualTo(second);

    assertThat(other.post("/__fake/owner", "{\"capture_id\":\"nope\"}").status()).isEqualTo(404);
  }

  @Test
  void noOwnerWindowAfterResignFailsOwnerRoutes() {
    other.post("/__fake/owner", "{\"election_delay_ms\":2000}");
    owner.post("/api/v2/owner/resign", "");

    Reply during = other.get("/api/v2/changefeeds");
    clock.advance(Duration.ofSeconds(2));
    Reply after = other.get("/api/v2/changefeeds");

    assertThat(during.status()).isEqualTo(500);
    assertThat(during.body()).contains("[CDC:ErrOwnerNotFound]owner not found");
    assertThat(after.status()).isEqualTo(200);
  }

  @Test
  void healthAndReadinessSwitch() {
    other.post("/__fake/health", "{\"healthy\":false}");
    Reply health = owner.get("/api/v2/health");
    other.post("/__fake/health", "{\"healthy\":true,\"ready\":false}");
    Reply notReady = owner.get("/api/v2/changefeeds");

    assertThat(health.status()).isEqualTo(500);
    assertThat(health.body()).contains("[CDC:ErrClusterIsUnhealthy]TiCDC cluster is unhealthy");
    assertThat(notReady.status()).isEqualTo(503);
    assertThat(notReady.body()).contains("CDC:ErrServerIsNotReady");
  }

  @Test
  void gcSafepointAndUpstreamTablesAndSeedChangefeeds() {
    other.post("/__fake/gc_safepoint", "{\"gc_safepoint\":" + Tso.of(START) + "}");
    Reply tooOld =
        owner.post(
            "/api/v2/changefeeds",
            "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\",\"start_ts\":"
                + Tso.of(START)
                + "}");
    Reply table =
        other.post(
            "/__fake/upstream/tables",
            "{\"schema\":\"test\",\"table\":\"t\",\"columns\":[\"id\"],\"primary_key\":[\"id\"]}");
    clock.advance(Duration.ofSeconds(1));
    Reply seeded =
        other.post(
            "/__fake/changefeeds",
            "{\"changefeed_id\":\"cf-2\",\"sink_uri\":\"blackhole://\",\"state\":\"stopped\"}");

    assertThat(tooOld.status()).isEqualTo(400);
    assertThat(tooOld.body()).contains("CDC:ErrStartTsBeforeGC");
    assertThat(table.body()).isEqualTo("{\"table_id\":104}");
    assertThat(seeded.body()).isEqualTo("{\"changefeed_id\":\"cf-2\"}");
    assertThat(cluster.changefeed("cf-2").orElseThrow().state()).isEqualTo(ChangefeedState.STOPPED);
  }

  @Test
  void faultsAreAddedListedAndCleared() {
    createCf1();

    Reply added =
        other.post(
            "/__fake/faults",
            "{\"route\":\"POST /api/v2/changefeeds/{changefeed_id}/pause\",\"changefeed_id\":\"cf-1\","
                + "\"times\":1,\"apply_first\":true,\"respond\":{\"status\":500,"
                + "\"error_code\":\"CDC:ErrPDEtcdAPIError\",\"error_msg\":\"etcd api call error\"}}");
    Reply paused = owner.post("/api/v2/changefeeds/cf-1/pause", "");
    String listed = other.get("/__fake/faults").body();
    other.delete("/__fake/faults");

    assertThat(added.body()).isEqualTo("{\"rules\":1}");
    assertThat(paused.status()).isEqualTo(500);
    assertThat(cluster.changefeed("cf-1").orElseThrow().state()).isEqualTo(ChangefeedState.STOPPED);
    assertThat(listed).contains("\"apply_first\":true");
    assertThat(cluster.faults().rules()).isEmpty();
    assertThat(
            other
                .post("/__fake/faults", "{\"route\":\"*\",\"times\":0,\"connection\":\"reset\"}")
                .body())
        .contains("[FAKE:ErrInvalidField]times: must be 1..");
  }

  @Test
  void requestsShowTheJournalNewestLast() {
    createCf1();
    owner.get("/api/v2/changefeeds/cf-1");
    other.post("/api/v2/changefeeds/cf-1/pause", "");

    String journal = other.get("/__fake/requests").body();

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
    owner.get("/api/v2/changefeeds");

    Reply response = other.post("/__fake/reset", "");

    assertThat(response.status()).isEqualTo(200);
    assertThat(cluster.changefeeds()).isEmpty();
    assertThat(cluster.journal().requests()).isEmpty();
  }

  @Test
  void capturesAreAddedAndKilled() {
    Reply added = other.post("/__fake/captures", "");
    String id = added.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    TestHttp addedHttp = fake.http(id);

    assertThat(addedHttp.get("/api/v2/captures").body()).contains(id);
    assertThat(other.delete("/__fake/captures/" + id).status()).isEqualTo(200);
    assertThat(cluster.liveCaptures()).extracting(Capture::id).doesNotContain(id);
    assertThat(other.delete("/__fake/captures/nope").status()).isEqualTo(404);
  }

  @Test
  void aRestartedOwnerComesBackAsANewCaptureOnItsPortAfterTheOtherTookOver() {
    Capture first = cluster.captures().get(0);
    int port = fake.server().url(first.id()).getPort();

    Reply restarted = other.post("/__fake/captures/" + first.id() + "/restart", "");

    String id = restarted.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    assertThat(restarted.status()).isEqualTo(200);
    assertThat(id).isNotEqualTo(first.id());
    assertThat(cluster.owner()).map(Capture::id).contains(cluster.captures().get(1).id());
    assertThat(cluster.capture(id).orElseThrow().address()).isEqualTo(first.address());
    assertThat(fake.server().url(id).getPort()).isEqualTo(port);
    assertThat(TestHttp.freshConnections(fake.server().url(id)).get("/api/v1/status").body())
        .contains("\"id\": \"" + id + "\"")
        .contains("\"is_owner\": false");
    assertThat(other.post("/__fake/captures/nope/restart", "").status()).isEqualTo(404);
  }

  @Test
  void adminCanBeTurnedOffOrGuardedByAToken() throws Exception {
    try (FakeTiCdcServer off = FakeTiCdcServer.builder().adminApi(false).start();
        FakeTiCdcServer guarded = FakeTiCdcServer.builder().adminToken("s3cret").start()) {
      Reply offResponse = TestHttp.freshConnections(off.url()).post("/__fake/reset", "");
      Reply noToken = TestHttp.freshConnections(guarded.url()).post("/__fake/reset", "");
      Reply withToken =
          TestHttp.freshConnections(guarded.url())
              .send("POST", "/__fake/reset", null, "Authorization", "Bearer s3cret");

      assertThat(offResponse.status()).isEqualTo(404);
      assertThat(offResponse.body()).isEqualTo("404 page not found");
      assertThat(noToken.status()).isEqualTo(401);
      assertThat(noToken.body()).contains("FAKE:ErrUnauthorized");
      assertThat(withToken.status()).isEqualTo(200);
    }
  }

  @Test
  void everyCapturesPortServesTheAdminApi() {
    for (TestHttp http : List.of(owner, other)) {
      assertThat(http.get("/__fake/state").status()).isEqualTo(200);
    }
  }
}
