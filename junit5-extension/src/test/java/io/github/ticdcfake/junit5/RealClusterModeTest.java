package io.github.ticdcfake.junit5;

import static io.github.ticdcfake.junit5.EngineKit.assertAllPassed;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.FakeCluster;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** Real-cluster mode, pointed at a second fake that plays the real TiCDC. */
class RealClusterModeTest {
  static final List<String> seen = new CopyOnWriteArrayList<>();

  FakeTiCdcServer real;
  Map<String, String> realMode;

  @BeforeEach
  void startTheRealOne() {
    seen.clear();
    real = FakeTiCdcServer.builder().start();
    realMode = Map.of(TiCdcExtension.TARGET_PROPERTY, real.url() + "/");
  }

  @AfterEach
  void stopIt() {
    real.close();
  }

  @Test
  void urlResolvesToTheTargetAndNoFakeStarts() {
    assertAllPassed(EngineKit.run(realMode, UrlOnlyTestCase.class), 2);

    assertThat(seen).hasSize(4).containsOnly(real.url().toString());
  }

  @EngineKit.Fixture
  @TiCdcServer(captures = 3)
  static class UrlOnlyTestCase {
    UrlOnlyTestCase(@TiCdcUrl URI url) {
      seen.add(url.toString());
    }

    @Test
    void talksToTheTarget(@TiCdcUrl URI url) throws Exception {
      assertThat(EngineKit.get(url, "/api/v2/health")).isEqualTo(200);
      seen.add(url.toString());
    }

    @Test
    void getsTheUrlAsTextToo(@TiCdcUrl String url) {
      seen.add(url);
    }
  }

  @Test
  void theSameClassRunsAgainstTheFakeWithoutTheTarget() {
    assertAllPassed(EngineKit.run(UrlOnlyTestCase.class), 2);

    assertThat(seen).hasSize(4).doesNotContain(real.url().toString());
  }

  @Test
  void testsThatNeedTheFakeAreSkippedWithTheReason() {
    EngineExecutionResults results = EngineKit.run(realMode, MixedTestCase.class);

    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    List<Event> skipped = results.testEvents().skipped().list();
    assertThat(skipped).hasSize(2);
    assertThat(skipped)
        .map(event -> event.getPayload(String.class).orElseThrow())
        .allSatisfy(
            reason ->
                assertThat(reason)
                    .startsWith("Skipped in real-cluster mode: MixedTestCase.needs")
                    .contains("ticdc.fake.target=" + real.url()));
  }

  @EngineKit.Fixture
  @TiCdcServer
  static class MixedTestCase {
    @Test
    void needsOnlyTheUrl(@TiCdcUrl URI url) {}

    @Test
    void needsTheCluster(FakeCluster cluster) {}

    @Test
    void needsTheServer(FakeTiCdcServer server) {}
  }

  @Test
  void classWhoseLifecycleMethodsNeedTheFakeIsSkippedWhole() {
    EngineExecutionResults results = EngineKit.run(realMode, LifecycleNeedsFakeTestCase.class);

    assertThat(results.containerEvents().skipped().list())
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.getPayload(String.class).orElseThrow())
                    .contains("LifecycleNeedsFakeTestCase.seed(FakeCluster) needs the fake"));
    assertThat(results.testEvents().count()).isZero();
  }

  @EngineKit.Fixture
  @TiCdcServer
  static class LifecycleNeedsFakeTestCase {
    @BeforeEach
    void seed(FakeCluster cluster) {}

    @Test
    void test(@TiCdcUrl URI url) {}
  }

  @Test
  void askingForTheFakeWithoutTheSkipFailsNamingTheFix() {
    Map<String, String> withoutSkip =
        Map.of(
            TiCdcExtension.TARGET_PROPERTY,
            real.url().toString(),
            "junit.jupiter.conditions.deactivate",
            TiCdcExtension.class.getName());

    Throwable failure =
        EngineKit.onlyFailure(EngineKit.run(withoutSkip, NeedsClusterTestCase.class));

    assertThat(failure).isInstanceOf(ParameterResolutionException.class);
    assertThat(failure.getCause())
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("NeedsClusterTestCase.test(FakeCluster) asks for a FakeCluster")
        .hasMessageContaining("points at a real TiCDC, which has none")
        .hasMessageContaining("Unset ticdc.fake.target to run it against the fake");
  }

  @EngineKit.Fixture
  @TiCdcServer
  static class NeedsClusterTestCase {
    @Test
    void test(FakeCluster cluster) {}
  }

  @Test
  void urlPropertyPublishesTheTarget() {
    assertAllPassed(EngineKit.run(realMode, PropertyTestCase.class), 1);

    assertThat(System.getProperty("ticdc.test.real.url")).isNull();
  }

  @EngineKit.Fixture
  @TiCdcServer(urlProperty = "ticdc.test.real.url")
  static class PropertyTestCase {
    @Test
    void seesTheTarget(@TiCdcUrl String url) {
      assertThat(System.getProperty("ticdc.test.real.url")).isEqualTo(url);
    }
  }

  @Test
  void aTargetThatIsNoUrlFailsNamingTheExpectedForm() {
    Map<String, String> badTarget = Map.of(TiCdcExtension.TARGET_PROPERTY, "localhost:8300");

    Throwable failure = EngineKit.onlyFailure(EngineKit.run(badTarget, UrlOnlyTestCase.class));

    assertThat(EngineKit.messages(failure))
        .contains("ticdc.fake.target (or TICDC_FAKE_TARGET) must be the base URL of a real TiCDC")
        .contains("http://127.0.0.1:8300")
        .contains("\"localhost:8300\"");
  }
}
