package io.github.ticdcfake.internal.http;

import static io.github.ticdcfake.internal.http.ChangefeedApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.Golden;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1} over real HTTP on two captures, following tiflow's {@code
 * tests/integration_tests/http_api/util/test_case.py} and {@code cdc/api/v1/api.go}.
 */
class ApiV1Test {
  static final Instant START = Instant.parse("2024-05-20T02:00:00.123Z");

  static FakeTiCdcServer server;
  static FakeCluster cluster;
  static Capture owner;
  static Capture other;
  static TestHttp ownerHttp;
  static TestHttp otherHttp;

  @BeforeAll
  static void start() {
    server =
        FakeTiCdcServer.builder()
            .captures(2)
            .clock(PdClock.manual(START).withZone(ZoneId.of("Asia/Shanghai")))
            .seed(11)
            .start();
    cluster = server.cluster();
    owner = cluster.owner().orElseThrow();
    other = cluster.captures().stream().filter(c -> !c.owner()).findFirst().orElseThrow();
    ownerHttp = TestHttp.pooled(server.url(owner.id()));
    otherHttp = TestHttp.pooled(server.url(other.id()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  private static Reply create(String body) {
    return otherHttp.post("/api/v1/changefeeds", body);
  }

  private static void createBlackhole(String id) {
    assertEmpty(create("{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"}"), 202);
  }

  /** gin's {@code c.Status}: status line, {@code Content-Length: 0}, no content type, no body. */
  static void assertEmpty(Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.body()).isEmpty();
    assertThat(reply.contentType()).isNull();
    assertThat(reply.header("Content-Length")).isEqualTo("0");
  }

  private static Map<String, String> subs() {
    return Map.of(
        "upstreamId", Long.toUnsignedString(cluster.upstreamId()),
        "owner", owner.id(),
        "other", other.id(),
        "ownerAddress", owner.address(),
        "otherAddress", other.address());
  }

  /** Byte-exact comparison of Go-formatted bodies, after substituting run-specific values. */
  static void assertGoldenBytes(String name, String actual) {
    String expected = Golden.read(name);
    for (Map.Entry<String, String> s : subs().entrySet()) {
      expected = expected.replace("${" + s.getKey() + "}", s.getValue());
    }
    if (expected.endsWith("\n")) {
      expected = expected.substring(0, expected.length() - 1); // editors add one; Go does not
    }
    assertThat(actual).as("golden/" + name).isEqualTo(expected);
  }

  // ---- create (POST /api/v1/changefeeds) -----------------------------------------------------

  @Test
  void createAnswers202WithAnEmptyBodyThroughANonOwner() {
    Reply reply =
        create(
            "{\"changefeed_id\":\"changefeed-test1\",\"sink_uri\":\"blackhole://\","
                + "\"ignore_ineligible_table\":true}");

    assertEmpty(reply, 202);
    assertThat(cluster.changefeed("changefeed-test1")).isPresent();
  }

  @Test
  void createChecksTheSinkUriBeforeTheId() {
    assertError(
        create("{\"changefeed_id\":\"bad id\"}"),
        400,
        "CDC:ErrSinkURIInvalid",
        "[CDC:ErrSinkURIInvalid]sink uri invalid 'sink-uri is empty, can't not create a changefeed"
            + " without sink-uri'");
  }

  @Test
  void createNeedsAnExplicitId() {
    assertError(
        create("{\"sink_uri\":\"blackhole://\"}"),
        400,
        "CDC:ErrAPIInvalidParam",
        "[CDC:ErrAPIInvalidParam]invalid changefeed_id: ");
  }

  @Test
  void createOfAnExistingIdIs500() {
    createBlackhole("cf-1");
    assertError(
        create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}"),
        500,
        "CDC:ErrChangeFeedAlreadyExists",
        "[CDC:ErrChangeFeedAlreadyExists]changefeed already exists, cf-1");
  }

  @Test
  void createIgnoresTheBodyNamespace() {
    createBlackhole("cf-0");
    assertEmpty(
        create(
            "{\"namespace\":\"other\",\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}"),
        202);

    assertThat(cluster.changefeed("default", "cf-1")).isPresent();
    assertThat(cluster.changefeed("other", "cf-1")).isEmpty();
  }

  @Test
  void createBodyThatDoesNotDecodeIsATextPlain400() {
    Reply empty = create("");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(empty.json().get("error_msg").asText())
        .isEqualTo("[CDC:ErrAPIInvalidParam]invalid api parameter: EOF");

    Reply wrongType = create("{\"start_ts\":\"x\"}");
    assertThat(wrongType.json().get("error_msg").asText())
        .isEqualTo(
            "[CDC:ErrAPIInvalidParam]invalid api parameter: json: cannot unmarshal string into Go"
                + " struct field ChangefeedConfig.start_ts of type uint64");
  }

  @Test
  void createAcceptsANullBodyAsAllZero() {
    assertThat(create("null").json().get("error_code").asText()).isEqualTo("CDC:ErrSinkURIInvalid");
  }

  @Test
  void createChecksTargetTsWithHyphens() {
    Reply reply =
        create(
            "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\",\"start_ts\":"
                + cluster.clock().peekTso()
                + ",\"target_ts\":1}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error_msg").asText())
        .startsWith("[CDC:ErrTargetTsBeforeStartTs]fail to create changefeed because target-ts 1");
  }

  @Test
  void createRejectsAnUnknownTimezoneAfterTheTableCheck() {
    assertError(
        create(
            "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\",\"timezone\":\"Mars/Base\"}"),
        400,
        "CDC:ErrAPIInvalidParam",
        "[CDC:ErrAPIInvalidParam]invalid api parameter: invalid timezone:Mars/Base:"
            + " [CDC:ErrLoadTimezone]load timezone: unknown time zone Mars/Base");
    assertEmpty(
        create(
            "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\",\"timezone\":\"Asia/Tokyo\"}"),
        202);
  }

  @Test
  void createChecksIneligibleTablesButDoesNotStoreTheFlag() {
    cluster.addUpstreamTable("test", "keyless", 0, List.of("a"), List.of());
    Reply refused = create("{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("error_code").asText()).isEqualTo("CDC:ErrTableIneligible");

    assertEmpty(
        create(
            "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\","
                + "\"ignore_ineligible_table\":true}"),
        202);
    JsonNode v2 = ownerHttp.get("/api/v2/changefeeds/cf").json();
    assertThat(v2.get("config").get("ignore_ineligible_table").asBoolean()).isFalse();
  }

  @Test
  void createMapsTheV1FieldsOntoTheConfigV2Shows() {
    assertEmpty(
        create(
            "{\"changefeed_id\":\"cf\",\"sink_uri\":\"kafka://127.0.0.1:9092/t?protocol=canal-json\","
                + "\"force_replicate\":true,\"filter_rules\":[\"test.*\"],"
                + "\"ignore_txn_start_ts\":[42],\"mounter_worker_num\":8,"
                + "\"sink_config\":{\"encoder-concurrency\":4,\"file-index-digit\":9,"
                + "\"dispatchers\":[{\"matcher\":[\"test.*\"],\"dispatcher\":\"ts\"}],"
                + "\"kafka-config\":{\"max-message-bytes\":1024},"
                + "\"encoder_concurrency\":99}}"),
        202);

    JsonNode config = ownerHttp.get("/api/v2/changefeeds/cf").json().get("config");
    assertThat(config.get("force_replicate").asBoolean()).isTrue();
    assertThat(config.get("filter").get("rules").toString()).isEqualTo("[\"test.*\"]");
    assertThat(config.get("filter").get("ignore_txn_start_ts").toString()).isEqualTo("[42]");
    assertThat(config.get("mounter").get("worker_num").asInt()).isEqualTo(8);
    JsonNode sink = config.get("sink");
    assertThat(sink.get("encoder_concurrency").asInt()).as("hyphenated key wins").isEqualTo(4);
    assertThat(sink.get("protocol").asText()).isEqualTo("canal-json");
    assertThat(sink.get("dispatchers").get(0).get("partition").asText()).isEqualTo("ts");
    assertThat(sink.get("kafka_config").get("max_message_bytes").asInt()).isEqualTo(1024);
    assertThat(sink.get("terminator").asText()).isEqualTo("\r\n");
    assertThat(sink.has("csv")).as("the whole default sink section is replaced").isFalse();
  }

  @Test
  void sinkConfigKeysThatV2NamesDifferentlyAreTranslated() {
    assertEmpty(
        create(
            "{\"changefeed_id\":\"kafka\",\"sink_uri\":\"kafka://127.0.0.1:9092/t?protocol=avro\","
                + "\"sink_config\":{\"advance-timeout-in-sec\":60,"
                + "\"kafka-config\":{\"codec-config\":{\"avro-enable-watermark\":true}}}}"),
        202);
    assertEmpty(
        create(
            "{\"changefeed_id\":\"mysql\",\"sink_uri\":\"mysql://root@127.0.0.1:3306/\","
                + "\"sink_config\":{\"mysql-config\":{\"max-multi-update-row\":5,"
                + "\"worker-count\":3}}}"),
        202);

    JsonNode kafka = ownerHttp.get("/api/v2/changefeeds/kafka").json().get("config").get("sink");
    assertThat(kafka.get("advance_timeout").asInt()).isEqualTo(60);
    assertThat(
            kafka.get("kafka_config").get("codec_config").get("avro_enable_watermark").asBoolean())
        .isTrue();
    JsonNode mysql = ownerHttp.get("/api/v2/changefeeds/mysql").json().get("config").get("sink");
    assertThat(mysql.get("mysql_config").get("max_multi_update_row_count").asInt()).isEqualTo(5);
    assertThat(mysql.get("mysql_config").get("worker_count").asInt()).isEqualTo(3);
  }

  // ---- list and get --------------------------------------------------------------------------

  @Test
  void listIsABareIndentedArrayOfEveryNamespaceWithRawStates() {
    createBlackhole("changefeed-test1");
    createBlackhole("changefeed-test2");
    cluster.createChangefeed(
        ChangefeedSpec.builder()
            .namespace("ns2")
            .changefeedId("cf-x")
            .sinkUri("blackhole://")
            .build());
    cluster.forceState(
        "default",
        "changefeed-test2",
        ChangefeedState.FAILED,
        CdcException.of("CDC:ErrGCTTLExceeded", "gc ttl exceeded"));
    cluster.forceState("ns2", "cf-x", ChangefeedState.PENDING, null);

    Reply reply = ownerHttp.get("/api/v1/changefeeds?state=all");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json; charset=utf-8");
    assertGoldenBytes("v1/list-all.json", reply.body());
  }

  @Test
  void listFiltersLikeTiCdc() {
    createBlackhole("a");
    createBlackhole("b");
    assertEmpty(otherHttp.post("/api/v1/changefeeds/b/pause", null), 202);

    assertThat(ids(ownerHttp.get("/api/v1/changefeeds?state=normal"))).containsExactly("a");
    assertThat(ids(ownerHttp.get("/api/v1/changefeeds?state=stopped"))).containsExactly("b");
    assertThat(ids(ownerHttp.get("/api/v1/changefeeds"))).containsExactly("a", "b");
    assertThat(ownerHttp.get("/api/v1/changefeeds?state=ALL").body()).isEqualTo("[]");
  }

  private static List<String> ids(Reply reply) {
    return java.util.stream.StreamSupport.stream(reply.json().spliterator(), false)
        .map(n -> n.get("id").asText())
        .toList();
  }

  @Test
  void getIsAnIndentedChangefeedDetail() {
    assertEmpty(
        create(
            "{\"changefeed_id\":\"changefeed-test1\","
                + "\"sink_uri\":\"mysql://normal:MTIzNDU2@127.0.0.1:3306/\"}"),
        202);
    cluster.clock().advance(Duration.ofSeconds(1));

    Reply reply = otherHttp.get("/api/v1/changefeeds/changefeed-test1");

    assertThat(reply.status()).isEqualTo(200);
    assertGoldenBytes("v1/get-normal.json", reply.body());
  }

  @Test
  void getOfAStoppedChangefeedHasNoTaskStatusAndNeverAnError() {
    createBlackhole("cf");
    cluster.forceState(
        "default",
        "cf",
        ChangefeedState.FAILED,
        CdcException.of("CDC:ErrGCTTLExceeded", "gc ttl exceeded"));

    JsonNode detail = ownerHttp.get("/api/v1/changefeeds/cf").json();

    assertThat(detail.get("state").asText()).isEqualTo("failed");
    assertThat(detail.get("error").isNull()).isTrue();
    assertThat(detail.get("error_history").isNull()).isTrue();
    assertThat(detail.has("task_status")).isFalse();
  }

  @Test
  void byIdRoutesCheckTheIdThenTheDefaultNamespace() {
    cluster.createChangefeed(
        ChangefeedSpec.builder()
            .namespace("ns2")
            .changefeedId("cf")
            .sinkUri("blackhole://")
            .build());
    assertError(
        ownerHttp.get("/api/v1/changefeeds/cf"),
        400,
        "CDC:ErrChangeFeedNotExists",
        "[CDC:ErrChangeFeedNotExists]changefeed not exists, default/cf");
    assertError(
        ownerHttp.get("/api/v1/changefeeds/bad_id"),
        400,
        "CDC:ErrAPIInvalidParam",
        "[CDC:ErrAPIInvalidParam]invalid changefeed_id: bad_id");
    for (String path : List.of("pause", "resume", "tables/rebalance_table")) {
      assertError(
          ownerHttp.post("/api/v1/changefeeds/changefeed-not-exists/" + path, null),
          400,
          "CDC:ErrChangeFeedNotExists",
          "[CDC:ErrChangeFeedNotExists]changefeed not exists, default/changefeed-not-exists");
    }
  }

  // ---- pause, resume, update, delete ---------------------------------------------------------

  @Test
  void pauseAndResumeAnswer202AndFlipTheState() {
    createBlackhole("changefeed-test2");

    assertEmpty(ownerHttp.post("/api/v1/changefeeds/changefeed-test2/pause", "{\"x\":1}"), 202);
    assertThat(ownerHttp.get("/api/v1/changefeeds/changefeed-test2").json().get("state").asText())
        .isEqualTo("stopped");

    assertEmpty(otherHttp.post("/api/v1/changefeeds/changefeed-test2/resume", null), 202);
    assertThat(otherHttp.get("/api/v1/changefeeds/changefeed-test2").json().get("state").asText())
        .isEqualTo("normal");
  }

  @Test
  void resumeDoesNoGcCheckUnlikeV2() {
    createBlackhole("cf");
    cluster.pauseChangefeed("default", "cf");
    cluster.setGcSafepoint(cluster.clock().peekTso());

    assertThat(ownerHttp.post("/api/v2/changefeeds/cf/resume", "{}").status()).isEqualTo(400);
    assertEmpty(ownerHttp.post("/api/v1/changefeeds/cf/resume", "not json"), 202);
    assertThat(cluster.changefeed("cf").orElseThrow().state()).isEqualTo(ChangefeedState.NORMAL);
  }

  @Test
  void updateFollowsTiflowsTestCase() {
    createBlackhole("changefeed-test1");
    createBlackhole("changefeed-test2");
    cluster.pauseChangefeed("default", "changefeed-test2");

    assertError(
        ownerHttp.put("/api/v1/changefeeds/changefeed-test1", "{\"mounter_worker_num\":32}"),
        400,
        "CDC:ErrChangefeedUpdateRefused",
        "[CDC:ErrChangefeedUpdateRefused]changefeed update error: can only update changefeed"
            + " config when it is stopped or failed");
    assertEmpty(
        ownerHttp.put("/api/v1/changefeeds/changefeed-test2", "{\"mounter_worker_num\":32}"), 202);
    assertError(
        ownerHttp.put("/api/v1/changefeeds/changefeed-test2", "{\"start_ts\":0}"),
        400,
        "CDC:ErrChangefeedUpdateRefused",
        "[CDC:ErrChangefeedUpdateRefused]changefeed update error: changefeed config is the same"
            + " with the old one, do nothing");

    JsonNode v2 = ownerHttp.get("/api/v2/changefeeds/changefeed-test2").json();
    assertThat(v2.get("config").get("mounter").get("worker_num").asInt()).isEqualTo(32);
  }

  @Test
  void updateDecodeErrorHasNoCode() {
    createBlackhole("cf");
    cluster.pauseChangefeed("default", "cf");

    Reply reply = ownerHttp.put("/api/v1/changefeeds/cf", "");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(reply.body())
        .isEqualTo("{\n    \"error_msg\": \"EOF\",\n    \"error_code\": \"\"\n}");
  }

  @Test
  void updateSaysTargetTsWithHyphensAndReplacesTheSinkVerbatim() {
    createBlackhole("cf");
    cluster.pauseChangefeed("default", "cf");
    long start = cluster.changefeed("cf").orElseThrow().startTs();

    assertError(
        ownerHttp.put("/api/v1/changefeeds/cf", "{\"target_ts\":1}"),
        400,
        "CDC:ErrChangefeedUpdateRefused",
        "[CDC:ErrChangefeedUpdateRefused]can not update target-ts:1 less than start-ts:" + start);

    assertEmpty(
        ownerHttp.put(
            "/api/v1/changefeeds/cf",
            "{\"sink_uri\":\"kafka://127.0.0.1:9092/t?protocol=open-protocol\","
                + "\"sink_config\":{\"encoder-concurrency\":2}}"),
        202);
    JsonNode v2 = ownerHttp.get("/api/v2/changefeeds/cf").json();
    assertThat(v2.get("sink_uri").asText())
        .isEqualTo("kafka://127.0.0.1:9092/t?protocol=open-protocol");
    assertThat(v2.get("config").get("sink").get("encoder_concurrency").asInt()).isEqualTo(2);
  }

  @Test
  void updateRefusesASinkSectionThatContradictsTheUri() {
    assertEmpty(
        create(
            "{\"changefeed_id\":\"cf\","
                + "\"sink_uri\":\"kafka://127.0.0.1:9092/t?protocol=canal-json\"}"),
        202);
    cluster.pauseChangefeed("default", "cf");

    assertError(
        ownerHttp.put("/api/v1/changefeeds/cf", "{\"sink_config\":{\"protocol\":\"avro\"}}"),
        400,
        "CDC:ErrChangefeedUpdateRefused",
        "[CDC:ErrChangefeedUpdateRefused]changefeed update error:"
            + " [CDC:ErrIncompatibleSinkConfig]incompatible configuration in sink"
            + " uri(protocol=canal-json) and config file(protocol=avro), please try to update the"
            + " configuration only through sink uri");

    assertEmpty(
        ownerHttp.put(
            "/api/v1/changefeeds/cf",
            "{\"sink_uri\":\"kafka://127.0.0.1:9092/t?protocol=open-protocol\"}"),
        202);
    assertThat(
            ownerHttp
                .get("/api/v2/changefeeds/cf")
                .json()
                .get("config")
                .get("sink")
                .get("protocol")
                .asText())
        .isEqualTo("open-protocol");
  }

  @Test
  void updateWrapsABadFilterRule() {
    createBlackhole("cf");
    cluster.pauseChangefeed("default", "cf");

    Reply reply = ownerHttp.put("/api/v1/changefeeds/cf", "{\"filter_rules\":[\"nodot\"]}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error_msg").asText())
        .startsWith(
            "[CDC:ErrChangefeedUpdateRefused]changefeed update error:"
                + " [CDC:ErrFilterRuleInvalid]filter rule is invalid");
  }

  @Test
  void deleteOfAMissingChangefeedIs400UnlikeV2() {
    assertError(
        ownerHttp.delete("/api/v1/changefeeds/changefeed-not-exists"),
        400,
        "CDC:ErrChangeFeedNotExists",
        "[CDC:ErrChangeFeedNotExists]changefeed not exists, default/changefeed-not-exists");
    assertThat(ownerHttp.delete("/api/v2/changefeeds/changefeed-not-exists").status())
        .isEqualTo(200);
  }

  @Test
  void deleteReturnsOnceTheChangefeedIsGone() {
    createBlackhole("changefeed-test3");

    assertEmpty(otherHttp.delete("/api/v1/changefeeds/changefeed-test3"), 202);
    assertThat(ownerHttp.get("/api/v1/changefeeds/changefeed-test3").status()).isEqualTo(400);
  }

  @Test
  void aV1ChangefeedDeletedThroughV2IsGoneForV1() {
    createBlackhole("changefeed-test4");

    assertThat(ownerHttp.delete("/api/v2/changefeeds/changefeed-test4").status()).isEqualTo(200);
    assertThat(
            ownerHttp.get("/api/v1/changefeeds/changefeed-test4").json().get("error_code").asText())
        .isEqualTo("CDC:ErrChangeFeedNotExists");
  }

  @Test
  void aV2ChangefeedIsSeenAndPausedThroughV1() {
    assertThat(
            ownerHttp
                .post(
                    "/api/v2/changefeeds",
                    "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}")
                .status())
        .isEqualTo(200);

    assertThat(ownerHttp.get("/api/v1/changefeeds/cf").json().get("sort_engine").asText())
        .isEqualTo("unified");
    assertEmpty(ownerHttp.post("/api/v1/changefeeds/cf/pause", null), 202);
    assertThat(ownerHttp.get("/api/v2/changefeeds/cf").json().get("state").asText())
        .isEqualTo("stopped");
  }

  @Test
  void aV1CreatedChangefeedShowsTheDefaultConfigThroughV2() {
    createBlackhole("cf-v1");
    assertThat(
            ownerHttp
                .post(
                    "/api/v2/changefeeds",
                    "{\"changefeed_id\":\"cf-v2\",\"sink_uri\":\"blackhole://\"}")
                .status())
        .isEqualTo(200);

    assertThat(ownerHttp.get("/api/v2/changefeeds/cf-v1").json().get("config"))
        .isEqualTo(ownerHttp.get("/api/v2/changefeeds/cf-v2").json().get("config"));
  }

  @Test
  void v1AndV2RenderTheSameChangefeedEachInItsOwnWay() {
    createBlackhole("cf");
    cluster.forceState(
        "default",
        "cf",
        ChangefeedState.PENDING,
        CdcException.of("CDC:ErrGCTTLExceeded", "gc ttl exceeded"));

    JsonNode v1Item = ownerHttp.get("/api/v1/changefeeds").json().get(0);
    JsonNode v2Item = ownerHttp.get("/api/v2/changefeeds").json().get("items").get(0);
    assertThat(v1Item.get("state").asText()).isEqualTo("pending");
    assertThat(v2Item.get("state").asText()).isEqualTo("warning");
    assertThat(v1Item.get("error").get("time").asText()).startsWith("2024-05-20T10:00:00");

    JsonNode v1Detail = ownerHttp.get("/api/v1/changefeeds/cf").json();
    JsonNode v2Detail = ownerHttp.get("/api/v2/changefeeds/cf").json();
    assertThat(v1Detail.get("sink_uri").asText()).isEqualTo(v2Detail.get("sink_uri").asText());
    assertThat(v1Detail.get("checkpoint_tso").asLong())
        .isEqualTo(v2Detail.get("checkpoint_ts").asLong());
    assertThat(v1Detail.get("create_time").asText()).isEqualTo("2024-05-20 10:00:00.123");
    assertThat(v2Detail.get("create_time").asText()).startsWith("2024-05-20T10:00:00.123");
    assertThat(v1Detail.get("error").isNull()).isTrue();
    assertThat(v2Detail.get("error").get("code").asText()).isEqualTo("CDC:ErrGCTTLExceeded");
    assertThat(v1Detail.has("config")).isFalse();
    assertThat(v2Detail.has("sort_engine")).isFalse();
  }

  @Test
  void aStoppedChangefeedShowsItsErrorInTheV1ListOnly() {
    createBlackhole("cf");
    cluster.forceState(
        "default",
        "cf",
        ChangefeedState.PENDING,
        CdcException.of("CDC:ErrGCTTLExceeded", "gc ttl exceeded"));
    cluster.pauseChangefeed("default", "cf"); // pending -> stopped keeps the error slot

    JsonNode v1Item = ownerHttp.get("/api/v1/changefeeds").json().get(0);
    JsonNode v2Item = ownerHttp.get("/api/v2/changefeeds").json().get("items").get(0);
    assertThat(v1Item.get("state").asText()).isEqualTo("stopped");
    assertThat(v1Item.get("error").get("code").asText()).isEqualTo("CDC:ErrGCTTLExceeded");
    assertThat(v2Item.get("error").isNull()).isTrue();
  }

  @Test
  void aChangefeedInAnotherNamespaceIsListedButNotAddressable() {
    cluster.createChangefeed(
        ChangefeedSpec.builder()
            .namespace("ns2")
            .changefeedId("cf")
            .sinkUri("blackhole://")
            .build());
    createBlackhole("cf");

    assertThat(ownerHttp.get("/api/v1/changefeeds").json()).hasSize(2);
    assertEmpty(ownerHttp.delete("/api/v1/changefeeds/cf"), 202);
    assertThat(cluster.changefeed("ns2", "cf")).isPresent();
  }

  // ---- tables --------------------------------------------------------------------------------

  @Test
  void rebalanceAndMoveTableAnswer202() {
    createBlackhole("changefeed-test1");
    String base = "/api/v1/changefeeds/changefeed-test1/tables/";

    assertEmpty(ownerHttp.post(base + "rebalance_table", null), 202);
    assertEmpty(
        ownerHttp.post(base + "move_table", "{\"capture_id\":\"test-aaa-aa\",\"table_id\":11}"),
        202);
    assertError(
        ownerHttp.post(base + "move_table", "{\"capture_id\":\"\",\"table_id\":11}"),
        400,
        "CDC:ErrAPIInvalidParam",
        "[CDC:ErrAPIInvalidParam]invalid capture_id: ");
    Reply badBody = ownerHttp.post(base + "move_table", "{\"table_id\":\"x\"}");
    assertThat(badBody.status()).isEqualTo(400);
    assertThat(badBody.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(badBody.json().get("error_msg").asText())
        .isEqualTo(
            "[CDC:ErrAPIInvalidParam]invalid api parameter: json: cannot unmarshal string into Go"
                + " struct field MoveTableReq.table_id of type int64");
  }

  // ---- owner, captures, drain ----------------------------------------------------------------

  @Test
  void capturesAreABareIndentedArray() {
    Reply reply = otherHttp.get("/api/v1/captures");

    assertThat(reply.status()).isEqualTo(200);
    assertGoldenBytes("v1/captures.json", reply.body());
  }

  @Test
  void resignAnswers202EmptyAndElectsAnotherOwner() {
    assertEmpty(otherHttp.post("/api/v1/owner/resign", null), 202);

    assertThat(cluster.owner()).isPresent();
    assertThat(cluster.owner().orElseThrow().id()).isNotEqualTo(owner.id());
  }

  @Test
  void drainCountsTheTablesLeftAndFallsAsClientsPoll() {
    cluster.addUpstreamTable("test", "t1", 0, List.of("id"), List.of("id"));
    cluster.addUpstreamTable("test", "t2", 0, List.of("id"), List.of("id"));
    cluster.addUpstreamTable("test", "t3", 0, List.of("id"), List.of("id"));
    cluster.addUpstreamTable("test", "t4", 0, List.of("id"), List.of("id"));
    createBlackhole("cf");
    String body = "{\"capture_id\":\"" + other.id() + "\"}";

    Reply first = ownerHttp.put("/api/v1/captures/drain", body);
    assertThat(first.status()).isEqualTo(202);
    assertThat(first.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(first.body()).isEqualTo("{\"current_table_count\":2}");
    assertThat(otherHttp.put("/api/v1/captures/drain", body).body())
        .isEqualTo("{\"current_table_count\":1}");
    assertThat(otherHttp.put("/api/v1/captures/drain", body).body())
        .isEqualTo("{\"current_table_count\":0}");
  }

  @Test
  void drainRefusesTheOwnerAnUnknownCaptureAndABadBody() {
    assertError(
        ownerHttp.put("/api/v1/captures/drain", "{\"capture_id\":\"" + owner.id() + "\"}"),
        400,
        "CDC:ErrSchedulerRequestFailed",
        "[CDC:ErrSchedulerRequestFailed]scheduler request failed, cannot drain the owner");
    assertError(
        ownerHttp.put("/api/v1/captures/drain", "{\"capture_id\":\"nope\"}"),
        400,
        "CDC:ErrCaptureNotExist",
        "[CDC:ErrCaptureNotExist]capture not exists, nope");
    Reply empty = ownerHttp.put("/api/v1/captures/drain", "");
    assertError(
        empty, 400, "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid api parameter: EOF");
    assertThat(empty.contentType()).isEqualTo("application/json; charset=utf-8");
  }

  @Test
  void drainOnASingleCaptureIsRefusedWhateverTheTarget() {
    cluster.killCapture(other.id());

    assertError(
        ownerHttp.put("/api/v1/captures/drain", "{\"capture_id\":\"bogus\"}"),
        400,
        "CDC:ErrSchedulerRequestFailed",
        "[CDC:ErrSchedulerRequestFailed]scheduler request failed, only one capture alive");
  }

  // ---- processors ----------------------------------------------------------------------------

  @Test
  void processorsFollowTiflowsTestCase() {
    cluster.addUpstreamTable("test", "t1", 0, List.of("id"), List.of("id"));
    createBlackhole("changefeed-test1");

    Reply list = ownerHttp.get("/api/v1/processors");
    assertThat(list.status()).isEqualTo(200);
    assertGoldenBytes("v1/processors.json", list.body());

    String capture = list.json().get(0).get("capture_id").asText();
    Reply detail = ownerHttp.get("/api/v1/processors/changefeed-test1/" + capture);
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body()).isEqualTo("{\n    \"table_ids\": [\n        104\n    ]\n}");

    assertError(
        ownerHttp.get("/api/v1/processors/changefeed-test1/non-exist-capture-id"),
        400,
        "CDC:ErrCaptureNotExist",
        "[CDC:ErrCaptureNotExist]capture not exists, non-exist-capture-id");
  }

  @Test
  void processorOfAnAbnormalChangefeedAppendsTheErrorToA200LikeTiCdc() {
    createBlackhole("running");
    createBlackhole("stopped");
    cluster.pauseChangefeed("default", "stopped");

    Reply reply = ownerHttp.get("/api/v1/processors/stopped/" + owner.id());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json; charset=utf-8");
    assertGoldenBytes("v1/processor-abnormal.txt", reply.body());
  }

  @Test
  void processorOfAnAbnormalChangefeedWithNoProcessorAnywhereIsACleanCaptureError() {
    createBlackhole("stopped");
    cluster.pauseChangefeed("default", "stopped");

    assertError(
        ownerHttp.get("/api/v1/processors/stopped/" + owner.id()),
        400,
        "CDC:ErrCaptureNotExist",
        "[CDC:ErrCaptureNotExist]capture not exists, " + owner.id());
  }

  // ---- status, health, log -------------------------------------------------------------------

  @Test
  void statusIsNodeLocalAndIndented() {
    JsonNode status = ownerHttp.get("/api/v1/status").json();
    assertThat(status.get("is_owner").asBoolean()).isTrue();
    assertThat(status.get("id").asText()).isEqualTo(owner.id());
    assertThat(otherHttp.get("/api/v1/status").json().get("is_owner").asBoolean()).isFalse();
    assertThat(otherHttp.get("/api/v1/status").body()).startsWith("{\n    \"version\": ");
  }

  @Test
  void healthIs200EmptyOrTheIndentedUnhealthyError() {
    assertEmpty(otherHttp.get("/api/v1/health"), 200);

    cluster.setHealthy(false);
    assertError(
        otherHttp.get("/api/v1/health"),
        500,
        "CDC:ErrClusterIsUnhealthy",
        "[CDC:ErrClusterIsUnhealthy]TiCDC cluster is unhealthy");
  }

  @Test
  void logLevelIsNodeLocalAnd200Empty() {
    assertEmpty(otherHttp.post("/api/v1/log", "{\"log_level\":\"debug\"}"), 200);
    assertThat(cluster.logLevel(other.id())).isEqualTo("debug");
    assertThat(cluster.logLevel(owner.id())).isEqualTo("info");

    assertEmpty(otherHttp.post("/api/v1/log", "{}"), 200);
    assertThat(cluster.logLevel(other.id())).isEqualTo("info");
    assertThat(ownerHttp.post("/api/v1/log", "{\"log_level\":\"loud\"}").body())
        .contains("[CDC:ErrAPIInvalidParam]fail to change log level: loud");

    Reply bad = ownerHttp.post("/api/v1/log", "");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("error_msg").asText())
        .isEqualTo("[CDC:ErrAPIInvalidParam]invalid log level: EOF");
  }

  @Test
  void notReadyIs503OnEveryV1Route() {
    cluster.setReady(false);

    assertError(
        ownerHttp.get("/api/v1/status"),
        503,
        "CDC:ErrServerIsNotReady",
        "[CDC:ErrServerIsNotReady]cdc server is not ready");
    assertThat(ownerHttp.get("/api/v1/health").status()).isEqualTo(503);
  }

  @Test
  void aTrailingSlashRedirectsLikeGin() {
    Reply get = ownerHttp.get("/api/v1/captures/");
    assertThat(get.status()).isEqualTo(301);
    assertThat(get.header("Location")).isEqualTo("/api/v1/captures");
    Reply put = ownerHttp.put("/api/v1/captures/drain/", "{}");
    assertThat(put.status()).isEqualTo(307);
  }

  @Test
  void nullBodiesDecodeAsZeroValues() {
    createBlackhole("cf");

    assertError(
        ownerHttp.post("/api/v1/changefeeds/cf/tables/move_table", "null"),
        400,
        "CDC:ErrAPIInvalidParam",
        "[CDC:ErrAPIInvalidParam]invalid capture_id: ");
    assertError(
        ownerHttp.put("/api/v1/captures/drain", "null"),
        400,
        "CDC:ErrCaptureNotExist",
        "[CDC:ErrCaptureNotExist]capture not exists, ");
  }

  @Test
  void unknownV1PathsAreGins404() {
    Reply reply = ownerHttp.get("/api/v1/meta_info");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body()).isEqualTo("404 page not found");
    assertThat(ownerHttp.post("/api/v1/captures/drain", "{}").status()).isEqualTo(404);
  }
}
