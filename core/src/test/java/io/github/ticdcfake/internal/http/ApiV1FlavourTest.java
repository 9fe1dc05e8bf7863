package io.github.ticdcfake.internal.http;

import static io.github.ticdcfake.internal.http.ApiV1Test.assertEmpty;
import static io.github.ticdcfake.internal.http.ChangefeedApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.cluster.TiCdcVersion;
import io.github.ticdcfake.fault.Fault;
import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1} in the v7.3 flavour (tiflow {@code cdc/api/v1/api.go@v7.3.0}, {@code
 * cdc/api/middleware/middleware.go@v7.3.0}), with client authentication (tiflow {@code
 * cdc/api/middleware/middleware.go} AuthenticateMiddleware), and under fault rules.
 */
class ApiV1FlavourTest {
  static final Instant START = Instant.parse("2024-05-20T02:00:00Z");

  FakeTiCdcServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private TestHttp start(TiCdcVersion version, Map<String, String> users) {
    FakeTiCdcServer.Builder builder =
        FakeTiCdcServer.builder().version(version).captures(2).clock(PdClock.manual(START)).seed(3);
    if (!users.isEmpty()) {
      builder.clientUsers(users);
    }
    server = builder.start();
    return TestHttp.pooled(server.url());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  // ---- v7.3 ----------------------------------------------------------------------------------

  @Test
  void v73LooksTheChangefeedUpBeforeCheckingItsId() {
    TestHttp http = start(TiCdcVersion.V7_3, Map.of());

    for (String path :
        new String[] {
          "/api/v1/changefeeds/bad_id", "/api/v1/processors/bad_id/bad_capture",
        }) {
      assertError(
          http.get(path),
          400,
          "CDC:ErrChangeFeedNotExists",
          "[CDC:ErrChangeFeedNotExists]changefeed not exists, default/bad_id");
    }
    assertError(
        http.post("/api/v1/changefeeds/bad_id/pause", null),
        400,
        "CDC:ErrChangeFeedNotExists",
        "[CDC:ErrChangeFeedNotExists]changefeed not exists, default/bad_id");
    // remove is a "controller" route in v7.3: the handler checks the id
    assertError(
        http.delete("/api/v1/changefeeds/bad_id"),
        400,
        "CDC:ErrAPIInvalidParam",
        "[CDC:ErrAPIInvalidParam]invalid changefeed_id: bad_id");
  }

  @Test
  void headChecksTheIdFirst() {
    TestHttp http = start(TiCdcVersion.V8_5, Map.of());

    assertError(
        http.get("/api/v1/changefeeds/bad_id"),
        400,
        "CDC:ErrAPIInvalidParam",
        "[CDC:ErrAPIInvalidParam]invalid changefeed_id: bad_id");
  }

  @Test
  void sinkUriParseErrorIsMaskedAtHeadAndRawInV73() {
    String body = "{\"changefeed_id\":\"cf\",\"sink_uri\":\"mysql://[::1\"}";
    assertThat(start(TiCdcVersion.V8_5, Map.of()).post("/api/v1/changefeeds", body).body())
        .contains(
            "[CDC:ErrSinkURIInvalid]sink uri invalid '\\u003cinvalid uri\\u003e': parse"
                + " \\\"\\u003cinvalid uri\\u003e\\\": missing ']' in host");
    server.close();

    Reply v73 = start(TiCdcVersion.V7_3, Map.of()).post("/api/v1/changefeeds", body);
    assertThat(v73.status()).isEqualTo(400);
    assertThat(v73.json().get("error_msg").asText())
        .isEqualTo(
            "[CDC:ErrSinkURIInvalid]sink uri invalid '%s': parse \"mysql://[::1\": missing ']' in"
                + " host");
  }

  @Test
  void v73AcceptsAStartTsInTheFuture() {
    TestHttp http = start(TiCdcVersion.V7_3, Map.of());
    long future = server.cluster().clock().peekTso() + (1L << 30);

    assertEmpty(
        http.post(
            "/api/v1/changefeeds",
            "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + future + "}"),
        202);
  }

  @Test
  void v73HasNoAuthentication() {
    TestHttp http = start(TiCdcVersion.V7_3, Map.of("ticdc", "ticdc_secret"));

    assertEmpty(
        http.post(
            "/api/v1/changefeeds", "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}"),
        202);
  }

  // ---- authentication ------------------------------------------------------------------------

  @Test
  void authenticationGuardsTheChangefeedMutationsOnly() {
    TestHttp http = start(TiCdcVersion.V8_5, Map.of("ticdc", "ticdc_secret"));
    FakeCluster cluster = server.cluster();
    String create = "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}";

    assertThat(http.post("/api/v1/changefeeds", create).status()).isEqualTo(401);
    assertEmpty(
        http.send(
            "POST", "/api/v1/changefeeds", create, "Authorization", basic("ticdc", "ticdc_secret")),
        202);
    for (String mutation :
        new String[] {"pause", "resume", "tables/rebalance_table", "tables/move_table"}) {
      assertThat(http.post("/api/v1/changefeeds/cf/" + mutation, "{}").status())
          .as(mutation)
          .isEqualTo(401);
    }
    assertThat(http.put("/api/v1/changefeeds/cf", "{}").status()).isEqualTo(401);
    assertThat(http.delete("/api/v1/changefeeds/cf").status()).isEqualTo(401);

    assertThat(http.get("/api/v1/changefeeds").status()).isEqualTo(200);
    assertThat(http.get("/api/v1/changefeeds/cf").status()).isEqualTo(200);
    assertThat(http.get("/api/v1/processors").status()).isEqualTo(200);
    assertThat(http.get("/api/v1/captures").status()).isEqualTo(200);
    String other = cluster.captures().get(1).id();
    assertThat(http.put("/api/v1/captures/drain", "{\"capture_id\":\"" + other + "\"}").status())
        .isEqualTo(202);
    assertEmpty(http.post("/api/v1/owner/resign", null), 202);
  }

  // ---- faults, journal, awaits ---------------------------------------------------------------

  @Test
  void faultRulesNameV1RoutesByTheirTemplates() {
    TestHttp http = start(TiCdcVersion.V8_5, Map.of());
    FakeCluster cluster = server.cluster();
    http.post("/api/v1/changefeeds", "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");

    Reply added =
        http.post(
            "/__fake/faults",
            "{\"route\":\"POST /api/v1/changefeeds/{changefeed_id}/pause\",\"times\":1,"
                + "\"respond\":{\"status\":500,\"error_code\":\"CDC:ErrPDEtcdAPIError\","
                + "\"error_msg\":\"etcd api call error\"}}");
    assertThat(added.status()).as(added.body()).isLessThan(300);

    assertThat(http.post("/api/v1/changefeeds/cf/pause", null).status()).isEqualTo(500);
    assertThat(http.post("/api/v2/changefeeds/cf/pause", null).status()).isEqualTo(200);
    assertEmpty(http.post("/api/v1/changefeeds/cf/pause", null), 202);
    assertThat(cluster.journal().count(Operation.V1_PAUSE_CHANGEFEED, "cf")).isEqualTo(2);
    assertThat(cluster.journal().count(Operation.V1_CREATE_CHANGEFEED, "cf")).isEqualTo(1);
    assertThat(
            cluster
                .awaitRequest(r -> r.is(Operation.V1_PAUSE_CHANGEFEED, "cf"))
                .operation()
                .map(Operation::route))
        .contains("POST /api/v1/changefeeds/{changefeed_id}/pause");
  }

  @Test
  void anAnyOperationRuleCoversBothApis() {
    TestHttp http = start(TiCdcVersion.V8_5, Map.of());
    server
        .cluster()
        .faults()
        .add(FaultRule.onAnyOperation().inject(CdcError.PD_ETCD_API_ERROR.asFault()));

    assertThat(http.get("/api/v1/captures").status()).isEqualTo(500);
    assertThat(http.get("/api/v2/captures").status()).isEqualTo(500);
    assertThat(http.put("/api/v1/captures/drain", "{}").status()).isEqualTo(500);
    assertThat(http.get("/status").status()).isEqualTo(200);
  }

  @Test
  void aRuleForAV1OperationLeavesItsV2TwinAlone() {
    TestHttp http = start(TiCdcVersion.V8_5, Map.of());
    server
        .cluster()
        .faults()
        .add(FaultRule.on(Operation.V1_LIST_CAPTURES).inject(Fault.status(503, "busy")));

    assertThat(http.get("/api/v1/captures").status()).isEqualTo(503);
    assertThat(http.get("/api/v2/captures").status()).isEqualTo(200);
  }
}
