package io.github.ticdcfake.junit5;

import static io.github.ticdcfake.junit5.EngineKit.assertAllPassed;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

class TiCdcServerTest {
  static final List<Object> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void forgetWhatFixturesSaw() {
    seen.clear();
  }

  @Test
  void injectsServerClusterAndOwnerUrlIntoTestMethods() {
    assertAllPassed(EngineKit.run(InjectionTestCase.class), 1);
  }

  @EngineKit.Fixture
  @TiCdcServer(captures = 2)
  static class InjectionTestCase {
    @Test
    void seesOneServer(
        FakeTiCdcServer server, FakeCluster cluster, @TiCdcUrl URI url, @TiCdcUrl String text)
        throws Exception {
      assertThat(cluster).isSameAs(server.cluster());
      assertThat(cluster.captures()).hasSize(2);
      assertThat(url).isEqualTo(server.url()).isEqualTo(server.captureUrls().get(0));
      assertThat(text).isEqualTo(url.toString()).doesNotEndWith("/");
      assertThat(url.getHost()).isEqualTo("127.0.0.1");
      assertThat(EngineKit.get(url, "/api/v2/health")).isEqualTo(200);
    }
  }

  @Test
  void resolvesParametersInConstructorsAndLifecycleMethods() {
    assertAllPassed(EngineKit.run(LifecycleInjectionTestCase.class), 2);

    assertThat(seen).hasSize(1 + 2 * 3).allSatisfy(s -> assertThat(s).isSameAs(seen.get(0)));
  }

  @EngineKit.Fixture
  @TiCdcServer
  static class LifecycleInjectionTestCase {
    LifecycleInjectionTestCase(FakeTiCdcServer server) {
      seen.add(server);
    }

    @BeforeAll
    static void beforeAll(FakeTiCdcServer server, @TiCdcUrl URI url) {
      assertThat(url).isEqualTo(server.url());
    }

    @BeforeEach
    void beforeEach(FakeCluster cluster, FakeTiCdcServer server) {
      assertThat(cluster).isSameAs(server.cluster());
      seen.add(server);
    }

    @Test
    void first(FakeTiCdcServer server) {
      seen.add(server);
    }

    @Test
    void second(FakeTiCdcServer server) {
      seen.add(server);
    }

    @AfterAll
    static void afterAll(FakeTiCdcServer server) {
      seen.add(server);
    }
  }

  @Test
  void resolvesConstructorParametersOfPerClassTestInstances() {
    assertAllPassed(EngineKit.run(PerClassTestCase.class), 2);

    assertThat(seen).hasSize(3).allSatisfy(s -> assertThat(s).isSameAs(seen.get(0)));
  }

  @EngineKit.Fixture
  @TiCdcServer
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassTestCase {
    PerClassTestCase(FakeCluster cluster) {
      seen.add(cluster);
    }

    @Test
    void first(FakeCluster cluster) {
      seen.add(cluster);
    }

    @Test
    void second(FakeCluster cluster) {
      seen.add(cluster);
    }
  }

  @Test
  void servesAllTestsOfAClassFromOneClusterAndStopsItAfterTheClass() {
    assertAllPassed(EngineKit.run(SharedTestCase.class), 2);

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).isSameAs(seen.get(1));
    FakeTiCdcServer server = (FakeTiCdcServer) seen.get(0);
    assertThat(server.captureUrls()).noneMatch(EngineKit::answers);
  }

  @EngineKit.Fixture
  @TiCdcServer(captures = 3)
  static class SharedTestCase {
    @Test
    void first(FakeTiCdcServer server) {
      assertThat(server.captureUrls()).allMatch(EngineKit::answers);
      seen.add(server);
    }

    @Test
    void second(FakeTiCdcServer server) {
      seen.add(server);
    }
  }

  @Test
  void mimicsTheAnnotatedVersion() {
    assertAllPassed(EngineKit.run(VersionTestCase.class), 1);
  }

  @EngineKit.Fixture
  @TiCdcServer(version = "v8.5")
  static class VersionTestCase {
    @Test
    void reportsIt(FakeCluster cluster) {
      assertThat(cluster.version()).isEqualTo(TiCdcVersion.V8_5);
    }
  }

  @Test
  void publishesTheOwnerUrlInASystemPropertyAndRestoresItAfterTheClass() {
    System.setProperty("ticdc.test.url", "before");
    try {
      assertAllPassed(EngineKit.run(UrlPropertyTestCase.class), 1);

      assertThat(System.getProperty("ticdc.test.url")).isEqualTo("before");
    } finally {
      System.clearProperty("ticdc.test.url");
    }
  }

  @EngineKit.Fixture
  @TiCdcServer(captures = 2, urlProperty = "ticdc.test.url")
  static class UrlPropertyTestCase {
    static String atBeforeAll;

    @BeforeAll
    static void readProperty() {
      atBeforeAll = System.getProperty("ticdc.test.url");
    }

    @Test
    void holdsOwnerUrl(@TiCdcUrl String url) {
      assertThat(atBeforeAll).isEqualTo(url);
      assertThat(System.getProperty("ticdc.test.url")).isEqualTo(url);
    }
  }

  @Test
  void pdEndpointsAndClusterIdConfigureTheServer() {
    assertAllPassed(EngineKit.run(ServerSettingsTestCase.class), 1);
  }

  @EngineKit.Fixture
  @TiCdcServer(pdEndpoints = "https://127.0.0.1:2579", clusterId = "c1")
  static class ServerSettingsTestCase {
    @Test
    void seesTheSettings(FakeCluster cluster) {
      assertThat(cluster.pdEndpoints()).containsExactly("https://127.0.0.1:2579");
      assertThat(cluster.clusterId()).isEqualTo("c1");
      assertThat(cluster.captures()).allMatch(c -> c.clusterId().equals("c1"));
    }
  }
}
