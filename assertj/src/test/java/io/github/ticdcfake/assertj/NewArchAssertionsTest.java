package io.github.ticdcfake.assertj;

import static io.github.ticdcfake.assertj.TiCdcAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.Tso;
import io.github.ticdcfake.fault.Operation;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The assertions on a new-architecture cluster (pingcap/ticdc v26.3.4): states, errors,
 * checkpoints, the coordinator and the journal work as in classic TiCDC; the maintainer assertions
 * are the new architecture's own, and an assertion about what only one architecture has says so
 * when used on the other.
 */
class NewArchAssertionsTest {
  private final FakeTiCdcServer server =
      FakeTiCdcServer.builder().newArchitecture().captures(2).start();
  private final FakeCluster cluster = server.cluster();

  @AfterEach
  void close() {
    server.close();
  }

  private void create(String id) {
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId(id).sinkUri("blackhole://").build());
  }

  private int post(String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(server.url().resolve(path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private String addressOf(String captureId) {
    return cluster.capture(captureId).map(Capture::address).orElseThrow();
  }

  @Test
  void statesAndErrorsAreAssertedAsInClassicTiCdc() throws Exception {
    create("cf-1");
    assertThat(cluster).changefeed("cf-1").hasState(ChangefeedState.NORMAL).hasNoError();

    org.assertj.core.api.Assertions.assertThat(post("/api/v2/changefeeds/cf-1/pause", ""))
        .isEqualTo(200);
    assertThat(cluster).changefeed("cf-1").hasState(ChangefeedState.STOPPED).hasNoError();

    cluster.forceState(
        FakeCluster.DEFAULT_NAMESPACE,
        "cf-1",
        ChangefeedState.FAILED,
        CdcException.of("CDC:ErrGCTTLExceeded", "gc ttl"));
    assertThat(cluster)
        .changefeed("cf-1")
        .hasState(ChangefeedState.FAILED)
        .hasErrorCode("CDC:ErrGCTTLExceeded");
    assertThatThrownBy(() -> assertThat(cluster).changefeed("cf-1").hasNoError())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expected changefeed cf-1 to have no error but had [CDC:ErrGCTTLExceeded]gc ttl");
  }

  @Test
  void theKeyspaceIsWhereTheNamespaceWas() {
    create("cf-1");

    assertThat(cluster).changefeed("default", "cf-1").hasState(ChangefeedState.NORMAL);
    assertThat(cluster).hasNoChangefeed("cf-2");
    assertThatThrownBy(() -> assertThat(cluster).changefeed("cf-2"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expected changefeed default/cf-2 to exist but the cluster has [default/cf-1]");
  }

  @Test
  void checkpointAssertionsReadTheCheckpointTheCoordinatorReports() {
    create("cf-1");
    long tso = Tso.of(Instant.parse("2024-05-20T02:00:00Z"));
    cluster.setCheckpoint(FakeCluster.DEFAULT_NAMESPACE, "cf-1", tso);

    assertThat(cluster).changefeed("cf-1").hasCheckpointTs(tso);
    assertThatThrownBy(() -> assertThat(cluster).changefeed("cf-1").hasCheckpointTs(tso + 1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expected changefeed cf-1 to have checkpoint_ts "
                + (tso + 1)
                + " but was "
                + Long.toUnsignedString(tso));
  }

  @Test
  void theMaintainerIsWhereGetShowsItAndMovesWhenItsCaptureDies() {
    create("cf-1");
    String maintainer = cluster.maintainerTables().maintainerOf("cf-1");
    Capture other =
        cluster.captures().stream().filter(c -> !c.id().equals(maintainer)).findFirst().get();

    assertThat(cluster).changefeed("cf-1").hasMaintainerAt(addressOf(maintainer));
    assertThatThrownBy(() -> assertThat(cluster).changefeed("cf-1").hasMaintainerAt("x:1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expected changefeed cf-1 to have its maintainer at x:1 but it was at "
                + addressOf(maintainer));
    assertThatThrownBy(() -> assertThat(cluster).changefeed("cf-1").hasNoMaintainer())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected changefeed cf-1 to have no maintainer but it was at");

    cluster.killCapture(maintainer);
    assertThat(cluster).changefeed("cf-1").hasMaintainerAt(other.address());
  }

  @Test
  void aStoppedChangefeedHasNoMaintainer() {
    create("cf-1");
    cluster.pauseChangefeed(FakeCluster.DEFAULT_NAMESPACE, "cf-1");

    assertThat(cluster).changefeed("cf-1").hasNoMaintainer();
    assertThatThrownBy(() -> assertThat(cluster).changefeed("cf-1").hasMaintainerAt("x:1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have its maintainer at x:1 but it had none");
  }

  @Test
  void theOwnerAssertionsNameTheCoordinator() {
    String first = cluster.captures().get(0).id();
    String second = cluster.captures().get(1).id();

    assertThat(cluster).hasOwner(first).hasLiveCaptures(2);
    assertThatThrownBy(() -> assertThat(cluster).hasOwner(second))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected coordinator " + second + " but was " + first);
    assertThatThrownBy(() -> assertThat(cluster).hasNoOwner())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected no coordinator but was " + first);
  }

  @Test
  void theJournalCountsTheNewArchitecturesRoutes() throws Exception {
    create("cf-1");
    post("/api/v2/changefeeds/cf-1/pause", "");
    post("/api/v2/get_all_tables", "{}");

    assertThat(cluster)
        .hasReceived(Operation.PAUSE_CHANGEFEED, "cf-1", 1)
        .hasReceived(Operation.GET_ALL_TABLES, 1)
        .hasNotReceived(Operation.RESUME_CHANGEFEED);
  }

  @Test
  void adminJobTypeIsAClassicAssertionAndSaysSo() {
    create("cf-1");
    cluster.pauseChangefeed(FakeCluster.DEFAULT_NAMESPACE, "cf-1");

    assertThatThrownBy(() -> assertThat(cluster).changefeed("cf-1").hasAdminJobType(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "hasAdminJobType is for classic TiCDC only: the new architecture (TiCDC v26.3.4)"
                + " never sets admin_job_type on changefeed cf-1; assert the state with hasState"
                + " instead");
  }

  @Test
  void onClassicTiCdcTheMaintainerAssertionsSaySoAndAdminJobTypeWorks() {
    try (FakeTiCdcServer classic = FakeTiCdcServer.builder().start()) {
      FakeCluster classicCluster = classic.cluster();
      classicCluster.createChangefeed(
          ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
      classicCluster.pauseChangefeed(FakeCluster.DEFAULT_NAMESPACE, "cf-1");

      assertThat(classicCluster).changefeed("cf-1").hasAdminJobType(1);
      assertThatThrownBy(() -> assertThat(classicCluster).changefeed("cf-1").hasAdminJobType(0))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expected changefeed cf-1 to have admin_job_type 0 but was 1");
      assertThatThrownBy(() -> assertThat(classicCluster).changefeed("cf-1").hasNoMaintainer())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "hasNoMaintainer is for the new architecture only: classic TiCDC v8.5.4 has no"
                  + " maintainers (changefeed cf-1); assert the state with hasState instead");
      assertThatThrownBy(() -> assertThat(classicCluster).changefeed("cf-1").hasMaintainerAt("x:1"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("hasMaintainerAt is for the new architecture only");
      assertThat(classicCluster).hasOwner(classicCluster.captures().get(0).id());
      assertThatThrownBy(() -> assertThat(classicCluster).hasNoOwner())
          .hasMessageContaining("Expected no owner but was");
    }
  }
}
