package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.Golden;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sequence of tiflow's own {@code tests/integration_tests/api_v2/cases.go} (pingcap/tiflow
 * tests/integration_tests/http_api), replayed against the fake: what PingCAP's suite asserts of a
 * real TiCDC must hold here too.
 */
class TiflowApiV2CasesTest {
  /**
   * A custom config in the spirit of cases.go's customReplicaConfig, with HEAD's field names (an
   * empty redo {@code level} is omitted, as Go's {@code omitempty} does).
   */
  static final String CUSTOM_CONFIG =
      """
      {"memory_quota":1123450,"case_sensitive":false,"force_replicate":false,
       "ignore_ineligible_table":false,"check_gc_safe_point":false,"enable_sync_point":false,
       "bdr_mode":false,"sync_point_interval":660000000000,"sync_point_retention":90000000000000,
       "filter":{"rules":["a.d","b.x"],"ignore_txn_start_ts":[1,2,3],
         "event_filters":[{"matcher":["test.worker"],"ignore_event":["update"],
           "ignore_sql":["^drop","add column"],"ignore_insert_value_expr":"id >= 100",
           "ignore_update_new_value_expr":"gender = 'male'","ignore_update_old_value_expr":"age < 18",
           "ignore_delete_value_expr":"id > 100"}]},
       "mounter":{"worker_num":17},
       "sink":{"protocol":"arvo","schema_registry":"127.0.0.1:1234",
         "csv":{"delimiter":"a","quote":"c","null":"c","include_commit_ts":true,
           "binary_encoding_method":"base64","output_old_value":false,"output_handle_key":false,
           "output_field_header":false},
         "dispatchers":[{"matcher":["a.b"],"partition":"1","topic":"test"}],
         "column_selectors":[{"matcher":["a.b"],"columns":["c"]}],
         "transaction_atomicity":"table","encoder_concurrency":20,"terminator":"a",
         "date_separator":"month","enable_partition_separator":true,
         "delete_only_output_handle_key_columns":false,"content_compatible":false,
         "advance_timeout":150},
       "consistent":{"max_log_size":65,"flush_interval":500,"meta_flush_interval":200,
         "encoding_worker_num":16,"flush_worker_num":8,"storage":"local://test",
         "use_file_backend":true,"memory_usage":{"memory_quota_percentage":50}},
       "scheduler":{"enable_table_across_nodes":false,"region_threshold":13,"write_key_threshold":0},
       "integrity":{"integrity_check_level":"none","corruption_handle_level":"warn"},
       "changefeed_error_stuck_duration":1800000000000,
       "synced_status":{"synced_check_interval":300,"checkpoint_interval":15}}
      """;

  @RegisterExtension static final FakeServerFixture fake = FakeServerFixture.builder().build();

  private final FakeTiCdcServer server = fake.server();
  private final TestHttp http = fake.http();

  private static void assertOk(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void changefeedApis() {
    Reply created =
        http.post(
            "/api/v2/changefeeds",
            "{\"changefeed_id\":\"changefeed-test-v2-black-hole-1\",\"sink_uri\":\"blackhole://\","
                + "\"namespace\":\"test\"}");
    assertOk(created);
    String path = "/api/v2/changefeeds/changefeed-test-v2-black-hole-1?namespace=test";
    Reply got = http.get(path);
    JsonNode info = got.json();
    assertThat(info.get("state").asText()).isEqualTo("normal");
    Golden.assertMatches("config-default.json", Golden.member(got.body(), "config"));

    Reply paused =
        http.post("/api/v2/changefeeds/changefeed-test-v2-black-hole-1/pause?namespace=test", null);
    assertOk(paused);
    assertThat(paused.body()).isEqualTo("{}");
    assertThat(http.get(path).json().get("state").asText()).isEqualTo("stopped");

    assertOk(
        http.put(
            path,
            "{\"sink_uri\":\"blackhole://?aa=bb\",\"replica_config\":{\"ignore_ineligible_table\":true}}"));
    assertOk(http.put(path, "{\"replica_config\":" + CUSTOM_CONFIG + "}"));
    assertThat(http.get(path).json().get("config")).isEqualTo(json(CUSTOM_CONFIG));

    JsonNode stopped = http.get("/api/v2/changefeeds?state=stopped&namespace=test").json();
    assertThat(stopped.get("items")).hasSize(1);

    Reply resumed =
        http.post(
            "/api/v2/changefeeds/changefeed-test-v2-black-hole-1/resume?namespace=test",
            "{\"overwrite_checkpoint_ts\":0}");
    assertOk(resumed);
    assertThat(resumed.body()).isEqualTo("{}");
    assertThat(http.get(path).json().get("state").asText()).isEqualTo("normal");

    Reply deleted = http.delete(path);
    assertOk(deleted);
    assertThat(deleted.body()).isEqualTo("{}");
    assertThat(http.get(path).status()).isNotEqualTo(200);
    assertOk(http.delete("/api/v2/changefeeds/changefeed-not-exist"));
  }

  @Test
  void createWithTheFullCustomConfigIsReadBackUnchanged() {
    assertOk(
        http.post(
            "/api/v2/changefeeds",
            "{\"changefeed_id\":\"test-create-all\",\"sink_uri\":\"blackhole://create=test\","
                + "\"replica_config\":"
                + CUSTOM_CONFIG
                + "}"));

    // Create merges into the defaults, so fields not sent keep theirs; like cases.go's own model,
    // compare what was sent.
    assertContains(
        http.get("/api/v2/changefeeds/test-create-all").json().get("config"), json(CUSTOM_CONFIG));
    assertOk(http.delete("/api/v2/changefeeds/test-create-all"));
  }

  @Test
  void statusHealthCapturesProcessorsResignAndLogLevel() {
    assertOk(http.get("/api/v2/status"));
    assertThat(http.get("/api/v2/health").body()).isEqualTo("{}");
    String id = server.cluster().captures().get(0).id();
    assertThat(http.get("/api/v2/captures").json().get("items")).hasSize(1);
    http.post("/api/v2/changefeeds", "{\"changefeed_id\":\"proc\",\"sink_uri\":\"blackhole://\"}");
    JsonNode processors = http.get("/api/v2/processors").json().get("items");
    assertThat(processors).isNotEmpty();
    assertOk(
        http.get(
            "/api/v2/processors/"
                + processors.get(0).get("changefeed_id").asText()
                + "/"
                + processors.get(0).get("capture_id").asText()));
    assertOk(http.post("/api/v2/owner/resign", null));
    assertThat(http.get("/api/v2/captures").json().at("/items/0/id").asText()).isEqualTo(id);
    assertThat(http.post("/api/v2/log", "{\"log_level\":\"debug\"}").body()).isEqualTo("{}");
    assertThat(http.post("/api/v2/log", "{\"log_level\":\"info\"}").body()).isEqualTo("{}");
    http.delete("/api/v2/changefeeds/proc");
  }

  private static void assertContains(JsonNode actual, JsonNode expected) {
    if (expected.isObject()) {
      expected
          .fieldNames()
          .forEachRemaining(
              name -> {
                assertThat(actual.has(name)).as("has " + name).isTrue();
                assertContains(actual.get(name), expected.get(name));
              });
    } else {
      assertThat(actual).isEqualTo(expected);
    }
  }

  private static JsonNode json(String text) {
    try {
      return TestHttp.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
