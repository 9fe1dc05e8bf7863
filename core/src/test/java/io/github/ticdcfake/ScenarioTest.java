package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.cluster.UpstreamTable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario file (docs/scenario.md), loaded through the server builder. */
class ScenarioTest {

  private static FakeTiCdcServer start() {
    return FakeTiCdcServer.builder()
        .clock(PdClock.manual(Instant.parse("2024-05-20T02:00:00Z")))
        .scenarioResource("io/github/ticdcfake/scenario-example.json")
        .start();
  }

  @Test
  void architectureExampleSeedsTheCluster() {
    try (FakeTiCdcServer server = start()) {
      assertThat(server.cluster().captures()).hasSize(2);
      assertThat(server.cluster().upstreamTables())
          .extracting(UpstreamTable::qualifiedName, UpstreamTable::tableId, UpstreamTable::eligible)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("test.orders", 104L, true),
              org.assertj.core.groups.Tuple.tuple("test.logs", 106L, false));
      assertThat(server.cluster().changefeeds())
          .extracting(Changefeed::id, Changefeed::state)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("cf-1", ChangefeedState.NORMAL),
              org.assertj.core.groups.Tuple.tuple("cf-2", ChangefeedState.FAILED));
      URI url = server.url();
      assertThat(TestHttp.freshConnections(url).post("/api/v2/changefeeds/cf-1/pause", "").status())
          .isEqualTo(500);
      assertThat(TestHttp.freshConnections(url).post("/api/v2/changefeeds/cf-1/pause", "").status())
          .isEqualTo(500);
      assertThat(TestHttp.freshConnections(url).post("/api/v2/changefeeds/cf-1/pause", "").status())
          .isEqualTo(200);
    }
  }

  @Test
  void failedChangefeedsErrorShowsWhereTiCdcShowsIt() {
    try (FakeTiCdcServer server = start()) {
      URI url = server.url();
      String message = "[CDC:ErrGCTTLExceeded]gc ttl exceeded";

      String list = TestHttp.freshConnections(url).get("/api/v2/changefeeds").body();
      String get = TestHttp.freshConnections(url).get("/api/v2/changefeeds/cf-2").body();
      String status = TestHttp.freshConnections(url).get("/api/v2/changefeeds/cf-2/status").body();
      String normal = TestHttp.freshConnections(url).get("/api/v2/changefeeds/cf-1").body();

      // list: error with time (reference 3.2); GET: error without time (3.3); status: last_error
      assertThat(list)
          .contains("\"state\":\"failed\"")
          .containsPattern(
              "\"error\":\\{\"time\":\"[^\"]+\",\"addr\":\"[^\"]+\",\"code\":\"CDC:ErrGCTTLExceeded\",\"message\":\""
                  + java.util.regex.Pattern.quote(message)
                  + "\"\\}");
      assertThat(get)
          .containsPattern("\"error\":\\{\"addr\":\"[^\"]+\",\"code\":\"CDC:ErrGCTTLExceeded\"");
      assertThat(status).contains("\"last_error\":{\"time\":").contains("CDC:ErrGCTTLExceeded");
      assertThat(normal).doesNotContain("\"error\"");
    }
  }

  @Test
  void stateDocumentRoundTrips(@TempDir Path dir) throws IOException {
    String state;
    try (FakeTiCdcServer server = start()) {
      state = TestHttp.freshConnections(server.url()).get("/__fake/state").body();
    }
    Path file = dir.resolve("state.json");
    Files.writeString(file, state);

    String again;
    try (FakeTiCdcServer server =
        FakeTiCdcServer.builder()
            .clock(PdClock.manual(Instant.parse("2024-05-20T02:00:00Z")))
            .scenario(file)
            .start()) {
      again = TestHttp.freshConnections(server.url()).get("/__fake/state").body();
    }

    assertThat(again).isEqualTo(state);
    assertThat(state)
        .contains("\"captures\": 2")
        .contains("\"version\": \"v8.5.4\"")
        .contains("\"table_id\": 106")
        .contains("\"state\": \"failed\"")
        .contains("\"message\": \"gc ttl exceeded\"")
        .contains("\"route\": \"POST /api/v2/changefeeds/{changefeed_id}/pause\"")
        .contains("\"error_msg\": \"[CDC:ErrPDEtcdAPIError]etcd api call error\"");
  }

  @Test
  void resetReappliesTheScenario() {
    try (FakeTiCdcServer server = start()) {
      server.cluster().removeChangefeed("default", "cf-1");
      server.cluster().faults().clear();

      server.reset();

      assertThat(server.cluster().changefeed("cf-1")).isPresent();
      assertThat(server.cluster().faults().rules()).hasSize(1);
    }
  }

  @Test
  void invalidDocumentsNameTheBadField() {
    assertThatThrownBy(
            () ->
                FakeTiCdcServer.builder()
                    .scenarioJson(
                        "{\"changefeeds\":[{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\",\"state\":\"paused\"}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("scenario: changefeeds[0].state: unknown state 'paused'");
    assertThatThrownBy(() -> FakeTiCdcServer.builder().scenarioJson("{\"captures\":0}"))
        .hasMessage("scenario: captures: must be 1..1000, got 0");
    assertThatThrownBy(() -> FakeTiCdcServer.builder().scenarioJson("{\"capture\":2}"))
        .hasMessageStartingWith("scenario: capture: unknown field");
    assertThatThrownBy(
            () ->
                FakeTiCdcServer.builder()
                    .scenarioJson(
                        "{\"faults\":[{\"route\":\"POST /pause\",\"connection\":\"reset\"}]}"))
        .hasMessageStartingWith("scenario: faults[0].route: unknown route 'POST /pause'");
    assertThatThrownBy(
            () ->
                FakeTiCdcServer.builder()
                    .scenarioJson("{\"faults\":[{\"route\":\"*\",\"connection\":\"boom\"}]}"))
        .hasMessageStartingWith("scenario: faults[0].connection: unknown connection fault 'boom'");
    assertThatThrownBy(
            () -> FakeTiCdcServer.builder().scenarioJson("{\"faults\":[{\"route\":\"*\"}]}"))
        .hasMessageStartingWith("scenario: faults[0].respond: a rule needs an effect");
    assertThatThrownBy(
            () ->
                FakeTiCdcServer.builder()
                    .scenarioJson(
                        "{\"changefeeds\":[{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\",\"start_ts\":\"x\"}]}"))
        .hasMessageContaining(
            "changefeeds[0]: [CDC:ErrAPIInvalidParam]invalid api parameter: json: cannot unmarshal string into Go struct field ChangefeedConfig.start_ts");
    assertThatThrownBy(() -> FakeTiCdcServer.builder().scenarioJson("{"))
        .hasMessageStartingWith("scenario: scenario: not valid JSON");
  }

  @Test
  void architectureExampleVerbatimIsRejectedLikeTiCdcWouldRejectItsCreate() {
    // test.logs has no key, so a *.* changefeed over it is refused (reference 3.1 step 13);
    // scenario-example.json adds "ignore_ineligible_table": true to make the example loadable.
    FakeTiCdcServer.Builder builder =
        FakeTiCdcServer.builder()
            .scenarioResource("io/github/ticdcfake/scenario-architecture-verbatim.json");

    assertThatThrownBy(builder::start)
        .hasMessageStartingWith(
            "scenario: changefeeds[0] (cf-1): [CDC:ErrTableIneligible]some tables are not eligible"
                + " to replicate([test.logs])");
  }

  @Test
  void changefeedsFailingTheCreateValidationStopTheStart() {
    FakeTiCdcServer.Builder builder =
        FakeTiCdcServer.builder()
            .scenarioJson(
                "{\"changefeeds\":[{\"changefeed_id\":\"bad id\",\"sink_uri\":\"blackhole://\"}]}");

    assertThatThrownBy(builder::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scenario: changefeeds[0] (bad id): [CDC:ErrAPIInvalidParam]invalid changefeed_id: bad id");
  }
}
