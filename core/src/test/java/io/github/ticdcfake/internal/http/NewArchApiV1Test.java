package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.Golden;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.TiCdcVersion;
import io.github.ticdcfake.fault.Operation;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The new architecture's {@code /api/v1}, a shim over the v2 handlers (pingcap/ticdc {@code
 * api/v1/api.go@v26.3.4}, {@code api/v2/helper.go} getStatus and toListResponse): 202 with v2
 * bodies for writes, bare arrays for lists, v2 models with {@code keyspace}, compatibility stubs
 * for processors, rebalance and drain, no readiness gate.
 */
class NewArchApiV1Test {
  static final Instant START = Instant.parse("2024-05-20T02:00:00Z");

  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder()
          .version(TiCdcVersion.V26_3_NEWARCH)
          .captures(2)
          .manualClock(START)
          .seed(7)
          .build();

  private final FakeCluster cluster = fake.cluster();
  private final TestHttp owner = fake.http(fake.captures().get(0).id());
  private final TestHttp follower = fake.http(fake.captures().get(1).id());

  private Reply createV1(String id) {
    return owner.post(
        "/api/v1/changefeeds", "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"}");
  }

  @Test
  void createAnswers202WithTheV2ChangeFeedInfoAfterTheV1BodyIsRewritten() {
    Reply reply = createV1("cf-1");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(reply.json().get("id").asText()).isEqualTo("cf-1");
    assertThat(reply.json().get("keyspace").asText()).isEqualTo("default");
    // getV2ChangefeedConfig copies mounter_worker_num unconditionally: absent is 0
    assertThat(reply.json().at("/config/mounter/worker_num").asInt()).isZero();
    assertThat(reply.json().at("/config/filter/rules").toString()).isEqualTo("[\"*.*\"]");
    assertThat(cluster.changefeed("cf-1")).isPresent();
  }

  @Test
  void createCopiesTheV1FieldsIntoTheReplicaConfig() {
    Reply reply =
        owner.post(
            "/api/v1/changefeeds",
            "{\"changefeed_id\":\"cf-2\",\"sink_uri\":\"blackhole://\",\"mounter_worker_num\":8,"
                + "\"filter_rules\":[\"test.*\"],\"ignore_ineligible_table\":true,"
                + "\"timezone\":\"Nowhere/Land\"}");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().at("/config/mounter/worker_num").asInt()).isEqualTo(8);
    assertThat(reply.json().at("/config/filter/rules").toString()).isEqualTo("[\"test.*\"]");
    assertThat(reply.json().at("/config/ignore_ineligible_table").asBoolean()).isTrue();
  }

  @Test
  void createWithoutAnIdGetsAGeneratedOneLikeV2() {
    Reply reply = owner.post("/api/v1/changefeeds", "{\"sink_uri\":\"blackhole://\"}");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().get("id").asText()).isNotEmpty();
  }

  @Test
  void aBadV1BodyIsTheTextPlainBindJsonError() {
    Reply reply = owner.post("/api/v1/changefeeds", "");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(reply.json().get("error_msg").asText())
        .isEqualTo("[CDC:ErrAPIInvalidParam]invalid api parameter: EOF");
  }

  @Test
  void createWithoutSinkUriIsV2sError() {
    Reply reply = owner.post("/api/v1/changefeeds", "{\"changefeed_id\":\"cf\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error_code").asText()).isEqualTo("CDC:ErrSinkURIInvalid");
  }

  @Test
  void listIsABareArrayOfV2CommonInfoWithKeyspace() {
    createV1("cf-1");

    Reply reply = follower.get("/api/v1/changefeeds");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).startsWith("[{");
    assertThat(reply.json().get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "upstream_id", "id", "keyspace", "state", "checkpoint_tso", "checkpoint_time", "error");
  }

  @Test
  void getIsTheV2ChangeFeedInfo() {
    createV1("cf-1");

    Reply reply = owner.get("/api/v1/changefeeds/cf-1");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("keyspace").asText()).isEqualTo("default");
    assertThat(reply.json().has("config")).isTrue();
  }

  @Test
  void pauseResumeAndDeleteAnswer202WithV2Bodies() {
    createV1("cf-1");

    Reply pause = owner.post("/api/v1/changefeeds/cf-1/pause", "");
    assertThat(pause.status()).isEqualTo(202);
    assertThat(pause.body()).isEqualTo("{}");
    assertThat(cluster.changefeed("cf-1").orElseThrow().state()).isEqualTo(ChangefeedState.STOPPED);

    Reply resume = owner.post("/api/v1/changefeeds/cf-1/resume", "");
    assertThat(resume.status()).isEqualTo(202);
    assertThat(resume.body()).isEqualTo("{}");

    Reply delete = owner.delete("/api/v1/changefeeds/cf-1");
    assertThat(delete.status()).isEqualTo(202);
    assertThat(delete.body()).isEqualTo("{}");

    Reply missing = owner.delete("/api/v1/changefeeds/cf-1");
    assertThat(missing.status()).isEqualTo(202);
    assertThat(missing.body()).isEqualTo("null");
  }

  @Test
  void updateRewritesTheBodyAndAnswers202() {
    createV1("cf-1");
    owner.post("/api/v1/changefeeds/cf-1/pause", "");

    Reply reply = owner.put("/api/v1/changefeeds/cf-1", "{\"mounter_worker_num\":32}");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().at("/config/mounter/worker_num").asInt()).isEqualTo(32);
  }

  @Test
  void pauseOfAMissingChangefeedIsV2sNotExists() {
    Reply reply = owner.post("/api/v1/changefeeds/nope/pause", "");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error_code").asText()).isEqualTo("CDC:ErrChangeFeedNotExists");
  }

  @Test
  void rebalanceDoesNothingAndChecksNothing() {
    Reply reply = owner.post("/api/v1/changefeeds/nope/tables/rebalance_table", "");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.body()).isEmpty();
    assertThat(reply.contentType()).isNull();
  }

  @Test
  void moveTableNeedsTheChangefeedAndAnswers202Empty() {
    createV1("cf-1");

    Reply moved =
        owner.post(
            "/api/v1/changefeeds/cf-1/tables/move_table",
            "{\"capture_id\":\"test-aaa-aa\",\"table_id\":11}");
    Reply missing =
        owner.post(
            "/api/v1/changefeeds/nope/tables/move_table", "{\"capture_id\":\"x\",\"table_id\":1}");

    assertThat(moved.status()).isEqualTo(202);
    assertThat(moved.body()).isEqualTo("{}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("error_code").asText()).isEqualTo("CDC:ErrChangeFeedNotExists");
  }

  @Test
  void ownerResignAnswers202EmptyObject() {
    Reply reply = follower.post("/api/v1/owner/resign", "");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.body()).isEqualTo("{}");
  }

  @Test
  void processorsAreStubs() {
    createV1("cf-1");

    Reply list = owner.get("/api/v1/processors");
    Reply detail = owner.get("/api/v1/processors/any/thing");

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).isEqualTo("[]");
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body()).isEqualTo("{\"table_ids\":null}");
  }

  @Test
  void capturesAreABareArray() {
    Reply reply = follower.get("/api/v1/captures");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().isArray()).isTrue();
    assertThat(reply.json()).hasSize(2);
    assertThat(reply.json().get(0).fieldNames())
        .toIterable()
        .containsExactly("id", "is_owner", "address", "cluster_id");
  }

  @Test
  void drainIsTheReleasesCountingStub() {
    String body = "{\"capture_id\":\"no-such-capture\"}";
    for (int call = 1; call <= 9; call++) {
      Reply reply = owner.put("/api/v1/captures/drain", body);
      assertThat(reply.status()).isEqualTo(202);
      assertThat(reply.body()).isEqualTo("{\"current_table_count\":0}");
    }
    assertThat(owner.put("/api/v1/captures/drain", body).body())
        .isEqualTo("{\"current_table_count\":10}");
    Reply bad = owner.put("/api/v1/captures/drain", "");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).isEqualTo("application/json; charset=utf-8");
  }

  @Test
  void theDrainStubCountsPerProcessAndAResetStartsItAgain() {
    String body = "{\"capture_id\":\"x\"}";
    for (int call = 1; call <= 5; call++) {
      owner.put("/api/v1/captures/drain", body);
    }
    cluster.reset();
    for (int call = 1; call <= 9; call++) {
      // forwarded to the coordinator: its process counts
      assertThat(follower.put("/api/v1/captures/drain", body).body())
          .isEqualTo("{\"current_table_count\":0}");
    }

    assertThat(owner.put("/api/v1/captures/drain", body).body())
        .isEqualTo("{\"current_table_count\":10}");
  }

  @Test
  void healthIs200EmptyObjectAndLogIs200EmptyObject() {
    Reply health = follower.get("/api/v1/health");
    Reply log = owner.post("/api/v1/log", "{\"log_level\":\"debug\"}");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{}");
    assertThat(log.status()).isEqualTo(200);
    assertThat(log.body()).isEqualTo("{}");
  }

  @Test
  void statusIsTheIndentedV2ServerStatus() {
    Reply reply = owner.get("/api/v1/status");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).startsWith("{\n    \"version\": \"v26.3.4\",");
  }

  @Test
  void faultRulesAndTheJournalNameTheV1Operations() {
    cluster
        .faults()
        .add(
            io.github.ticdcfake.fault.FaultRule.on(Operation.V1_LIST_CAPTURES)
                .times(1)
                .inject(io.github.ticdcfake.fault.Fault.status(503, "busy")));

    assertThat(owner.get("/api/v1/captures").status()).isEqualTo(503);
    assertThat(owner.get("/api/v1/captures").status()).isEqualTo(200);
  }

  @Test
  void goldenCreateBody() {
    Reply reply = createV1("cf-1");

    Golden.assertMatches(
        "newarch/v1/create-blackhole.json",
        reply.body(),
        Map.of(
            "upstream_id", reply.json().get("upstream_id").asText(),
            "create_time", reply.json().get("create_time").asText(),
            "low", reply.json().at("/gid/low").asText(),
            "high", reply.json().at("/gid/high").asText()));
  }
}
