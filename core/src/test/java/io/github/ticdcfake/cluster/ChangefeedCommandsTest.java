package io.github.ticdcfake.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The commands run TiCDC's steps in TiCDC's order: a request body is decoded only once the
 * changefeed exists and its state allows the command (tiflow {@code cdc/api/v2/changefeed.go}).
 */
class ChangefeedCommandsTest {
  private final PdClock clock = PdClock.manual(Instant.parse("2024-05-20T02:00:00Z"));
  private final FakeCluster cluster = FakeCluster.builder().clock(clock).seed(1).build();
  private final AtomicInteger decodes = new AtomicInteger();

  private <T> Supplier<T> malformed() {
    return () -> {
      decodes.incrementAndGet();
      throw CdcError.API_INVALID_PARAM.raiseWithMessage("malformed body");
    };
  }

  private void create(String id) {
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId(id).sinkUri("blackhole://").build());
  }

  @Test
  void updatingARunningChangefeedAnswersTheStateErrorWhateverTheBody() {
    create("cf");

    assertThatThrownBy(
            () -> cluster.updateChangefeed("default", "cf", this.<ChangefeedSpec>malformed()))
        .isInstanceOfSatisfying(
            CdcException.class,
            e -> assertThat(e.errorCode()).isEqualTo("CDC:ErrChangefeedUpdateRefused"))
        .hasMessageContaining("can only update changefeed config when it is stopped or failed");
    assertThat(decodes).hasValue(0);
  }

  @Test
  void updatingAMissingChangefeedAnswersNotExistsBeforeDecoding() {
    assertThatThrownBy(
            () -> cluster.updateChangefeed("default", "nope", this.<ChangefeedSpec>malformed()))
        .hasMessageContaining("CDC:ErrChangeFeedNotExists");
    assertThat(decodes).hasValue(0);
  }

  @Test
  void updatingAStoppedChangefeedDecodesTheBodyOnceAndReportsItsError() {
    create("cf");
    cluster.pauseChangefeed("default", "cf");

    assertThatThrownBy(
            () -> cluster.updateChangefeed("default", "cf", this.<ChangefeedSpec>malformed()))
        .hasMessageContaining("malformed body");
    assertThat(decodes).hasValue(1);
  }

  @Test
  void resumingAMissingChangefeedAnswersNotExistsBeforeDecoding() {
    assertThatThrownBy(
            () ->
                cluster.resumeChangefeed("default", "nope", this.<RequestBodies.Resume>malformed()))
        .hasMessageContaining("CDC:ErrChangeFeedNotExists");
    assertThat(decodes).hasValue(0);
  }

  @Test
  void resumeChecksTheBodysPdAddressesBeforeTheCheckpoint() {
    create("cf");
    cluster.pauseChangefeed("default", "cf");
    long future = clock.nextTso() + (1L << 40);

    assertThatThrownBy(
            () ->
                cluster.resumeChangefeed(
                    "default",
                    "cf",
                    () -> new RequestBodies.Resume(future, List.of("http://10.0.0.1:2379"))))
        .hasMessageContaining("CDC:ErrAPIGetPDClientFailed");
    assertThat(cluster.changefeed("cf")).map(Changefeed::state).contains(ChangefeedState.STOPPED);
  }

  @Test
  void syncedDecodesItsOptionalBodyOnlyForAnExistingChangefeed() {
    assertThatThrownBy(() -> cluster.syncedStatus("default", "nope", malformed()))
        .hasMessageContaining("CDC:ErrChangeFeedNotExists");
    create("cf");
    assertThatThrownBy(() -> cluster.syncedStatus("default", "cf", malformed()))
        .hasMessageContaining("malformed body");
    assertThat(decodes).hasValue(1);
  }

  @Test
  void aProbedSinkIsDialledWithoutHoldingTheClusterLock() throws Exception {
    try (ServerSocket mysql = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      FakeCluster probing =
          FakeCluster.builder().clock(clock).sinkProbe(SinkProbe.tcp()).seed(1).build();
      String sink = "mysql://root@127.0.0.1:" + mysql.getLocalPort() + "/";

      Changefeed created =
          probing.createChangefeed(
              ChangefeedSpec.builder().changefeedId("cf").sinkUri(sink).build());

      assertThat(created.sinkUri()).isEqualTo(sink);
    }
  }

  @Test
  void anUnreachableProbedSinkFailsTheCreateAndTheUpdate() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    FakeCluster probing =
        FakeCluster.builder().clock(clock).sinkProbe(SinkProbe.tcp()).seed(1).build();
    String sink = "mysql://root@127.0.0.1:" + closedPort + "/";

    assertThatThrownBy(
            () ->
                probing.createChangefeed(
                    ChangefeedSpec.builder().changefeedId("cf").sinkUri(sink).build()))
        .hasMessageContaining("CDC:ErrMySQLConnectionError");

    probing.createChangefeed(
        ChangefeedSpec.builder().changefeedId("cf").sinkUri("blackhole://").build());
    probing.pauseChangefeed("default", "cf");
    assertThatThrownBy(
            () ->
                probing.updateChangefeed(
                    "default", "cf", () -> ChangefeedSpec.builder().sinkUri(sink).build()))
        .hasMessageContaining("CDC:ErrChangefeedUpdateRefused")
        .hasMessageContaining("connection refused");
  }

  @Test
  void sinkDialsAskForAHostNotYetDialled() {
    SinkDials dials = SinkDials.forRequest(SinkProbe.none(), new Object());

    assertThatThrownBy(() -> dials.errorFor("127.0.0.1:3306"))
        .isInstanceOfSatisfying(
            SinkDials.Needed.class, n -> assertThat(n.target).isEqualTo("127.0.0.1:3306"));
  }
}
