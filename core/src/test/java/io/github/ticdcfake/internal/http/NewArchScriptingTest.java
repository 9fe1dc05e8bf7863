package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.TiCdcVersion;
import io.github.ticdcfake.cluster.Tso;
import io.github.ticdcfake.fault.Fault;
import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.Operation;
import io.github.ticdcfake.fault.RecordedRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test scripting in the new architecture: fault rules, the journal and {@code /__fake} on its
 * routes (the new-architecture-only ones and the {@code /api/v1} shim included), its per-capture
 * redaction mode, and what the classic-only scripting does there.
 */
class NewArchScriptingTest {
  private static final Instant START = Instant.parse("2024-05-20T02:00:00Z");
  private static final String ETCD_CODE = "CDC:ErrPDEtcdAPIError";

  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder()
          .version(TiCdcVersion.V26_3_NEWARCH)
          .captures(2)
          .manualClock(START)
          .seed(11)
          .build();

  private final FakeCluster cluster = fake.cluster();
  private final Capture first = fake.captures().get(0);
  private final Capture second = fake.captures().get(1);
  private final TestHttp coordinator = fake.http(first.id());
  private final TestHttp other = fake.http(second.id());

  private void create(String id) {
    assertThat(
            coordinator
                .post(
                    "/api/v2/changefeeds",
                    "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"}")
                .status())
        .isEqualTo(200);
  }

  private static Fault etcdError() {
    return Fault.error(500, ETCD_CODE, "etcd api call error");
  }

  private Reply redact(TestHttp http, String mode) {
    return http.post("/api/v2/log/redact", "{\"redact_info_log\":\"" + mode + "\"}");
  }

  private JsonNode changefeed(String id) {
    return coordinator.get("/api/v2/changefeeds/" + id).json();
  }

  // ---- fault rules and the journal ------------------------------------------------------------

  @Test
  void faultRulesByOperationHitTheNewArchitectureOnlyRoutes() {
    create("cf-1");
    cluster
        .faults()
        .add(
            FaultRule.on(
                    Operation.SET_REDACT_MODE,
                    Operation.GET_ALL_TABLES,
                    Operation.MOVE_TABLE,
                    Operation.LIST_TABLES,
                    Operation.GET_DISPATCHER_COUNT)
                .inject(etcdError()));

    List<Reply> replies =
        List.of(
            redact(coordinator, "on"),
            coordinator.post("/api/v2/get_all_tables", "{\"sink_uri\":\"blackhole://\"}"),
            coordinator.post(
                "/api/v2/changefeeds/cf-1/move_table?tableID=1&targetNodeID=" + second.id(), ""),
            coordinator.get("/api/v2/changefeeds/cf-1/tables"),
            coordinator.get("/api/v2/changefeeds/cf-1/get_dispatcher_count"));

    assertThat(replies)
        .allSatisfy(
            reply -> {
              assertThat(reply.status()).isEqualTo(500);
              assertThat(reply.json().path("error_code").asText()).isEqualTo(ETCD_CODE);
            });
    assertThat(cluster.redactMode(first.id()))
        .as("a fault answers before the handler")
        .isEqualTo("OFF");
    assertThat(cluster.journal().requests(r -> r.fault().isPresent()))
        .extracting(r -> r.operation().orElseThrow())
        .containsExactly(
            Operation.SET_REDACT_MODE,
            Operation.GET_ALL_TABLES,
            Operation.MOVE_TABLE,
            Operation.LIST_TABLES,
            Operation.GET_DISPATCHER_COUNT);
    assertThat(cluster.journal().requests(Operation.LIST_TABLES, "cf-1")).hasSize(1);
  }

  @Test
  void aRouteTemplateRuleFromTheAdminApiFiresItsCountThenLetsThrough() {
    create("cf-1");
    Reply added =
        other.post(
            "/__fake/faults",
            "{\"route\":\"GET /api/v2/changefeeds/{changefeed_id}/tables\",\"times\":1,"
                + "\"changefeed_id\":\"cf-1\","
                + "\"respond\":{\"status\":500,\"error_code\":\"CDC:ErrPDEtcdAPIError\","
                + "\"error_msg\":\"etcd api call error\"}}");

    Reply failed = coordinator.get("/api/v2/changefeeds/cf-1/tables");
    Reply passed = coordinator.get("/api/v2/changefeeds/cf-1/tables");

    assertThat(added.status()).isEqualTo(200);
    assertThat(failed.status()).isEqualTo(500);
    assertThat(passed.status()).isEqualTo(200);
    assertThat(passed.json().path("items").get(0).has("node_id")).isTrue();
    JsonNode journal = other.get("/__fake/requests?since=1").json().path("items");
    assertThat(journal).as("after the create").hasSize(2);
    assertThat(journal.get(0).path("operation").asText())
        .isEqualTo("GET /api/v2/changefeeds/{changefeed_id}/tables");
    assertThat(journal.get(0).path("changefeed_id").asText()).isEqualTo("cf-1");
    assertThat(journal.get(0).path("fault").isNull()).isFalse();
    assertThat(journal.get(1).path("fault").isNull()).isTrue();
  }

  @Test
  void theWildcardCoversTheNewRoutesAndTheV1ShimButNotTheRootRoutes() {
    other.post(
        "/__fake/faults",
        "{\"route\":\"*\",\"respond\":{\"status\":503,\"body\":\"scripted outage\"}}");

    Reply v2Redact = redact(coordinator, "marker");
    Reply v1List = coordinator.get("/api/v1/changefeeds");
    Reply rootStatus = coordinator.get("/status");

    assertThat(v2Redact.status()).isEqualTo(503);
    assertThat(v2Redact.body()).isEqualTo("scripted outage");
    assertThat(v1List.status()).isEqualTo(503);
    assertThat(rootStatus.status()).isEqualTo(200);
    assertThat(rootStatus.json().path("version").asText()).isEqualTo("v26.3.4");
  }

  @Test
  void theV1ShimIsJournaledAndFaultedAsV1Operations() {
    create("cf-1");
    cluster.faults().add(FaultRule.on(Operation.V1_PAUSE_CHANGEFEED).times(1).inject(etcdError()));

    Reply failed = coordinator.post("/api/v1/changefeeds/cf-1/pause", "");
    Reply accepted = coordinator.post("/api/v1/changefeeds/cf-1/pause", "");

    assertThat(failed.status()).isEqualTo(500);
    assertThat(accepted.status()).as("the shim answers writes 202").isEqualTo(202);
    assertThat(cluster.journal().requests(Operation.V1_PAUSE_CHANGEFEED, "cf-1"))
        .extracting(RecordedRequest::status)
        .containsExactly(500, 202);
    assertThat(cluster.journal().requests(Operation.PAUSE_CHANGEFEED)).isEmpty();
    assertThat(cluster.changefeed("cf-1").orElseThrow().state()).isEqualTo(ChangefeedState.STOPPED);
  }

  // ---- /__fake scripting ----------------------------------------------------------------------

  @Test
  void aForcedGcTtlFailureShowsInTheNewArchitecturesViews() {
    create("cf-1");

    Reply forced =
        other.post(
            "/__fake/changefeeds/cf-1/state",
            "{\"state\":\"failed\",\"error\":{\"code\":\"CDC:ErrGCTTLExceeded\","
                + "\"message\":\"gc ttl exceeded\"}}");

    assertThat(forced.status()).isEqualTo(200);
    JsonNode info = changefeed("cf-1");
    assertThat(info.path("state").asText()).isEqualTo("failed");
    assertThat(info.path("keyspace").asText()).isEqualTo("default");
    assertThat(info.has("maintainer_addr")).as("no maintainer while failed").isFalse();
    assertThat(info.path("error").path("code").asText()).isEqualTo("CDC:ErrGCTTLExceeded");
    assertThat(info.path("error").path("message").asText())
        .isEqualTo("[CDC:ErrGCTTLExceeded]gc ttl exceeded");
    JsonNode listed = coordinator.get("/api/v2/changefeeds").json().path("items").get(0);
    assertThat(listed.path("state").asText()).isEqualTo("failed");
    assertThat(listed.path("error").path("code").asText()).isEqualTo("CDC:ErrGCTTLExceeded");
  }

  @Test
  void aForcedErrorComesFromTheMaintainersNode() {
    create("cf-1");
    create("cf-2");
    assertThat(changefeed("cf-2").path("maintainer_addr").asText()).isEqualTo(second.address());

    other.post(
        "/__fake/changefeeds/cf-2/state",
        "{\"state\":\"failed\",\"error\":{\"code\":\"CDC:ErrGCTTLExceeded\"}}");

    assertThat(changefeed("cf-2").path("error").path("addr").asText())
        .as("the maintainer reports it, not the coordinator")
        .isEqualTo(second.address());
  }

  @Test
  void checkpointsStallLagAndPinLikeInClassic() {
    create("lagging");
    create("stalled");
    create("pinned");
    long pinned = Tso.of(START.plusSeconds(30));

    other.post("/__fake/clock", "{\"advance_ms\":600000}");
    other.post("/__fake/changefeeds/lagging/checkpoint", "{\"lag_ms\":60000}");
    other.post("/__fake/changefeeds/stalled/checkpoint", "{\"stalled\":true}");
    other.post("/__fake/changefeeds/pinned/checkpoint", "{\"checkpoint_ts\":" + pinned + "}");
    long stalledAt = changefeed("stalled").path("checkpoint_ts").asLong();
    other.post("/__fake/clock", "{\"advance_ms\":5000}");

    Instant now = START.plusSeconds(605);
    assertThat(Tso.toInstant(changefeed("lagging").path("checkpoint_ts").asLong()))
        .isEqualTo(now.minusSeconds(60));
    assertThat(changefeed("stalled").path("checkpoint_ts").asLong()).isEqualTo(stalledAt);
    JsonNode pin = changefeed("pinned");
    assertThat(pin.path("checkpoint_ts").asLong()).isEqualTo(pinned);
    assertThat(pin.path("resolved_ts").asLong())
        .as("the new architecture reports resolved_ts = checkpoint_ts")
        .isEqualTo(pinned);
    assertThat(coordinator.get("/api/v2/changefeeds/pinned/status").json().path("checkpoint_ts"))
        .hasToString(Long.toString(pinned));
  }

  @Test
  void killingACaptureMovesItsMaintainers() {
    create("cf-1");
    create("cf-2");
    assertThat(changefeed("cf-2").path("maintainer_addr").asText()).isEqualTo(second.address());

    Reply killed = coordinator.delete("/__fake/captures/" + second.id());

    assertThat(killed.status()).isEqualTo(200);
    assertThat(changefeed("cf-2").path("maintainer_addr").asText()).isEqualTo(first.address());
    assertThat(coordinator.get("/api/v2/captures").json().path("total").asInt()).isEqualTo(1);
  }

  @Test
  void resigningTheOwnerMovesTheCoordinatorAndForwarding() {
    create("cf-1");

    Reply resigned = other.post("/__fake/owner", "{}");

    assertThat(resigned.status()).isEqualTo(200);
    assertThat(cluster.owner()).map(Capture::id).contains(second.id());
    JsonNode captures = coordinator.get("/api/v2/captures").json().path("items");
    assertThat(captures)
        .filteredOn(c -> c.path("is_coordinator").asBoolean(c.path("is_owner").asBoolean()))
        .extracting(c -> c.path("id").asText())
        .containsExactly(second.id());
    assertThat(coordinator.get("/api/v2/changefeeds/cf-1").status()).isEqualTo(200);
    assertThat(other.get("/api/v2/changefeeds/cf-1").status()).isEqualTo(200);
    assertThat(cluster.journal().requests(Operation.GET_CHANGEFEED))
        .as("journaled on the port that was asked, forwarded or not")
        .extracting(RecordedRequest::captureId)
        .containsExactly(first.id(), second.id());
  }

  // ---- log redaction --------------------------------------------------------------------------

  @Test
  void theRedactionModeIsPerCaptureAndOnlyRises() {
    Reply raised = redact(coordinator, "marker");
    Reply lowered = redact(coordinator, "off");

    assertThat(raised.body()).isEqualTo("{\"previous_mode\":\"OFF\",\"current_mode\":\"MARKER\"}");
    assertThat(lowered.status()).isEqualTo(400);
    assertThat(lowered.json().path("error_msg").asText())
        .isEqualTo(
            "[CDC:ErrAPIInvalidParam]cannot transition from 'MARKER' to 'off': only transitions"
                + " to more restrictive modes are allowed (OFF→MARKER→ON)");
    assertThat(cluster.redactMode(first.id())).isEqualTo("MARKER");
    assertThat(cluster.redactMode(second.id())).as("another process").isEqualTo("OFF");
    assertThat(redact(other, "off").body())
        .isEqualTo("{\"previous_mode\":\"OFF\",\"current_mode\":\"OFF\"}");
  }

  @Test
  void theJavaAccessorSharesTheRulesAndResetTurnsRedactionOff() {
    assertThat(cluster.setRedactMode(second.id(), "on")).isEqualTo("OFF");
    assertThatThrownBy(() -> cluster.setRedactMode(second.id(), "marker"))
        .isInstanceOf(CdcException.class)
        .hasMessageContaining("cannot transition from 'ON' to 'marker'");
    assertThatThrownBy(() -> cluster.setRedactMode(second.id(), "loud"))
        .isInstanceOf(CdcException.class)
        .hasMessageContaining("invalid redact mode 'loud': must be 'off', 'on', or 'marker'");
    assertThat(redact(other, "on").body())
        .isEqualTo("{\"previous_mode\":\"ON\",\"current_mode\":\"ON\"}");

    assertThat(other.post("/__fake/reset", "").status()).isEqualTo(200);

    assertThat(cluster.redactMode(second.id())).isEqualTo("OFF");
    assertThat(redact(other, "marker").json().path("previous_mode").asText()).isEqualTo("OFF");
  }

  @Test
  void aRestartedCaptureIsANewProcessWithRedactionOff() {
    cluster.setRedactMode(second.id(), "on");

    Capture restarted = cluster.restartCapture(second.id());

    assertThat(cluster.redactMode(restarted.id())).isEqualTo("OFF");
  }

  // ---- the state document ---------------------------------------------------------------------

  @Test
  void theStateDocumentRoundTripsIntoAFreshNewArchitectureServer() throws Exception {
    create("cf-1");
    create("cf-2");
    other.post("/__fake/changefeeds/cf-2/state", "{\"state\":\"stopped\"}");
    other.post(
        "/__fake/faults",
        "{\"route\":\"POST /api/v2/log/redact\",\"times\":2,"
            + "\"respond\":{\"status\":500,\"error_code\":\"CDC:ErrPDEtcdAPIError\","
            + "\"error_msg\":\"etcd api call error\"}}");
    cluster.setRedactMode(first.id(), "on");
    String state = other.get("/__fake/state").body();

    assertThat(TestHttp.MAPPER.readTree(state).path("newarch").asBoolean()).isTrue();
    try (FakeTiCdcServer again = FakeTiCdcServer.builder().scenarioJson(state).start()) {
      assertThat(again.cluster().version()).isEqualTo(TiCdcVersion.V26_3_NEWARCH);
      assertThat(again.cluster().liveCaptures()).hasSize(2);
      TestHttp http = TestHttp.freshConnections(again.url());
      assertThat(http.get("/api/v2/changefeeds/cf-2").json().path("state").asText())
          .isEqualTo("stopped");
      assertThat(http.post("/api/v2/log/redact", "{\"redact_info_log\":\"on\"}").status())
          .as("the fault rule came along")
          .isEqualTo(500);
      assertThat(again.cluster().redactMode(again.cluster().captures().get(0).id()))
          .as("a redaction mode is a process's, not part of the state document")
          .isEqualTo("OFF");
      assertThat(http.get("/__fake/state").body())
          .as("the reloaded rule has fired once")
          .isEqualTo(state.replace("\"times\": 2", "\"times\": 1"));
    }
  }

  // ---- classic-only scripting -----------------------------------------------------------------

  @Test
  void drainingACaptureIsRefusedWithTheReason() {
    create("cf-1");

    assertThatThrownBy(() -> cluster.drainCapture(second.id()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("the new architecture has no capture drain")
        .hasMessageContaining("kill the capture");
    assertThat(coordinator.post("/api/v2/captures/" + second.id() + "/drain", "").status())
        .isEqualTo(404);
  }

  @Test
  void processorsTableAssignmentIsRefusedAndPointsToTheMaintainers() {
    create("cf-1");

    assertThatThrownBy(
            () -> cluster.processorTables(FakeCluster.DEFAULT_NAMESPACE, "cf-1", first.id()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no processors' table assignment")
        .hasMessageContaining("maintainerTables()");
    assertThat(cluster.maintainerTables().tables("cf-1", 0)).isNotEmpty();
    assertThat(coordinator.get("/api/v2/processors").body())
        .isEqualTo("{\"total\":0,\"items\":[]}");
  }

  @Test
  void classicTiCdcHasNoRedactionSwitch() {
    FakeCluster classic = FakeCluster.builder().version(TiCdcVersion.V8_5).build();
    String capture = classic.captures().get(0).id();

    assertThat(classic.redactMode(capture)).isEqualTo("OFF");
    assertThatThrownBy(() -> classic.setRedactMode(capture, "on"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(
            "log redaction mode is the new architecture's (POST /api/v2/log/redact); TiCDC v8.5.4"
                + " has no such route");
  }

  @Test
  void anUnknownCaptureIsNamed() {
    assertThatThrownBy(() -> cluster.redactMode("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no capture nope");
  }
}
