package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The new architecture's sink checks at create and update, over real HTTP, as v26.3.4's handlers
 * make them (pingcap/ticdc {@code api/v2/changefeed.go@v26.3.4} CreateChangefeed and
 * UpdateChangefeed): the tables against the dispatchers, then {@code
 * check.IsSameUpstreamDownstream} (which opens a MySQL sink, {@code pkg/check/cluster.go}), then
 * {@code sink.Verify} ({@code downstreamadapter/sink/sink.go}), with no sink validator of tiflow's
 * in between. Found by replaying PingCAP's new-architecture {@code http_api} suites ({@code
 * NewArchHttpApiClientsIT}).
 */
class NewArchSinkChecksTest {
  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder()
          .version(TiCdcVersion.V26_3_NEWARCH)
          .captures(1)
          .manualClock(Instant.parse("2024-05-20T02:00:00Z"))
          .seed(7)
          .build();

  private final FakeCluster cluster = fake.cluster();
  private final TestHttp http = fake.http(fake.captures().get(0).id());

  @BeforeEach
  void aKeyedUpstreamTable() {
    cluster.addUpstreamTable("test", "t1", 0, List.of("id", "val"), List.of("id"));
  }

  private Reply create(String id, String sinkUri, String replicaConfig) {
    return http.post(
        "/api/v2/changefeeds?keyspace=keyspace1",
        "{\"changefeed_id\":\""
            + id
            + "\",\"sink_uri\":\""
            + sinkUri
            + "\",\"replica_config\":"
            + replicaConfig
            + "}");
  }

  private static void assertError(Reply reply, int status, String code, String message) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().get("error_code").asText()).isEqualTo(code);
    assertThat(reply.json().get("error_msg").asText()).isEqualTo(message);
  }

  // ---- MySQL: opened by the same-cluster check, its error unwrapped ---------------------------

  @Test
  void anUnreachableMysqlIsTheDriversConnectionErrorUnwrapped() {
    cluster.setSinkReachable("down:3306", false);

    Reply reply = create("cf", "mysql://root:secret@down:3306/", "{}");

    assertError(
        reply,
        400,
        "CDC:ErrMySQLConnectionError",
        "[CDC:ErrMySQLConnectionError]fail to open MySQL connection: dial tcp down:3306: connect:"
            + " connection refused");
  }

  @Test
  void anUpdateOfAChangefeedWhoseMysqlWentAwayFailsTheSameWay() {
    assertThat(create("cf", "mysql://root:secret@down:3306/", "{}").status()).isEqualTo(200);
    assertThat(http.post("/api/v2/changefeeds/cf/pause", null).status()).isEqualTo(200);
    cluster.setSinkReachable("down:3306", false);

    Reply reply =
        http.put("/api/v2/changefeeds/cf", "{\"replica_config\":{\"mounter\":{\"worker_num\":8}}}");

    assertError(
        reply,
        400,
        "CDC:ErrMySQLConnectionError",
        "[CDC:ErrMySQLConnectionError]fail to open MySQL connection: dial tcp down:3306: connect:"
            + " connection refused");
  }

  // ---- sink.Verify: wrapped in ErrSinkURIInvalid naming the URI as sent ------------------------

  @Test
  void anUnreachableKafkaNamesTheSinkUriUnmasked() {
    cluster.setSinkReachable("broker:9092", false);
    String uri = "kafka://broker:9092/t?protocol=canal-json&sasl-user=u&sasl-password=hush";

    Reply reply = create("cf", uri, "{}");

    assertError(
        reply,
        400,
        "CDC:ErrSinkURIInvalid",
        "[CDC:ErrSinkURIInvalid]sink uri invalid '"
            + uri
            + "': [CDC:ErrKafkaNewProducer]new kafka producer: kafka: client has run out of"
            + " available brokers to talk to: dial tcp broker:9092: connect: connection refused");
    assertThat(reply.body()).contains("sasl-password=hush").doesNotContain("xxxxx");
  }

  @Test
  void anUnknownSchemeIsRefusedOnlyByTheSinkFactory() {
    Reply reply = create("cf", "foo://127.0.0.1:1/", "{}");

    assertError(
        reply,
        400,
        "CDC:ErrSinkURIInvalid",
        "[CDC:ErrSinkURIInvalid]sink uri invalid 'foo://127.0.0.1:1/': [CDC:ErrSinkURIInvalid]sink"
            + " uri invalid 'foo://127.0.0.1:1/'");
  }

  @Test
  void aPulsarBrokerIsNotDialledTheClientConnectsLazily() {
    cluster.setSinkReachable("pulsar-host:6650", false);

    Reply reply = create("cf", "pulsar://pulsar-host:6650/t?protocol=canal-json", "{}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  // ---- no sink validator ----------------------------------------------------------------------

  @Test
  void bdrModeIsAcceptedForEverySink() {
    for (String uri : List.of("blackhole://", "file:///tmp/cdc?protocol=csv")) {
      Reply reply = create("cf-" + uri.charAt(0), uri, "{\"bdr_mode\":true}");

      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.json().at("/config/bdr_mode").asBoolean()).isTrue();
    }
  }

  // ---- the dispatchers against the tables -----------------------------------------------------

  @Test
  void aColumnsDispatcherNamingAMissingColumnIsTheEventRoutersError() {
    Reply reply =
        create(
            "cf",
            "kafka://broker:9092/t?protocol=simple",
            "{\"sink\":{\"dispatchers\":[{\"matcher\":[\"*.*\"],\"partition\":\"columns\","
                + "\"columns\":[\"val\",\"A.B\"]}]}}");

    assertError(
        reply,
        500,
        "CDC:ErrDispatcherFailed",
        "[CDC:ErrDispatcherFailed]columns not found when dispatch event, table: t1, columns: [val"
            + " A.B], column: a.b");
  }

  @Test
  void aColumnsDispatcherMatchesColumnsCaseInsensitively() {
    Reply reply =
        create(
            "cf",
            "kafka://broker:9092/t?protocol=simple",
            "{\"sink\":{\"dispatchers\":[{\"matcher\":[\"*.*\"],\"partition\":\"columns\","
                + "\"columns\":[\"ID\",\"Val\"]}]}}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void onlyTheFirstDispatcherRuleMatchingATableIsChecked() {
    Reply reply =
        create(
            "cf",
            "kafka://broker:9092/t?protocol=simple",
            "{\"sink\":{\"dispatchers\":[{\"matcher\":[\"test.*\"],\"partition\":\"ts\"},"
                + "{\"matcher\":[\"*.*\"],\"partition\":\"columns\",\"columns\":[\"nope\"]}]}}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void anUpdateWithABadDispatcherIsRefusedAsAnUpdate() {
    assertThat(create("cf", "blackhole://", "{}").status()).isEqualTo(200);
    assertThat(http.post("/api/v2/changefeeds/cf/pause", null).status()).isEqualTo(200);

    Reply reply =
        http.put(
            "/api/v2/changefeeds/cf",
            "{\"sink_uri\":\"kafka://broker:9092/t?protocol=simple\",\"replica_config\":{\"sink\":"
                + "{\"dispatchers\":[{\"matcher\":[\"*.*\"],\"partition\":\"columns\","
                + "\"columns\":[\"a.b\"]}]}}}");

    assertError(
        reply,
        400,
        "CDC:ErrChangefeedUpdateRefused",
        "[CDC:ErrChangefeedUpdateRefused]changefeed update error: [CDC:ErrDispatcherFailed]columns"
            + " not found when dispatch event, table: t1, columns: [a.b], column: a.b");
  }
}
