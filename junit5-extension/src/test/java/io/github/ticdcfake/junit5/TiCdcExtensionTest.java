package io.github.ticdcfake.junit5;

import static io.github.ticdcfake.junit5.EngineKit.assertAllPassed;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.OwnerTick;
import io.github.ticdcfake.cluster.PdClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

class TiCdcExtensionTest {
  static final List<FakeTiCdcServer> seen = new CopyOnWriteArrayList<>();
  static final Instant T0 = Instant.parse("2024-05-20T02:00:00Z");

  @BeforeEach
  void forgetWhatFixturesSaw() {
    seen.clear();
  }

  @Test
  void staticFieldServesOneClusterPerClass() {
    assertAllPassed(EngineKit.run(StaticFieldTestCase.class), 2);

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).isSameAs(seen.get(1));
    assertThat(seen.get(0).captureUrls()).noneMatch(EngineKit::answers);
  }

  @EngineKit.Fixture
  static class StaticFieldTestCase {
    @RegisterExtension
    static final TiCdcExtension ticdc = TiCdcExtension.builder().captures(3).build();

    @Test
    void first(FakeTiCdcServer server, @TiCdcUrl URI url) {
      assertThat(server.cluster().captures()).hasSize(3);
      assertThat(url).isEqualTo(server.url());
      seen.add(server);
    }

    @Test
    void second(FakeTiCdcServer server) {
      seen.add(server);
    }
  }

  @Test
  void instanceFieldServesAFreshClusterPerTest() {
    assertAllPassed(EngineKit.run(InstanceFieldTestCase.class), 2);

    assertThat(seen).hasSize(4);
    assertThat(seen.get(0)).isSameAs(seen.get(1));
    assertThat(seen.get(2)).isSameAs(seen.get(3)).isNotSameAs(seen.get(0));
    assertThat(seen).allSatisfy(s -> assertThat(s.captureUrls()).noneMatch(EngineKit::answers));
  }

  @EngineKit.Fixture
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class InstanceFieldTestCase {
    @RegisterExtension final TiCdcExtension ticdc = TiCdcExtension.builder().build();

    @BeforeEach
    void beforeEach(FakeTiCdcServer server) {
      seen.add(server);
    }

    @Test
    @Order(1)
    void first(FakeTiCdcServer server) {
      seen.add(server);
    }

    @Test
    @Order(2)
    void second(FakeTiCdcServer server) {
      seen.add(server);
    }
  }

  @Test
  void builderOptionsReachTheServer() {
    assertAllPassed(EngineKit.run(BuilderOptionsTestCase.class), 1);
  }

  @EngineKit.Fixture
  static class BuilderOptionsTestCase {
    @RegisterExtension
    static final TiCdcExtension ticdc =
        TiCdcExtension.builder()
            .captures(2)
            .clock(() -> PdClock.manual(T0))
            .ownerTick(OwnerTick.afterReads(2))
            .server(server -> server.clusterId("cdc-test").seed(42))
            .build();

    @Test
    void seesThem(FakeCluster cluster) {
      assertThat(cluster.captures()).hasSize(2);
      assertThat(cluster.clock().isManual()).isTrue();
      assertThat(cluster.clock().now()).isEqualTo(T0);
      assertThat(cluster.ownerTick()).hasToString("OwnerTick.afterReads(2)");
      assertThat(cluster.clusterId()).isEqualTo("cdc-test");
    }
  }

  @Test
  void clockSupplierGivesEveryClusterItsOwnClock() {
    assertAllPassed(EngineKit.run(OwnClockTestCase.class), 2);

    assertThat(seen.get(0).cluster().clock()).isNotSameAs(seen.get(1).cluster().clock());
  }

  @EngineKit.Fixture
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class OwnClockTestCase {
    @RegisterExtension
    final TiCdcExtension ticdc = TiCdcExtension.builder().clock(() -> PdClock.manual(T0)).build();

    @Test
    @Order(1)
    void advancesItsClock(FakeTiCdcServer server) {
      server.cluster().clock().advance(Duration.ofHours(1));
      seen.add(server);
    }

    @Test
    @Order(2)
    void startsFromT0(FakeTiCdcServer server) {
      assertThat(server.cluster().clock().now()).isEqualTo(T0);
      seen.add(server);
    }
  }

  @Test
  void initialStateSeedsTheClusterAndResetsReturnToIt() {
    assertAllPassed(EngineKit.run(InitialStateTestCase.class), 2);
  }

  @EngineKit.Fixture
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class InitialStateTestCase {
    @RegisterExtension
    static final TiCdcExtension ticdc =
        TiCdcExtension.builder()
            .initialState(
                cluster ->
                    cluster.createChangefeed(
                        ChangefeedSpec.builder()
                            .changefeedId("cf-1")
                            .sinkUri("blackhole://")
                            .build()))
            .build();

    @Test
    @Order(1)
    void removesTheSeededChangefeed(FakeCluster cluster) {
      assertThat(cluster.changefeed("cf-1")).isPresent();
      cluster.removeChangefeed("default", "cf-1");
    }

    @Test
    @Order(2)
    void seesItAgain(FakeCluster cluster) {
      assertThat(cluster.changefeeds()).extracting(c -> c.id()).containsExactly("cf-1");
    }
  }
}
