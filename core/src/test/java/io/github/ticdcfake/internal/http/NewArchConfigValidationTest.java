package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.TiCdcVersion;
import io.github.ticdcfake.cluster.Tso;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The new architecture's validate-and-adjust of {@code replica_config} at v26.3.4, over real HTTP
 * (pingcap/ticdc {@code pkg/config/replica_config.go@v26.3.4} ValidateAndAdjust, {@code
 * pkg/config/scheduler_config.go@v26.3.4}, {@code api/v2/changefeed.go@v26.3.4}): each check with
 * its exact answer, wrapped once more in {@code ErrInvalidReplicaConfig} with a literal {@code %s}.
 */
class NewArchConfigValidationTest {
  static final Instant START = Instant.parse("2024-05-20T02:00:00Z");
  static final String WRAP = "[CDC:ErrInvalidReplicaConfig]invalid replica config, %s: ";
  static final String INNER = "[CDC:ErrInvalidReplicaConfig]invalid replica config, ";

  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder()
          .version(TiCdcVersion.V26_3_NEWARCH)
          .captures(1)
          .manualClock(START)
          .seed(11)
          .build();

  private final FakeCluster cluster = fake.cluster();
  private final TestHttp http = fake.http(fake.captures().get(0).id());

  private Reply create(String sinkUri, String replicaConfig) {
    return http.post(
        "/api/v2/changefeeds",
        "{\"changefeed_id\":\"cf\",\"sink_uri\":\""
            + sinkUri
            + "\",\"replica_config\":"
            + replicaConfig
            + "}");
  }

  private static void assertRefused(Reply reply, int status, String message) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().get("error_code").asText()).isEqualTo("CDC:ErrInvalidReplicaConfig");
    assertThat(reply.json().get("error_msg").asText()).isEqualTo(message);
  }

  private static String acrossNodes(String extra) {
    return "{\"scheduler\":{\"enable_table_across_nodes\":true" + extra + "}}";
  }

  // ---- the scheduler: plain Go errors, only the wrapper names a code ---------------------------

  @Test
  void schedulerChecksRunOnlyWithTableAcrossNodes() {
    Reply reply = create("blackhole://", "{\"scheduler\":{\"region_threshold\":-1}}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().at("/config/scheduler/region_threshold").asLong()).isEqualTo(-1);
  }

  @Test
  void negativeRegionThresholdIsRefused() {
    assertRefused(
        create(
            "kafka://127.0.0.1:9092/t?protocol=canal-json",
            acrossNodes(",\"region_threshold\":-1")),
        500,
        WRAP + "region-threshold must be larger than 0");
  }

  @Test
  void negativeWriteKeyThresholdIsRefused() {
    assertRefused(
        create("blackhole://", acrossNodes(",\"write_key_threshold\":-1")),
        500,
        WRAP + "write-key-threshold must be larger than 0");
  }

  @Test
  void negativeSchedulingTaskCountIsRefused() {
    assertRefused(
        create("blackhole://", acrossNodes(",\"scheduling_task_count_per_node\":-1")),
        500,
        WRAP + "scheduling-task-count-per-node must be larger than 0");
  }

  @Test
  void nonPositiveRegionCountPerSpanIsRefused() {
    assertRefused(
        create("blackhole://", acrossNodes(",\"region_count_per_span\":0")),
        500,
        WRAP + "region-count-per-span must be larger than 0");
  }

  @Test
  void nonPositiveRefreshIntervalIsRefused() {
    assertRefused(
        create("blackhole://", acrossNodes(",\"region_count_refresh_interval\":0")),
        500,
        WRAP + "region-count-refresh-interval must be larger than 0");
  }

  @Test
  void nonPositiveBalanceScoreIsRefused() {
    assertRefused(
        create("blackhole://", acrossNodes(",\"balance_score_threshold\":0")),
        500,
        WRAP + "balance-score-threshold must be larger than 0");
  }

  @Test
  void minTrafficPercentageOutsideZeroToOneIsRefused() {
    assertRefused(
        create("blackhole://", acrossNodes(",\"min_traffic_percentage\":1")),
        500,
        WRAP + "min-traffic-percentage must be between 0 and 1");
  }

  @Test
  void maxTrafficPercentageNotAboveOneIsRefused() {
    assertRefused(
        create("blackhole://", acrossNodes(",\"max_traffic_percentage\":1")),
        500,
        WRAP + "max-traffic-percentage must be greater than 1");
  }

  @Test
  void schedulerAdjustsSmallThresholdsSpansAndTheSplittableCheck() {
    Reply reply =
        create(
            "mysql://root@127.0.0.1:3306/",
            acrossNodes(
                ",\"write_key_threshold\":5,\"region_threshold\":50,\"region_count_per_span\":80"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().at("/config/scheduler/enable_table_across_nodes").asBoolean())
        .as("not reset for a non-Kafka sink, unlike tiflow")
        .isTrue();
    assertThat(reply.json().at("/config/scheduler/write_key_threshold").asLong())
        .isEqualTo(10485760);
    assertThat(reply.json().at("/config/scheduler/region_count_per_span").asLong()).isEqualTo(50);
    assertThat(reply.json().at("/config/scheduler/enable_splittable_check").asBoolean()).isTrue();
  }

  // ---- active-active -------------------------------------------------------------------------

  @Test
  void activeActiveWithoutBdrModeIsRefusedForEverySink() {
    for (String uri : List.of("blackhole://", "file:///tmp/cdc?protocol=csv")) {
      assertRefused(
          create(uri, "{\"enable_active_active\":true}"),
          500,
          WRAP + INNER + "enable-active-active requires bdr-mode to be true");
    }
  }

  @Test
  void activeActiveNeedsATidbOrStorageSink() {
    assertRefused(
        create("blackhole://", "{\"enable_active_active\":true,\"bdr_mode\":true}"),
        500,
        WRAP + INNER + "enable-active-active only supports tidb sink and storage sink");
  }

  @Test
  void activeActiveRefusesRedo() {
    assertRefused(
        create(
            "mysql://root@127.0.0.1:3306/",
            "{\"enable_active_active\":true,\"bdr_mode\":true,"
                + "\"consistent\":{\"level\":\"eventual\",\"storage\":\"file:///tmp/redo\"}}"),
        500,
        WRAP
            + INNER
            + "enable-active-active is incompatible with redo log/consistency feature, please"
            + " disable redo");
  }

  @Test
  void activeActiveIsAcceptedOnTidbWithBdrMode() {
    Reply reply =
        create("mysql://root@127.0.0.1:3306/", "{\"enable_active_active\":true,\"bdr_mode\":true}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().at("/config/enable_active_active").asBoolean()).isTrue();
  }

  @Test
  void activeActiveProgressIntervalMustBePositive() {
    assertRefused(
        create("blackhole://", "{\"active_active_progress_interval\":\"0s\"}"),
        500,
        WRAP + INNER + "the active-active-progress-interval must be larger than 0");
  }

  @Test
  void activeActiveSyncStatsIntervalMustNotBeNegative() {
    assertRefused(
        create("blackhole://", "{\"active_active_sync_stats_interval\":\"-1s\"}"),
        500,
        WRAP + INNER + "the active-active-sync-stats-interval must be larger than or equal to 0");
  }

  @Test
  void absentActiveActiveIntervalsTakeTheirDefaults() {
    Reply reply =
        create(
            "blackhole://",
            "{\"active_active_progress_interval\":null,\"active_active_sync_stats_interval\":null}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().at("/config/active_active_progress_interval").asLong())
        .isEqualTo(1_800_000_000_000L);
    assertThat(reply.json().at("/config/active_active_sync_stats_interval").asLong())
        .isEqualTo(60_000_000_000L);
  }

  // ---- the other checks, in ticdc's order ------------------------------------------------------

  @Test
  void syncPointOnANonMysqlSinkIsRefusedByTheConfigCheck() {
    assertRefused(
        create("blackhole://", "{\"enable_sync_point\":true}"),
        500,
        WRAP + INNER + "The SyncPoint must be disabled when the downstream is not tidb or mysql");
  }

  @Test
  void syncPointIntervalAndRetentionHaveMinimums() {
    assertRefused(
        create(
            "mysql://root@127.0.0.1:3306/",
            "{\"enable_sync_point\":true,\"sync_point_interval\":\"10s\"}"),
        500,
        WRAP + INNER + "The SyncPointInterval:10s must be larger than 30s");
    assertRefused(
        create(
            "mysql://root@127.0.0.1:3306/",
            "{\"enable_sync_point\":true,\"sync_point_retention\":\"10m\"}"),
        500,
        WRAP + INNER + "The SyncPointRetention:10m0s must be larger than 1h0m0s");
  }

  @Test
  void redoFlushIntervalsAndStorageAreChecked() {
    assertRefused(
        create(
            "blackhole://",
            "{\"consistent\":{\"level\":\"eventual\",\"flush_interval\":10,"
                + "\"storage\":\"file:///tmp/redo\"}}"),
        500,
        WRAP + INNER + "The consistent.flush-interval:10 must be equal or greater than 50");
    Reply storage = create("blackhole://", "{\"consistent\":{\"level\":\"eventual\"}}");
    assertThat(storage.status()).isEqualTo(500);
    assertThat(storage.json().get("error_msg").asText())
        .isEqualTo(WRAP + "[CDC:ErrConsistentStorage]consistent storage () not support");
  }

  @Test
  void integrityLevelsAreAClosedSetWhosErrorPrintsItsTemplate() {
    assertRefused(
        create("blackhole://", "{\"integrity\":{\"integrity_check_level\":\"full\"}}"),
        500,
        WRAP + INNER + "%s");
  }

  @Test
  void integrityChecksumsAndColumnSelectorsAreExclusiveOnKafka() {
    assertRefused(
        create(
            "kafka://127.0.0.1:9092/t?protocol=canal-json",
            "{\"integrity\":{\"integrity_check_level\":\"correctness\"},"
                + "\"sink\":{\"column_selectors\":[{\"matcher\":[\"*.*\"],\"columns\":[\"*\"]}]}}"),
        500,
        WRAP
            + "[CDC:ErrInvalidReplicaConfig]integrity check enabled and column selector set, not"
            + " allowed");
  }

  @Test
  void stuckDurationHasAMinimum() {
    assertRefused(
        create("blackhole://", "{\"changefeed_error_stuck_duration\":\"1m\"}"),
        500,
        WRAP
            + INNER
            + "The ChangefeedErrorStuckDuration:60.000000 must be larger than 1800.000000 Seconds");
  }

  @Test
  void theSinkIsCheckedBeforeRedoAndRedoBeforeTheScheduler() {
    Reply sinkFirst =
        create(
            "mysql://root@127.0.0.1:3306/?protocol=canal-json",
            "{\"consistent\":{\"level\":\"eventual\",\"flush_interval\":10},"
                + "\"scheduler\":{\"enable_table_across_nodes\":true,\"region_threshold\":-1}}");
    assertThat(sinkFirst.status()).isEqualTo(400);
    assertThat(sinkFirst.json().get("error_msg").asText())
        .isEqualTo(
            WRAP
                + "[CDC:ErrSinkURIInvalid]sink uri invalid 'protocol canal-json is incompatible"
                + " with mysql scheme'");

    assertRefused(
        create(
            "blackhole://",
            "{\"consistent\":{\"level\":\"eventual\",\"flush_interval\":10},"
                + "\"scheduler\":{\"enable_table_across_nodes\":true,\"region_threshold\":-1}}"),
        500,
        WRAP + INNER + "The consistent.flush-interval:10 must be equal or greater than 50");
  }

  @Test
  void targetTsIsCheckedBeforeTheConfigAndTheGcSafepointAfterIt() {
    long startTs = Tso.of(START.minusSeconds(60));
    Reply target =
        http.post(
            "/api/v2/changefeeds",
            "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\",\"start_ts\":"
                + startTs
                + ",\"target_ts\":1,\"replica_config\":{\"enable_sync_point\":true}}");
    assertThat(target.json().get("error_code").asText()).isEqualTo("CDC:ErrTargetTsBeforeStartTs");

    cluster.setGcSafepoint(startTs);
    Reply config =
        http.post(
            "/api/v2/changefeeds",
            "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\",\"start_ts\":"
                + startTs
                + ",\"replica_config\":{\"enable_sync_point\":true}}");
    assertThat(config.json().get("error_code").asText()).isEqualTo("CDC:ErrInvalidReplicaConfig");
  }

  // ---- no doubled prefix ------------------------------------------------------------------------

  @Test
  void innerErrorsNameTheirCodeOnce() {
    Reply separator =
        create("file:///tmp/cdc?protocol=csv", "{\"sink\":{\"date_separator\":\"hour\"}}");

    assertThat(separator.status()).isEqualTo(500);
    assertThat(separator.json().get("error_msg").asText())
        .isEqualTo(
            WRAP
                + "[CDC:ErrStorageSinkInvalidDateSeparator]date separator in storage sink is"
                + " invalid");

    Reply glue =
        create(
            "kafka://127.0.0.1:9092/t?protocol=avro",
            "{\"sink\":{\"kafka_config\":{\"glue_schema_registry_config\":{\"region\":\"x\"}}}}");
    assertThat(glue.json().get("error_msg").asText())
        .isEqualTo(
            WRAP
                + "[CDC:ErrInvalidGlueSchemaRegistryConfig]invalid glue schema registry config,"
                + " registry_name is required");
  }

  // ---- verify_table validates too --------------------------------------------------------------

  @Test
  void verifyTableValidatesTheConfig() {
    Reply reply =
        http.post(
            "/api/v2/verify_table",
            "{\"sink_uri\":\"blackhole://\",\"replica_config\":"
                + acrossNodes(",\"region_threshold\":-1")
                + "}");

    assertRefused(reply, 500, WRAP + "region-threshold must be larger than 0");
  }
}
