package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.SinkProbe;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Create/update validation in TiCDC's order, codes and texts (pingcap/tiflow
 * cdc/api/v2/api_helpers.go verifyCreateChangefeedConfig; pingcap/tiflow pkg/config/sink.go,
 * cdc/sink/validator/validator.go).
 */
class ValidationTest {
  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder()
          .manualClock(Instant.parse("2024-05-20T02:00:00Z"))
          .server(server -> server.sinkProbe(SinkProbe.tcp(Duration.ofSeconds(2))))
          .build();

  private final FakeCluster cluster = fake.cluster();
  private final TestHttp http = fake.http();

  private Reply create(String sinkUri, String replicaConfig) {
    return http.post(
        "/api/v2/changefeeds",
        "{\"changefeed_id\":\"cf\",\"sink_uri\":\""
            + sinkUri
            + "\",\"replica_config\":"
            + replicaConfig
            + "}");
  }

  private void assertFails(Reply reply, int status, String message) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().get("error_msg").asText()).isEqualTo(message);
    assertThat(cluster.changefeeds()).isEmpty();
  }

  @Test
  void unbracketedIpv6HostIsRefused() {
    assertFails(
        create("kafka://::1:9092/t?protocol=canal-json", "{}"),
        400,
        "[CDC:ErrSinkURIInvalid]sink uri host is not valid IPv6 address, when using IPv6 address"
            + " in URI, please use [ipv6-address]:port");
  }

  @Test
  void tableAtomicityIsRefusedForMqSinks() {
    assertFails(
        create("kafka://h:9092/t?protocol=canal-json&transaction-atomicity=table", "{}"),
        400,
        "[CDC:ErrSinkURIInvalid]sink uri invalid 'table level atomicity is not supported by kafka"
            + " scheme'");
  }

  @Test
  void syncPointIntervalBelow30SecondsIsRefused() {
    assertFails(
        create("blackhole://", "{\"enable_sync_point\":true,\"sync_point_interval\":\"10s\"}"),
        500,
        "[CDC:ErrInvalidReplicaConfig]invalid replica config, The SyncPointInterval:10s must be"
            + " larger than 30s");
  }

  @Test
  void syncPointRetentionBelowAnHourIsRefused() {
    assertFails(
        create("blackhole://", "{\"enable_sync_point\":true,\"sync_point_retention\":\"30m\"}"),
        500,
        "[CDC:ErrInvalidReplicaConfig]invalid replica config, The SyncPointRetention:30m0s must be"
            + " larger than 1h0m0s");
  }

  @Test
  void syncPointOnANonMysqlSinkIsRefusedWithTiflowsMissingSpace() {
    assertFails(
        create("blackhole://", "{\"enable_sync_point\":true}"),
        400,
        "[CDC:ErrSinkURIInvalid]sink uri scheme is not supported with syncpoint enabledsink uri:"
            + " blackhole://");
  }

  @Test
  void bdrModeOnANonMysqlSinkIsRefused() {
    assertFails(
        create("blackhole://", "{\"bdr_mode\":true}"),
        400,
        "[CDC:ErrSinkURIInvalid]sink uri scheme is not supported in BDR mode, sink uri:"
            + " blackhole:");
  }

  @Test
  void errorStuckDurationBelowThirtyMinutesIsRefused() {
    assertFails(
        create("blackhole://", "{\"changefeed_error_stuck_duration\":\"10m\"}"),
        500,
        "[CDC:ErrInvalidReplicaConfig]invalid replica config, The"
            + " ChangefeedErrorStuckDuration:600.000000 must be larger than 1800.000000 Seconds");
  }

  @Test
  void unknownIntegrityLevelPrintsTheRawTemplate() {
    assertFails(
        create("blackhole://", "{\"integrity\":{\"integrity_check_level\":\"full\"}}"),
        500,
        "[CDC:ErrInvalidReplicaConfig]invalid replica config, %s");
  }

  @Test
  void correctnessIntegrityIsDowngradedForNonKafkaSinks() {
    Reply reply =
        create(
            "blackhole://",
            "{\"integrity\":{\"integrity_check_level\":\"correctness\",\"corruption_handle_level\":\"warn\"}}");

    assertThat(reply.json().at("/config/integrity/integrity_check_level").asText())
        .isEqualTo("none");
  }

  @Test
  void negativeEncoderConcurrencyIsRefused() {
    Reply reply = create("blackhole://", "{\"sink\":{\"encoder_concurrency\":-1}}");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.json().get("error_code").asText()).isEqualTo("CDC:ErrSinkInvalidConfig");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"delimiter\":\"\"}|csv config delimiter cannot be empty",
        "{\"delimiter\":\"abcd\"}|csv config delimiter contains more than three characters, note"
            + " that escape sequences can only be used in double quotes in toml configuration"
            + " items.",
        "{\"quote\":\"''\"}|csv config quote contains more than one character",
        "{\"delimiter\":\"'\",\"quote\":\"'\"}|csv config quote and delimiter has common characters"
            + " which is not allowed",
        "{\"binary_encoding_method\":\"utf8\"}|csv config binary-encoding-method can only be hex or"
            + " base64",
      })
  void csvRulesApplyToStorageSinks(String csv, String message) {
    assertFails(
        create(
            "file:///tmp/cdc?protocol=csv",
            "{\"sink\":{\"csv\":" + csv.replace("''", "\\\"\\\"") + "}}"),
        500,
        "[CDC:ErrSinkInvalidConfig]sink config invalid: " + message);
  }

  @Test
  void csvRulesDoNotApplyToOtherSinks() {
    assertThat(create("blackhole://", "{\"sink\":{\"csv\":{\"delimiter\":\"\"}}}").status())
        .isEqualTo(200);
  }

  @Test
  void badDateSeparatorIsRefusedForStorageSinks() {
    Reply reply =
        create(
            "s3://bucket/prefix?protocol=canal-json", "{\"sink\":{\"date_separator\":\"week\"}}");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.json().get("error_code").asText())
        .isEqualTo("CDC:ErrStorageSinkInvalidDateSeparator");
  }

  @Test
  void redoFlushIntervalBelow50MsIsRefused() {
    Reply reply =
        create(
            "mysql://root@127.0.0.1:1/",
            "{\"consistent\":{\"level\":\"eventual\",\"flush_interval\":10}}");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.json().get("error_code").asText()).isEqualTo("CDC:ErrInvalidReplicaConfig");
  }

  @Test
  void columnsDispatcherNamingAMissingColumnFailsCreateWith500() {
    cluster.addUpstreamTable("test", "t1", 0, List.of("id", "name"), List.of("id"));
    cluster.setSinkReachable("127.0.0.1:9092", true);

    Reply reply =
        create(
            "kafka://127.0.0.1:9092/t?protocol=simple",
            "{\"sink\":{\"dispatchers\":[{\"matcher\":[\"*.*\"],\"partition\":\"columns\","
                + "\"columns\":[\"a.b\"]}]}}");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.body()).contains("ErrDispatcherFailed");
  }

  @Test
  void columnsDispatcherFailureOnUpdateIsWrappedIn400() {
    cluster.addUpstreamTable("test", "t1", 0, List.of("id", "name"), List.of("id"));
    cluster.setSinkReachable("127.0.0.1:9092", true);
    assertThat(create("kafka://127.0.0.1:9092/t?protocol=simple", "{}").status()).isEqualTo(200);
    http.post("/api/v2/changefeeds/cf/pause", null);

    Reply reply =
        http.put(
            "/api/v2/changefeeds/cf",
            "{\"replica_config\":{\"sink\":{\"dispatchers\":[{\"matcher\":[\"*.*\"],"
                + "\"partition\":\"columns\",\"columns\":[\"a.b\"]}]}}}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error_code").asText()).isEqualTo("CDC:ErrChangefeedUpdateRefused");
    assertThat(reply.body()).contains("CDC:ErrDispatcherFailed");
  }

  @Test
  void badDispatcherOnUpdateWinsOverAKeylessTable() {
    // tiflow cdc/api/v2/api_helpers.go verifyUpdateChangefeedConfig: getVerifiedTables (which
    // verifies dispatchers on every matched table) runs before the ineligible-table check.
    cluster.addUpstreamTable("test", "keyed", 0, List.of("id", "name"), List.of("id"));
    cluster.addUpstreamTable("test", "keyless", 0, List.of("id", "name"), List.of());
    cluster.setSinkReachable("127.0.0.1:9092", true);
    assertThat(
            create("kafka://127.0.0.1:9092/t?protocol=simple", "{\"ignore_ineligible_table\":true}")
                .status())
        .isEqualTo(200);
    http.post("/api/v2/changefeeds/cf/pause", null);

    Reply reply =
        http.put(
            "/api/v2/changefeeds/cf",
            "{\"replica_config\":{\"sink\":{\"dispatchers\":[{\"matcher\":[\"*.*\"],"
                + "\"partition\":\"columns\",\"columns\":[\"a.b\"]}]}}}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().get("error_code").asText()).isEqualTo("CDC:ErrChangefeedUpdateRefused");
    assertThat(reply.json().get("error_msg").asText())
        .contains("CDC:ErrDispatcherFailed")
        .doesNotContain("ErrTableIneligible");
  }

  @Test
  void keylessTableIsStillRefusedOnUpdateWhenTheDispatcherIsFine() {
    cluster.addUpstreamTable("test", "keyless", 0, List.of("id", "name"), List.of());
    cluster.setSinkReachable("127.0.0.1:9092", true);
    assertThat(
            create("kafka://127.0.0.1:9092/t?protocol=simple", "{\"ignore_ineligible_table\":true}")
                .status())
        .isEqualTo(200);
    http.post("/api/v2/changefeeds/cf/pause", null);

    Reply reply = http.put("/api/v2/changefeeds/cf", "{\"replica_config\":{}}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().get("error_code").asText()).isEqualTo("CDC:ErrTableIneligible");
  }

  @Test
  void badDispatcherOnCreateWinsOverAKeylessTable() {
    cluster.addUpstreamTable("test", "keyless", 0, List.of("id", "name"), List.of());
    cluster.setSinkReachable("127.0.0.1:9092", true);

    Reply reply =
        create(
            "kafka://127.0.0.1:9092/t?protocol=simple",
            "{\"sink\":{\"dispatchers\":[{\"matcher\":[\"*.*\"],\"partition\":\"columns\","
                + "\"columns\":[\"a.b\"]}]}}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(500);
    assertThat(reply.json().get("error_code").asText()).isEqualTo("CDC:ErrDispatcherFailed");
  }

  @Test
  void columnSelectorDroppingThePrimaryKeyIsRefused() {
    cluster.addUpstreamTable("test", "t1", 0, List.of("id", "name"), List.of("id"));
    cluster.setSinkReachable("127.0.0.1:9092", true);

    Reply reply =
        create(
            "kafka://127.0.0.1:9092/t?protocol=canal-json",
            "{\"sink\":{\"column_selectors\":[{\"matcher\":[\"test.*\"],\"columns\":[\"name\"]}]}}");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.json().get("error_code").asText()).isEqualTo("CDC:ErrColumnSelectorFailed");
  }

  @Test
  void schemaRegistryAndGlueTogetherAreRefused() {
    cluster.setSinkReachable("127.0.0.1:9092", true);

    assertFails(
        create(
            "kafka://127.0.0.1:9092/t?protocol=avro",
            "{\"sink\":{\"schema_registry\":\"http://127.0.0.1:8081\",\"kafka_config\":"
                + "{\"glue_schema_registry_config\":{\"registry_name\":\"r\",\"region\":\"x\"}}}}"),
        500,
        "[CDC:ErrInvalidReplicaConfig]invalid replica config, schema-registry and"
            + " glue-schema-registry-config cannot be set at the same time");
  }

  @Test
  void glueRegistryWithoutRegionIsRefused() {
    cluster.setSinkReachable("127.0.0.1:9092", true);

    Reply reply =
        create(
            "kafka://127.0.0.1:9092/t?protocol=avro",
            "{\"sink\":{\"kafka_config\":{\"glue_schema_registry_config\":{\"registry_name\":\"r\"}}}}");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.json().get("error_code").asText())
        .isEqualTo("CDC:ErrInvalidGlueSchemaRegistryConfig");
  }

  @Test
  void unreachableMysqlIsRefusedWith400() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    Reply reply = create("mysql://root@127.0.0.1:" + port + "/", "{}");

    assertFails(
        reply,
        400,
        "[CDC:ErrMySQLConnectionError]MySQL connection error: dial tcp 127.0.0.1:"
            + port
            + ": connect: connection refused");
  }

  @Test
  void reachableMysqlIsAccepted() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      Reply reply = create("mysql://root@127.0.0.1:" + socket.getLocalPort() + "/", "{}");

      assertThat(reply.status()).isEqualTo(200);
    }
  }

  @Test
  void scriptedUnreachableKafkaIsRefusedWith500() {
    cluster.setSinkReachable("broker:9092", false);

    Reply reply = create("kafka://broker:9092/t?protocol=canal-json", "{}");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.json().get("error_msg").asText())
        .isEqualTo(
            "[CDC:ErrKafkaNewProducer]new kafka producer: kafka: client has run out of available"
                + " brokers to talk to: dial tcp broker:9092: connect: connection refused");
  }
}
