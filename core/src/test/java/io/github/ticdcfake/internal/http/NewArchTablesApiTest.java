package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.TiCdcVersion;
import io.github.ticdcfake.fault.Operation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The new architecture's internal table routes (pingcap/ticdc {@code api/v2/changefeed.go@v26.3.4}
 * MoveTable, ListTables, getDispatcherCount; {@code maintainer/maintainer_controller_helper.go}).
 */
class NewArchTablesApiTest {
  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder()
          .version(TiCdcVersion.V26_3_NEWARCH)
          .captures(2)
          .manualClock(Instant.parse("2024-05-20T02:00:00Z"))
          .seed(7)
          .build();

  private final FakeCluster cluster = fake.cluster();
  private final TestHttp owner = fake.http(fake.captures().get(0).id());
  private String first;
  private String second;

  @BeforeEach
  void twoTablesAndAChangefeed() {
    first = fake.captures().get(0).id();
    second = fake.captures().get(1).id();
    cluster.addUpstreamTable("test", "a", 104, List.of("id"), List.of("id"));
    cluster.addUpstreamTable("test", "b", 106, List.of("id"), List.of("id"));
    owner.post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
  }

  @Test
  void tablesListsTheSpansPerNodeWithTheDdlSpanOnTheMaintainer() {
    JsonNode tables = owner.get("/api/v2/changefeeds/cf/tables").json();

    assertThat(tables.get("total").asInt()).isEqualTo(2);
    assertThat(tables.at("/items/0/node_id").asText()).isEqualTo(first);
    assertThat(tables.at("/items/0/table_ids").toString()).isEqualTo("[0,104]");
    assertThat(tables.at("/items/1/node_id").asText()).isEqualTo(second);
    assertThat(tables.at("/items/1/table_ids").toString()).isEqualTo("[106]");
    assertThat(owner.get("/api/v2/changefeeds/cf/get_dispatcher_count").body())
        .isEqualTo("{\"count\":3}");
  }

  @Test
  void moveTableMovesTheTableToTheTargetNode() {
    Reply moved =
        owner.post(
            "/api/v2/changefeeds/cf/move_table?tableID=106&targetNodeID=" + first + "&wait=false",
            null);

    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.body()).isEqualTo("{}");
    assertThat(cluster.maintainerTables().tables("cf", 0)).containsOnlyKeys(first);
    assertThat(
            owner.get("/api/v2/changefeeds/cf/tables").json().at("/items/0/table_ids").toString())
        .isEqualTo("[0,104,106]");
  }

  @Test
  void moveTableRefusesLikeTheMaintainer() {
    assertError(
        owner.post("/api/v2/changefeeds/cf/move_table?tableID=x", null),
        500,
        "",
        "strconv.ParseInt: parsing \"x\": invalid syntax");
    assertError(
        owner.post("/api/v2/changefeeds/cf/move_table?tableID=999&targetNodeID=" + first, null),
        500,
        "CDC:ErrTableIsNotFounded",
        "[CDC:ErrTableIsNotFounded]table is not found%!(EXTRA string=tableID, int64=999)");
    assertError(
        owner.post("/api/v2/changefeeds/cf/move_table?tableID=0&targetNodeID=" + first, null),
        500,
        "CDC:ErrTableNotSupportMove",
        "[CDC:ErrTableNotSupportMove]table is not supported to move%!(EXTRA string=tableID,"
            + " int64=0)");
    assertError(
        owner.post("/api/v2/changefeeds/cf/move_table?tableID=104&targetNodeID=nope", null),
        500,
        "CDC:ErrNodeIsNotFound",
        "[CDC:ErrNodeIsNotFound]node is not found%!(EXTRA string=targetNode, node.ID=nope)");
    assertError(
        owner.post("/api/v2/changefeeds/cf/move_table?tableID=104&wait=maybe", null),
        500,
        "",
        "strconv.ParseBool: parsing \"maybe\": invalid syntax");
    assertError(
        owner.post("/api/v2/changefeeds/bad_id/move_table?tableID=104", null),
        400,
        "CDC:ErrAPIInvalidParam",
        "[CDC:ErrAPIInvalidParam]invalid changefeed_id: bad_id");
  }

  @Test
  void withoutAMaintainerTheRoutesCannotFindIt() {
    owner.post("/api/v2/changefeeds/cf/pause", null);

    for (Reply reply :
        new Reply[] {
          owner.get("/api/v2/changefeeds/cf/tables"),
          owner.get("/api/v2/changefeeds/missing/get_dispatcher_count"),
          owner.post("/api/v2/changefeeds/cf/move_table?tableID=104&targetNodeID=" + first, null)
        }) {
      assertError(reply, 500, "", null);
    }
    assertThat(owner.get("/api/v2/changefeeds/missing/tables").json().get("error_msg").asText())
        .isEqualTo("Can't not find maintainer for changefeed: missing");
  }

  @Test
  void redoModeWithoutRedoPanics() {
    Reply reply = owner.get("/api/v2/changefeeds/cf/get_dispatcher_count?mode=1");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.body()).isEmpty();
    assertThat(
            owner
                .post(
                    "/api/v2/changefeeds/cf/move_table?mode=1&tableID=104&targetNodeID=" + second,
                    null)
                .status())
        .isEqualTo(200);
  }

  @Test
  void theV1HeaderMakesTheMove202AndTheTablesABareArray() {
    assertThat(
            owner
                .send("GET", "/api/v2/changefeeds/cf/tables", null, "from-ticdc-api-v1", "true")
                .body())
        .startsWith("[{\"node_id\":");
    assertThat(
            owner
                .send(
                    "POST",
                    "/api/v2/changefeeds/cf/move_table?tableID=104&targetNodeID=" + second,
                    null,
                    "from-ticdc-api-v1",
                    "true")
                .status())
        .isEqualTo(202);
  }

  @Test
  void faultRulesAndTheJournalNameTheTableRoutes() {
    cluster
        .faults()
        .add(
            io.github.ticdcfake.fault.FaultRule.on(Operation.MOVE_TABLE)
                .times(1)
                .inject(io.github.ticdcfake.fault.Fault.error(500, "CDC:ErrTimeout", "timeout")));

    Reply faulted =
        owner.post("/api/v2/changefeeds/cf/move_table?tableID=104&targetNodeID=" + second, null);

    assertThat(faulted.status()).isEqualTo(500);
    assertThat(cluster.journal().requests())
        .anySatisfy(r -> assertThat(r.is(Operation.MOVE_TABLE, "cf")).isTrue());
  }

  @Test
  void classicFlavoursDoNotServeThem() {
    try (var classic = io.github.ticdcfake.FakeTiCdcServer.builder().start()) {
      TestHttp http = TestHttp.pooled(classic.url());
      assertThat(http.get("/api/v2/changefeeds/cf/tables").status()).isEqualTo(404);
    }
  }

  private static void assertError(Reply reply, int status, String code, String message) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.json().get("error_code").asText()).isEqualTo(code);
    if (message != null) {
      assertThat(reply.json().get("error_msg").asText()).isEqualTo(message);
    }
  }
}
