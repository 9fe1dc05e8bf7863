package io.github.ticdcfake.internal.http;

import static io.github.ticdcfake.internal.http.ChangefeedApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.Tso;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * synced, drain, verify_table and the unsafe routes (pingcap/tiflow cdc/api/v2/changefeed.go
 * synced; pingcap/tiflow cdc/api/v2/capture.go, owner.go, health.go, status.go, unsafe.go).
 */
class MoreRoutesTest {
  static final Instant START = Instant.parse("2024-05-20T02:00:00Z");

  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder().captures(2).manualClock(START).seed(5).build();

  private final FakeCluster cluster = fake.cluster();
  private final List<Capture> captures = fake.captures();
  private final TestHttp http = fake.http();

  private void blackhole(String id) {
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId(id).sinkUri("blackhole://").build());
  }

  // ---- synced ---------------------------------------------------------------------------------

  @Test
  void syncedIsNotFinishedWhileDataWasWrittenRecently() {
    blackhole("cf");
    cluster.clock().advance(Duration.ofSeconds(2));

    Reply reply = http.get("/api/v2/changefeeds/cf/synced");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .isEqualTo(
            "{\"synced\":false,\"sink_checkpoint_ts\":\"2024-05-20 10:00:00.500\","
                + "\"puller_resolved_ts\":\"2024-05-20 10:00:01.500\","
                + "\"last_synced_ts\":\"2024-05-20 10:00:00.000\","
                + "\"now_ts\":\"2024-05-20 10:00:02.000\","
                + "\"info\":\"The data syncing is not finished, please wait\"}");
  }

  @Test
  void syncedIsFinishedOnceNothingWasWrittenForTheCheckIntervalAndTheCheckpointIsFresh() {
    blackhole("cf");
    cluster.clock().advance(Duration.ofSeconds(301));

    JsonNode body = http.get("/api/v2/changefeeds/cf/synced").json();

    assertThat(body.get("synced").asBoolean()).isTrue();
    assertThat(body.get("info").asText()).isEqualTo("Data syncing is finished");
  }

  @Test
  void syncedAsksToCheckPdWhenTheCheckpointLagsButTheResolvedTsDoesNot() {
    blackhole("cf");
    cluster.clock().advance(Duration.ofSeconds(10));
    cluster.setCheckpointStalled("default", "cf", true);
    cluster.clock().advance(Duration.ofSeconds(400));

    JsonNode body = http.get("/api/v2/changefeeds/cf/synced").json();

    assertThat(body.get("synced").asBoolean()).isFalse();
    assertThat(body.get("info").asText())
        .startsWith("Please check whether PD is online and TiKV Regions are all available.")
        .endsWith("it means the data syncing is incomplete, so please wait");
  }

  @Test
  void syncedOfUnknownChangefeedReturns400AndBadBodyReturns400() {
    blackhole("cf");

    assertThat(http.get("/api/v2/changefeeds/nope/synced").json().get("error_code").asText())
        .isEqualTo("CDC:ErrChangeFeedNotExists");
    Reply bad = http.send("GET", "/api/v2/changefeeds/cf/synced", "{\"start_ts\":\"x\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).isEqualTo("text/plain; charset=utf-8");
  }

  // ---- drain ----------------------------------------------------------------------------------

  @Test
  void drainAnswers202AndTheCountFallsToZeroAsClientsPoll() {
    for (int i = 0; i < 8; i++) {
      cluster.addUpstreamTable("db", "t" + i, 0, List.of("id"), List.of("id"));
    }
    blackhole("cf");
    String follower = captures.get(1).id();

    Reply first = http.post("/api/v2/captures/" + follower + "/drain", null);

    assertThat(first.status()).isEqualTo(202);
    assertThat(first.body()).isEqualTo("{\"current_table_count\":4}");
    int count = 4;
    int polls = 0;
    while (count > 0 && polls++ < 10) {
      count =
          http.post("/api/v2/captures/" + follower + "/drain", null)
              .json()
              .get("current_table_count")
              .asInt();
    }
    assertThat(count).isZero();
    assertThat(http.get("/api/v2/processors/cf/" + follower).body())
        .isEqualTo("{\"table_ids\":[]}");
  }

  @Test
  void drainOfTheOwnerOrAnUnknownCaptureReturns400() {
    assertError(
        http.post("/api/v2/captures/" + captures.get(0).id() + "/drain", null),
        400,
        "CDC:ErrSchedulerRequestFailed",
        "[CDC:ErrSchedulerRequestFailed]scheduler request failed, cannot drain the owner");
    assertError(
        http.post("/api/v2/captures/nope/drain", null),
        400,
        "CDC:ErrCaptureNotExist",
        "[CDC:ErrCaptureNotExist]capture not exists, nope");
  }

  @Test
  void drainWithOneCaptureReturns400() {
    try (FakeTiCdcServer single = FakeTiCdcServer.builder().start()) {
      String id = single.cluster().captures().get(0).id();
      assertError(
          TestHttp.pooled(single.url()).post("/api/v2/captures/" + id + "/drain", null),
          400,
          "CDC:ErrSchedulerRequestFailed",
          "[CDC:ErrSchedulerRequestFailed]scheduler request failed, only one capture alive");
    }
  }

  // ---- verify_table ---------------------------------------------------------------------------

  @Test
  void verifyTableSplitsMatchedTablesByEligibility() {
    cluster.addUpstreamTable("test", "orders", 104, List.of("id", "note"), List.of("id"));
    cluster.addUpstreamTable("test", "logs", 106, List.of("line"), List.of());
    cluster.addUpstreamTable("other", "x", 108, List.of("id"), List.of("id"));

    Reply reply =
        http.post(
            "/api/v2/verify_table",
            "{\"sink_uri\":\"foo://x\",\"replica_config\":{\"filter\":{\"rules\":[\"test.*\"]}}}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .isEqualTo(
            "{\"ineligible_tables\":[{\"database_name\":\"test\",\"table_name\":\"logs\","
                + "\"table_id\":106,\"is_partition\":false}],\"eligible_tables\":[{\"database_name\":"
                + "\"test\",\"table_name\":\"orders\",\"table_id\":104,\"is_partition\":false}]}");
  }

  @Test
  void verifyTableWithNothingMatchedIsAnEmptyObject() {
    assertThat(http.post("/api/v2/verify_table", "{\"sink_uri\":\"blackhole://\"}").body())
        .isEqualTo("{}");
  }

  @Test
  void verifyTableRefusesOnlyUnparseableUris() {
    assertThat(
            http.post("/api/v2/verify_table", "{\"sink_uri\":\"mysql://[::1\"}")
                .json()
                .get("error_code")
                .asText())
        .isEqualTo("CDC:ErrSinkURIInvalid");
  }

  // ---- unsafe ---------------------------------------------------------------------------------

  @Test
  void metadataListsTiCdcEtcdKeysIndented() {
    blackhole("cf");

    Reply reply = http.get("/api/v2/unsafe/metadata");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).startsWith("[\n    {\n        \"key\": \"/tidb/cdc/default/");
    List<String> keys = reply.json().findValuesAsText("key");
    assertThat(keys)
        .contains(
            "/tidb/cdc/default/__cdc_meta__/capture/" + captures.get(0).id(),
            "/tidb/cdc/default/default/changefeed/info/cf",
            "/tidb/cdc/default/default/changefeed/status/cf")
        .isSorted();
  }

  @Test
  void resolveLockNeedsRegionAndTs() {
    assertError(
        http.post("/api/v2/unsafe/resolve_lock", "{}"),
        400,
        "CDC:ErrAPIInvalidParam",
        "[CDC:ErrAPIInvalidParam]invalid resolve_lock request: region_id and ts must be non-zero");
    assertThat(
            http.post(
                    "/api/v2/unsafe/resolve_lock", "{\"region_id\":1,\"ts\":" + Tso.of(START) + "}")
                .body())
        .isEqualTo("{}");
  }

  @Test
  void deleteServiceGcSafepointNeedsABody() {
    assertThat(http.delete("/api/v2/unsafe/service_gc_safepoint").status()).isEqualTo(400);
    assertThat(http.send("DELETE", "/api/v2/unsafe/service_gc_safepoint", "{}").body())
        .isEqualTo("{}");
  }
}
