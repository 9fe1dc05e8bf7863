package io.github.ticdcfake.junit5;

import static io.github.ticdcfake.junit5.EngineKit.assertAllPassed;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.FakeCluster;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

class ResetBeforeEachTest {

  @Test
  void resetsChangefeedsOwnerAndClockBeforeEachTest() {
    assertAllPassed(EngineKit.run(ResetTestCase.class), 3);
  }

  @EngineKit.Fixture
  @TiCdcServer(captures = 2, urlProperty = "ticdc.test.reset.url")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ResetTestCase {
    @Test
    @Order(1)
    void changesEverything(FakeCluster cluster) {
      cluster.createChangefeed(
          ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
      cluster.electOwner(cluster.captures().get(1).id());
      cluster.clock().advance(Duration.ofHours(1));
    }

    @Test
    @Order(2)
    void startsFromScratch(FakeCluster cluster, @TiCdcUrl URI url) {
      assertThat(cluster.changefeeds()).isEmpty();
      assertThat(cluster.owner()).hasValue(cluster.captures().get(0));
      assertThat(cluster.clock().isManual()).isFalse();
      assertThat(System.getProperty("ticdc.test.reset.url")).isEqualTo(url.toString());
    }

    @Nested
    class Inner {
      @Test
      void startsFromScratchToo(FakeCluster cluster) {
        assertThat(cluster.changefeeds()).isEmpty();
      }
    }
  }

  @Test
  void keepsStateBetweenTestsWhenResetIsOff() {
    assertAllPassed(EngineKit.run(NoResetTestCase.class), 2);
  }

  @EngineKit.Fixture
  @TiCdcServer(resetBeforeEach = false)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class NoResetTestCase {
    @Test
    @Order(1)
    void creates(FakeCluster cluster) {
      cluster.createChangefeed(
          ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
    }

    @Test
    @Order(2)
    void stillSeesIt(FakeCluster cluster) {
      assertThat(cluster.changefeed("cf-1")).isPresent();
    }
  }
}
