package io.github.ticdcfake.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.junit5.TiCdcServer;
import io.github.ticdcfake.junit5.TiCdcUrl;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @TiCdcServer}: one fake cluster per class, parameters injected into the constructor,
 * lifecycle methods and tests, reset before each test.
 */
// tag::annotation[]
@TiCdcServer(captures = 3)
class AnnotationTest {
  private final ChangefeedManager manager;

  AnnotationTest(@TiCdcUrl URI url) { // the owner's base URL, e.g. http://127.0.0.1:41234
    this.manager = new ChangefeedManager(url);
  }

  @BeforeEach
  void seed(FakeCluster cluster) { // the cluster was just reset: no changefeeds
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("orders").sinkUri("blackhole://").build());
  }

  @Test
  void createsAndWaitsUntilNormal(FakeCluster cluster) {
    ChangefeedInfo created = manager.create("audit", "mysql://root@127.0.0.1:3306/");

    assertThat(created.state()).isEqualTo("normal");
    assertThat(cluster.changefeed("audit").orElseThrow().sinkUri())
        .isEqualTo("mysql://root@127.0.0.1:3306/");
  }

  @Test
  void deletes(FakeCluster cluster) {
    manager.delete("orders");

    assertThat(cluster.changefeed("orders")).isEmpty();
  }

  // end::annotation[]
  @Test
  void listsEveryChangefeed() {
    manager.create("audit", "blackhole://");

    assertThat(manager.list())
        .extracting(ChangefeedSummary::id, ChangefeedSummary::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("audit", "normal"),
            org.assertj.core.groups.Tuple.tuple("orders", "normal"));
  }

  @Test
  void refusesAnUnknownChangefeedWithTiCdcsError() {
    assertThatThrownBy(() -> manager.pause("nope"))
        .isInstanceOfSatisfying(
            TiCdcApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400); // TiCDC answers 400, not 404
              assertThat(e.errorCode()).isEqualTo("CDC:ErrChangeFeedNotExists");
            });
  }

  @Test
  void serverIsInjectedToo(FakeTiCdcServer server) {
    assertThat(server.captureUrls()).hasSize(3);
  }

  // tag::nested[]
  @Nested
  class WhenPaused { // shares the enclosing class's cluster; reset before each test
    @BeforeEach
    void pause() {
      manager.pause("orders");
    }

    @Test
    void resumes(FakeCluster cluster) {
      manager.resume("orders");

      assertThat(cluster.changefeed("orders").orElseThrow().state())
          .isEqualTo(ChangefeedState.NORMAL);
    }
  }
  // end::nested[]
  // tag::annotation[]
}
// end::annotation[]
