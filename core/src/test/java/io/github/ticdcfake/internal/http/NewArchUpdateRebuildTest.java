package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.Golden;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An update of the new architecture at v26.3.4, over real HTTP: a sent {@code replica_config} is
 * rebuilt from the server defaults, never from the changefeed's config (pingcap/ticdc {@code
 * api/v2/changefeed.go@v26.3.4} UpdateChangefeed → {@code ToInternalReplicaConfig}, {@code
 * api/v2/model.go@v26.3.4} toInternalReplicaConfigWithOriginConfig); any sent {@code sink_uri}
 * re-validates; no view shows {@code admin_job_type}; {@code verify_table}'s {@code all_tables}
 * lists the tables of the schemas the filter reaches ({@code
 * logservice/schemastore/validator.go@v26.3.4} VerifyTables).
 */
class NewArchUpdateRebuildTest {
  static final Instant START = Instant.parse("2024-05-20T02:00:00Z");

  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder()
          .version(TiCdcVersion.V26_3_NEWARCH)
          .captures(1)
          .manualClock(START)
          .seed(17)
          .build();

  private final FakeCluster cluster = fake.cluster();
  private final TestHttp http = fake.http(fake.captures().get(0).id());

  private Reply createStopped(String sinkUri, String replicaConfig) {
    Reply created =
        http.post(
            "/api/v2/changefeeds",
            "{\"changefeed_id\":\"cf\",\"sink_uri\":\""
                + sinkUri
                + "\""
                + (replicaConfig == null ? "" : ",\"replica_config\":" + replicaConfig)
                + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(http.post("/api/v2/changefeeds/cf/pause", null).status()).isEqualTo(200);
    return created;
  }

  private Reply update(String body) {
    return http.put("/api/v2/changefeeds/cf", body);
  }

  private static JsonNode config(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().get("config");
  }

  /** The v26.3.4 default config as create answers it. */
  private static ObjectNode defaults() throws Exception {
    return (ObjectNode) TestHttp.MAPPER.readTree(Golden.read("newarch/config-default.json"));
  }

  // ---- the rebuild ----------------------------------------------------------------------------

  @Test
  void aSentSectionIsLaidOverTheDefaultsAndTheSyncPointAndTableMonitorFlagsGoAbsent()
      throws Exception {
    createStopped("blackhole://", null);

    Reply reply = update("{\"replica_config\":{\"mounter\":{\"worker_num\":32}}}");

    ObjectNode expected = defaults();
    expected.remove("enable_sync_point");
    expected.remove("enable_table_monitor");
    ((ObjectNode) expected.get("mounter")).put("worker_num", 32);
    assertThat(config(reply)).isEqualTo(expected);
    assertThat(config(http.get("/api/v2/changefeeds/cf"))).isEqualTo(expected);
  }

  @Test
  void theRebuildForgetsTheChangefeedsOwnConfig() {
    createStopped(
        "blackhole://",
        "{\"memory_quota\":2147483648,\"case_sensitive\":true,\"enable_table_monitor\":true,"
            + "\"filter\":{\"rules\":[\"test.*\"]},\"mounter\":{\"worker_num\":8},"
            + "\"scheduler\":{\"region_threshold\":20000}}");

    JsonNode config = config(update("{\"replica_config\":{\"bdr_mode\":true}}"));

    assertThat(config.get("bdr_mode").asBoolean()).isTrue();
    assertThat(config.get("memory_quota").asLong()).isEqualTo(1073741824L);
    assertThat(config.get("case_sensitive").asBoolean()).isFalse();
    assertThat(config.has("enable_table_monitor")).isFalse();
    assertThat(config.at("/filter/rules").toString()).isEqualTo("[\"*.*\"]");
    assertThat(config.at("/mounter/worker_num").asInt()).isEqualTo(16);
    assertThat(config.at("/scheduler/region_threshold").asInt()).isEqualTo(10000);
  }

  @Test
  void anUpdateWithoutReplicaConfigKeepsTheChangefeedsConfig() {
    createStopped("blackhole://", "{\"mounter\":{\"worker_num\":8},\"enable_sync_point\":false}");

    JsonNode config = config(update("{\"target_ts\":" + Long.MAX_VALUE + "}"));

    assertThat(config.at("/mounter/worker_num").asInt()).isEqualTo(8);
    assertThat(config.has("enable_sync_point")).isTrue();
  }

  @Test
  void mergedSectionsKeepTheDefaultsOfTheKeysNotSent() throws Exception {
    createStopped("blackhole://", null);

    JsonNode config =
        config(
            update(
                "{\"replica_config\":{\"scheduler\":{\"region_threshold\":20000},"
                    + "\"consistent\":{\"max_log_size\":128},"
                    + "\"integrity\":{\"corruption_handle_level\":\"error\"},"
                    + "\"synced_status\":{\"checkpoint_interval\":30}}}"));

    ObjectNode expected = defaults();
    ((ObjectNode) expected.get("scheduler")).put("region_threshold", 20000);
    ((ObjectNode) expected.get("consistent")).put("max_log_size", 128);
    ((ObjectNode) expected.get("integrity")).put("corruption_handle_level", "error");
    ((ObjectNode) expected.get("synced_status")).put("checkpoint_interval", 30);
    for (String section : List.of("scheduler", "consistent", "integrity", "synced_status")) {
      assertThat(config.get(section)).as(section).isEqualTo(expected.get(section));
    }
  }

  @Test
  void aSentSinkReplacesTheDefaultSinkAndItsPlainFieldsStartFromZero() {
    createStopped("blackhole://", null);

    JsonNode sink =
        config(
                update(
                    "{\"replica_config\":{\"sink\":{\"encoder_concurrency\":4,"
                        + "\"debezium\":{},\"open\":{}}}}"))
            .get("sink");

    // the update decodes onto an empty request, so debezium's and open's plain output_old_value
    // are false, unlike a create, which decodes onto the defaults
    assertThat(sink.at("/debezium/output_old_value").asBoolean()).isFalse();
    assertThat(sink.at("/open/output_old_value").asBoolean()).isFalse();
    assertThat(sink.get("encoder_concurrency").asInt()).isEqualTo(4);
    assertThat(sink.has("csv")).isFalse();
    assertThat(sink.has("send_bootstrap_interval_in_sec")).isFalse();
    // ValidateAndAdjust fills the terminator and the advance timeout for a non-MySQL sink
    assertThat(sink.get("terminator").asText()).isEqualTo("\r\n");
    assertThat(sink.get("advance_timeout").asInt()).isEqualTo(150);
  }

  @Test
  void aCreateDecodesOntoTheDefaultsSoItsDebeziumKeepsTheOldValue() {
    JsonNode sink =
        config(
                http.post(
                    "/api/v2/changefeeds",
                    "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\","
                        + "\"replica_config\":{\"sink\":{\"debezium\":{}}}}"))
            .get("sink");

    assertThat(sink.at("/debezium/output_old_value").asBoolean()).isTrue();
    assertThat(sink.has("csv")).isTrue();
  }

  @Test
  void aSentFilterReplacesTheRulesAndAbsentIgnoreIneligibleTableStaysAbsent() {
    createStopped("blackhole://", "{\"ignore_ineligible_table\":true}");

    JsonNode config =
        config(update("{\"replica_config\":{\"filter\":{\"rules\":[\"test.*\",\"!test.x\"]}}}"));

    assertThat(config.at("/filter/rules").toString()).isEqualTo("[\"test.*\",\"!test.x\"]");
    assertThat(config.has("ignore_ineligible_table")).isFalse();
    assertThat(config.has("force_replicate")).isFalse();
  }

  // ---- what triggers the re-validation -------------------------------------------------------

  @Test
  void sendingTheSameSinkUriStillVerifiesTheTables() {
    createStopped("blackhole://", null);
    cluster.addUpstreamTable("test", "no_key", 0, List.of("line"), List.of());

    Reply same = update("{\"sink_uri\":\"blackhole://\"}");
    Reply nothing = update("{}");

    assertThat(same.status()).isEqualTo(400);
    assertThat(same.json().get("error_code").asText()).isEqualTo("CDC:ErrTableIneligible");
    assertThat(same.json().get("error_msg").asText()).contains("test.no_key");
    assertThat(nothing.status()).isEqualTo(200);
  }

  @Test
  void aRebuiltConfigWithoutIgnoreIneligibleTableRefusesIneligibleTables() {
    cluster.addUpstreamTable("test", "no_key", 0, List.of("line"), List.of());
    createStopped("blackhole://", "{\"ignore_ineligible_table\":true}");

    Reply rebuilt = update("{\"replica_config\":{\"mounter\":{\"worker_num\":4}}}");

    assertThat(rebuilt.status()).isEqualTo(400);
    assertThat(rebuilt.json().get("error_code").asText()).isEqualTo("CDC:ErrTableIneligible");
  }

  // ---- the sink checks: ticdc has no tiflow sink validator ------------------------------------

  @Test
  void bdrModeIsAcceptedForAnySinkAtCreateAndUpdate() {
    Reply created =
        http.post(
            "/api/v2/changefeeds",
            "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"bdr_mode\":true}}");
    http.post("/api/v2/changefeeds/cf/pause", null);
    Reply updated =
        update(
            "{\"sink_uri\":\"kafka://127.0.0.1:9092/t?protocol=canal-json\","
                + "\"replica_config\":{\"bdr_mode\":true}}");

    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(config(updated).get("bdr_mode").asBoolean()).isTrue();
  }

  @Test
  void anUnknownSchemeFailsTheSinkVerifyWithItsDoubledText() {
    String doubled =
        "[CDC:ErrSinkURIInvalid]sink uri invalid 'foo://x': [CDC:ErrSinkURIInvalid]sink uri"
            + " invalid 'foo://x'";
    Reply created =
        http.post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf\",\"sink_uri\":\"foo://x\"}");
    createStopped("blackhole://", null);
    Reply updated = update("{\"sink_uri\":\"foo://x\"}");

    for (Reply reply : List.of(created, updated)) {
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().get("error_msg").asText()).isEqualTo(doubled);
      assertThat(reply.json().get("error_code").asText()).isEqualTo("CDC:ErrSinkURIInvalid");
    }
  }

  // ---- admin_job_type -------------------------------------------------------------------------

  @Test
  void noViewShowsAdminJobTypeInAnyState() {
    createStopped("blackhole://", null);
    List<Reply> stopped =
        List.of(
            http.get("/api/v2/changefeeds/cf"),
            update("{}"),
            http.get("/api/v2/changefeeds"),
            http.get("/api/v1/changefeeds/cf"),
            http.get("/api/v1/changefeeds"));
    http.post("/api/v2/changefeeds/cf/resume", "{}");
    List<Reply> normal =
        List.of(http.get("/api/v2/changefeeds/cf"), http.get("/api/v2/changefeeds"));

    for (Reply reply : concat(stopped, normal)) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.body()).doesNotContain("admin_job_type");
    }
  }

  @Test
  void theEtcdDumpsNeverRecordAStopJob() {
    createStopped("blackhole://", null);

    Reply metadata = http.get("/api/v2/unsafe/metadata");
    Reply debug = http.get("/debug/info");

    assertThat(metadata.status()).isEqualTo(200);
    assertThat(metadata.body()).doesNotContain("admin-job-type\\\":1");
    assertThat(debug.status()).isEqualTo(200);
    assertThat(debug.body())
        .startsWith("\n\n*** etcd info ***:\n\n")
        .doesNotContain("AdminJobType")
        .doesNotContain("admin-job-type\":1");
  }

  private static List<Reply> concat(List<Reply> a, List<Reply> b) {
    List<Reply> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  // ---- verify_table's all_tables ---------------------------------------------------------------

  @Test
  void allTablesListsEveryTableOfTheSchemasTheFilterReaches() {
    cluster.addUpstreamTable("shop", "orders", 0, List.of("id"), List.of("id"));
    cluster.addUpstreamTable("shop", "audit", 0, List.of("line"), List.of());
    cluster.addUpstreamTable("other", "kept_out", 0, List.of("id"), List.of("id"));

    JsonNode tables =
        http.post(
                "/api/v2/verify_table",
                "{\"sink_uri\":\"blackhole://\",\"replica_config\":{\"filter\":"
                    + "{\"rules\":[\"shop.orders\"]}}}")
            .json();

    assertThat(names(tables.get("eligible_tables"))).containsExactly("shop.orders");
    assertThat(tables.has("ineligible_tables")).isFalse();
    assertThat(names(tables.get("all_tables"))).containsExactly("shop.orders", "shop.audit");
  }

  @Test
  void aSchemaWhoseTablesTheFilterAllDropsAddsNothingToAllTables() {
    cluster.addUpstreamTable("shop", "orders", 0, List.of("id"), List.of("id"));
    cluster.addUpstreamTable("logs", "lines", 0, List.of("id"), List.of("id"));

    JsonNode tables =
        http.post(
                "/api/v2/verify_table",
                "{\"sink_uri\":\"blackhole://\",\"replica_config\":{\"filter\":"
                    + "{\"rules\":[\"shop.*\",\"logs.*\",\"!logs.lines\"]}}}")
            .json();

    // VerifyTables appends a batch's tables only when one of them passed the table filter
    assertThat(names(tables.get("all_tables")))
        .contains("shop.orders")
        .doesNotContain("logs.lines");
  }

  private static List<String> names(JsonNode tables) {
    List<String> names = new java.util.ArrayList<>();
    for (JsonNode table : tables) {
      names.add(table.get("database_name").asText() + "." + table.get("table_name").asText());
    }
    return names;
  }
}
