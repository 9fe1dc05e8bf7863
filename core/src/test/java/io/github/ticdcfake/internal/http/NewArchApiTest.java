package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.Golden;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.TiCdcVersion;
import io.github.ticdcfake.cluster.Tso;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The new architecture as released in v26.3.4 ({@code cdc server --newarch}, pingcap/ticdc {@code
 * api/v2/*.go@v26.3.4}): each difference from classic TiCDC, over real HTTP.
 */
class NewArchApiTest {
  static final Instant START = Instant.parse("2024-05-20T02:00:00Z");
  static final long START_TSO = Tso.of(START);

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

  private Reply create(String id, String sinkUri) {
    return owner.post(
        "/api/v2/changefeeds",
        "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"" + sinkUri + "\"}");
  }

  // ---- status and routes (pingcap/ticdc api/v2/api.go@v26.3.4) ---------------------------------

  @Test
  void statusReportsV2634AndItsCommit() {
    JsonNode status = owner.get("/api/v2/status").json();

    assertThat(status.get("version").asText()).isEqualTo("v26.3.4");
    assertThat(status.get("git_hash").asText())
        .isEqualTo("65002945d670fea61492e35545326a0a289853c5");
    assertThat(status.get("liveness").asInt()).isZero();
    assertThat(create("cf", "blackhole://").json().get("creator_version").asText())
        .isEqualTo("v26.3.4");
  }

  @Test
  void rootStatusIsTheSevenFieldServerStatusIndentedByFourSpaces() {
    Reply reply = owner.get("/status");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).startsWith("{\n    \"version\": \"v26.3.4\",");
    assertThat(reply.json().fieldNames())
        .toIterable()
        .containsExactly("version", "git_hash", "id", "cluster_id", "pid", "is_owner", "liveness");
  }

  @Test
  void metaInfoAndTheV2DrainAreGinNotFound() {
    create("cf", "blackhole://");
    String capture = fake.captures().get(1).id();

    for (Reply reply :
        new Reply[] {
          owner.get("/api/v2/changefeeds/cf/meta_info"),
          owner.post("/api/v2/captures/" + capture + "/drain", null)
        }) {
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.body()).isEqualTo("404 page not found");
    }
  }

  @Test
  void logRedactOnlyEverTightens() {
    Reply raise = owner.post("/api/v2/log/redact", "{\"redact_info_log\":\"marker\"}");
    Reply lower = owner.post("/api/v2/log/redact", "{\"redact_info_log\":\"off\"}");
    Reply bad = owner.post("/api/v2/log/redact", "{\"redact_info_log\":\"maybe\"}");

    assertThat(raise.body()).isEqualTo("{\"previous_mode\":\"OFF\",\"current_mode\":\"MARKER\"}");
    assertThat(lower.status()).isEqualTo(400);
    assertThat(lower.json().get("error_msg").asText())
        .isEqualTo(
            "[CDC:ErrAPIInvalidParam]cannot transition from 'MARKER' to 'off': only transitions"
                + " to more restrictive modes are allowed (OFF→MARKER→ON)");
    assertThat(bad.json().get("error_msg").asText())
        .isEqualTo(
            "[CDC:ErrAPIInvalidParam]invalid redact mode 'maybe': must be 'off', 'on', or"
                + " 'marker'");
    // node-local: the other capture is still OFF
    assertThat(follower.post("/api/v2/log/redact", "{\"redact_info_log\":\"on\"}").body())
        .isEqualTo("{\"previous_mode\":\"OFF\",\"current_mode\":\"ON\"}");
  }

  @Test
  void getAllTablesNeedsNoSinkAndListsAllTables() {
    Reply reply = owner.post("/api/v2/get_all_tables", "{}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isIn("{}", reply.body());
    assertThat(owner.post("/api/v2/verify_table", "{\"sink_uri\":\"blackhole://\"}").status())
        .isEqualTo(200);
  }

  @Test
  void processorsAreNodeLocalStubs() {
    create("cf", "blackhole://");

    assertThat(follower.get("/api/v2/processors").body()).isEqualTo("{\"total\":0,\"items\":[]}");
    assertThat(follower.get("/api/v2/processors/nope/whatever").body())
        .isEqualTo("{\"table_ids\":null}");
  }

  @Test
  void tsoIgnoresItsBody() {
    Reply reply = owner.post("/api/v2/tso", "not json at all");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).startsWith("{\n    \"timestamp\": ");
  }

  @Test
  void beforeTheCoordinatorIsInitialisedChangefeedRoutesAnswer500WithoutCode() {
    cluster.setReady(false);

    Reply list = owner.get("/api/v2/changefeeds");
    Reply status = owner.get("/api/v2/status");

    assertThat(list.status()).isEqualTo(500);
    assertThat(list.json().get("error_msg").asText())
        .isEqualTo("coordinator is not fully initialized, wait a moment");
    assertThat(list.json().get("error_code").asText()).isEmpty();
    assertThat(status.status()).isEqualTo(200);
  }

  // ---- models (pingcap/ticdc api/v2/model.go@v26.3.4) ------------------------------------------

  @Test
  void createShowsTheV2634DefaultConfig() {
    Golden.assertMatches(
        "newarch/config-default.json",
        Golden.member(create("cf", "blackhole://").body(), "config"));
  }

  @Test
  void changefeedInfoHasKeyspaceGidAndMaintainerAfterCreateButNoNamespaceNorTaskStatus() {
    JsonNode created = create("cf", "blackhole://").json();
    JsonNode got = follower.get("/api/v2/changefeeds/cf").json();

    assertThat(created.fieldNames())
        .toIterable()
        .containsExactly(
            "upstream_id",
            "id",
            "keyspace",
            "sink_uri",
            "create_time",
            "start_ts",
            "config",
            "state",
            "creator_version",
            "resolved_ts",
            "checkpoint_ts",
            "checkpoint_time",
            "gid");
    // the create answer is built from a status without a maintainer (pingcap/ticdc
    // api/v2/changefeed.go@v26.3.4 CreateChangefeed); a later GET names it
    assertThat(got.get("keyspace").asText()).isEqualTo("default");
    assertThat(got.has("namespace")).isFalse();
    assertThat(got.has("task_status")).isFalse();
    assertThat(got.get("gid").fieldNames()).toIterable().containsExactly("low", "high");
    assertThat(got.get("maintainer_addr").asText()).isEqualTo(fake.captures().get(0).address());
    assertThat(got.get("resolved_ts")).isEqualTo(got.get("checkpoint_ts"));
  }

  @Test
  void aChangefeedCreatedWithoutIdIsNamedAfterItsGid() {
    JsonNode created = owner.post("/api/v2/changefeeds", "{\"sink_uri\":\"blackhole://\"}").json();

    BigInteger low = created.at("/gid/low").bigIntegerValue();
    BigInteger high = created.at("/gid/high").bigIntegerValue();
    assertThat(created.get("id").asText()).isEqualTo(low.toString() + high);
    assertThat(created.get("id").asText()).matches("[0-9]{2,40}");
  }

  @Test
  void aStoppedChangefeedHasNoMaintainer() {
    create("cf", "blackhole://");
    owner.post("/api/v2/changefeeds/cf/pause", null);

    assertThat(owner.get("/api/v2/changefeeds/cf").json().has("maintainer_addr")).isFalse();
  }

  @Test
  void listItemsCarryKeyspaceAfterIdAndAlwaysTheirError() {
    create("cf", "blackhole://");
    cluster.forceState(
        "default", "cf", ChangefeedState.STOPPED, CdcException.of("CDC:ErrSinkURIInvalid", "x"));

    JsonNode item = owner.get("/api/v2/changefeeds").json().at("/items/0");

    assertThat(item.fieldNames())
        .toIterable()
        .containsExactly(
            "upstream_id", "id", "keyspace", "state", "checkpoint_tso", "checkpoint_time", "error");
    assertThat(item.at("/error/code").asText()).isEqualTo("CDC:ErrSinkURIInvalid");
  }

  @Test
  void getPrintsTheErrorWithGoZeroTime() {
    create("cf", "blackhole://");
    cluster.forceState(
        "default", "cf", ChangefeedState.FAILED, CdcException.of("CDC:ErrSinkURIInvalid", "x"));

    assertThat(owner.get("/api/v2/changefeeds/cf").json().at("/error/time").asText())
        .isEqualTo("0001-01-01T00:00:00Z");
  }

  // ---- commands (pingcap/ticdc api/v2/changefeed.go, coordinator/controller.go@v26.3.4) --------

  @Test
  void notExistsNamesTheIdWithoutNamespace() {
    Reply reply = owner.get("/api/v2/changefeeds/missing");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error_msg").asText())
        .isEqualTo("[CDC:ErrChangeFeedNotExists]changefeed not exists, missing");
  }

  @Test
  void deletingAMissingChangefeedAnswersNull() {
    Reply reply = owner.delete("/api/v2/changefeeds/missing");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("null");
    create("cf", "blackhole://");
    assertThat(owner.delete("/api/v2/changefeeds/cf").body()).isEqualTo("{}");
  }

  @Test
  void aDuplicateIsRefusedBeforeTheEmptySinkUri() {
    create("cf", "blackhole://");

    Reply reply = owner.post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf\"}");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.json().get("error_msg").asText())
        .isEqualTo("[CDC:ErrChangeFeedAlreadyExists]changefeed already exists, cf");
  }

  @Test
  void replicaConfigErrorsAreWrappedInErrInvalidReplicaConfig() {
    Reply reply = create("cf", "kafka://127.0.0.1:9092/topic");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.json().get("error_code").asText()).isEqualTo("CDC:ErrInvalidReplicaConfig");
    assertThat(reply.json().get("error_msg").asText())
        .isEqualTo(
            "[CDC:ErrInvalidReplicaConfig]invalid replica config, %s:"
                + " [CDC:ErrSinkUnknownProtocol]unknown '' message protocol for sink");
  }

  @Test
  void pauseStopsAtOnceFromAnyStateAndKeepsTheError() {
    create("cf", "blackhole://");
    cluster.forceState(
        "default", "cf", ChangefeedState.FAILED, CdcException.of("CDC:ErrSinkURIInvalid", "x"));

    assertThat(owner.post("/api/v2/changefeeds/cf/pause", null).body()).isEqualTo("{}");

    JsonNode item = owner.get("/api/v2/changefeeds").json().at("/items/0");
    assertThat(item.get("state").asText()).isEqualTo("stopped");
    assertThat(item.at("/error/code").asText()).isEqualTo("CDC:ErrSinkURIInvalid");
  }

  @Test
  void resumeTakesAnEmptyBodyAndIsDoneWhenItAnswers() {
    create("cf", "blackhole://");
    owner.post("/api/v2/changefeeds/cf/pause", null);

    assertThat(owner.post("/api/v2/changefeeds/cf/resume", "").status()).isEqualTo(200);
    assertThat(owner.get("/api/v2/changefeeds/cf").json().get("state").asText())
        .isEqualTo("normal");
  }

  @Test
  void resumeNeverReadsThePdAddresses() {
    create("cf", "blackhole://");
    owner.post("/api/v2/changefeeds/cf/pause", null);

    assertThat(owner.post("/api/v2/changefeeds/cf/resume", "{\"pd_addrs\":[\"pd:1\"]}").status())
        .isEqualTo(200);
  }

  @Test
  void resumeOfARunningChangefeedIsIgnored() {
    create("cf", "blackhole://");

    assertThat(owner.post("/api/v2/changefeeds/cf/resume", "{}").status()).isEqualTo(200);
  }

  @Test
  void malformedResumeBodyIsA400AsJson() {
    create("cf", "blackhole://");

    Reply reply = owner.post("/api/v2/changefeeds/cf/resume", "{");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(reply.json().get("error_code").asText()).isEqualTo("CDC:ErrAPIInvalidParam");
  }

  @Test
  void resumeDecodesItsBodyBeforeLookingTheChangefeedUp() {
    Reply malformed = owner.post("/api/v2/changefeeds/missing/resume", "{");
    Reply wellFormed = owner.post("/api/v2/changefeeds/missing/resume", "{}");
    Reply badId = owner.post("/api/v2/changefeeds/bad_id!/resume", "{");

    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("error_code").asText()).isEqualTo("CDC:ErrAPIInvalidParam");
    assertThat(wellFormed.json().get("error_msg").asText())
        .isEqualTo("[CDC:ErrChangeFeedNotExists]changefeed not exists, missing");
    assertThat(badId.json().get("error_msg").asText())
        .isEqualTo("[CDC:ErrAPIInvalidParam]invalid changefeed_id: bad_id!");
  }

  @Test
  void resumeKeepsTheStoredErrorAndStartTsWhileTheOverwrittenCheckpointMoves() {
    create("cf", "blackhole://");
    long startTs = owner.get("/api/v2/changefeeds/cf").json().get("start_ts").asLong();
    cluster.clock().advance(java.time.Duration.ofMinutes(1));
    cluster.forceState(
        "default",
        "cf",
        ChangefeedState.FAILED,
        CdcException.of("CDC:ErrGCTTLExceeded", "gc ttl exceeded"));
    long overwrite = Tso.of(START.plusSeconds(30));

    Reply resumed =
        owner.post(
            "/api/v2/changefeeds/cf/resume", "{\"overwrite_checkpoint_ts\":" + overwrite + "}");

    assertThat(resumed.status()).isEqualTo(200);
    JsonNode info = owner.get("/api/v2/changefeeds/cf").json();
    assertThat(info.get("state").asText()).isEqualTo("normal");
    assertThat(info.get("checkpoint_ts").asLong()).isEqualTo(overwrite);
    assertThat(info.get("start_ts").asLong()).isEqualTo(startTs);
    assertThat(info.path("error").path("code").asText())
        .as("GET hides a normal changefeed's error")
        .isEmpty();
    assertThat(owner.get("/api/v2/changefeeds").json().at("/items/0/error/code").asText())
        .as("v26.3.4 does not clear the error on resume: the list, which always shows it, does")
        .isEqualTo("CDC:ErrGCTTLExceeded");
  }

  @Test
  void anUpdateThatChangesNothingIsAcceptedButStartTsIsRefused() {
    create("cf", "blackhole://");
    owner.post("/api/v2/changefeeds/cf/pause", null);

    Reply same = owner.put("/api/v2/changefeeds/cf", "{}");
    Reply startTs = owner.put("/api/v2/changefeeds/cf", "{\"start_ts\":" + START_TSO + "}");

    assertThat(same.status()).isEqualTo(200);
    assertThat(startTs.status()).isEqualTo(400);
    assertThat(startTs.json().get("error_msg").asText())
        .isEqualTo("[CDC:ErrAPIInvalidParam]start_ts can not be updated");
  }

  @Test
  void theV1HeaderTurnsWritesInto202AndListsIntoBareArrays() {
    Reply created =
        owner.send(
            "POST",
            "/api/v2/changefeeds",
            "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}",
            "from-ticdc-api-v1",
            "true");
    Reply list = owner.send("GET", "/api/v2/changefeeds", null, "from-ticdc-api-v1", "true");
    Reply get = owner.send("GET", "/api/v2/changefeeds/cf", null, "from-ticdc-api-v1", "true");

    assertThat(created.status()).isEqualTo(202);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().isArray()).isTrue();
    assertThat(get.status()).isEqualTo(200);
  }

  @Test
  void changefeedStatusReportsTheCheckpointAsResolvedTsAndTheErrorAsWarningWhileWarning() {
    create("cf", "blackhole://");
    cluster.clock().advance(java.time.Duration.ofSeconds(5));
    cluster.forceState(
        "default", "cf", ChangefeedState.WARNING, CdcException.of("CDC:ErrKafkaSendMessage", "w"));

    JsonNode status = owner.get("/api/v2/changefeeds/cf/status").json();

    assertThat(status.get("resolved_ts")).isEqualTo(status.get("checkpoint_ts"));
    assertThat(status.at("/last_warning/code").asText()).isEqualTo("CDC:ErrKafkaSendMessage");
    assertThat(status.has("last_error")).isFalse();
  }

  @Test
  void getShowsTheConfigUnprunedAndIgnoresNamespaceAndKeyspaceQueries() {
    Reply created = create("cf", "mysql://root@127.0.0.1:3306/");

    Reply got = owner.get("/api/v2/changefeeds/cf?namespace=other&keyspace=ks1");

    assertThat(got.status()).isEqualTo(200);
    assertThat(Golden.member(got.body(), "config"))
        .isEqualTo(Golden.member(created.body(), "config"));
  }

  @Test
  void acceptTomlIsStillAnsweredWithJson() {
    create("cf", "blackhole://");

    Reply reply = owner.send("GET", "/api/v2/changefeeds/cf", null, "Accept", "application/toml");

    assertThat(reply.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(reply.json().get("id").asText()).isEqualTo("cf");
  }

  @Test
  void goldenCreateBody() {
    Reply reply = create("cf", "blackhole://");
    JsonNode json = reply.json();

    Golden.assertMatches(
        "newarch/create-blackhole.json",
        reply.body(),
        Map.of(
            "upstream_id", json.get("upstream_id").asText(),
            "create_time", json.get("create_time").asText(),
            "low", json.at("/gid/low").asText(),
            "high", json.at("/gid/high").asText()));
  }
}
