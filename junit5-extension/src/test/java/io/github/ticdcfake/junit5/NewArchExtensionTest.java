package io.github.ticdcfake.junit5;

import static io.github.ticdcfake.junit5.EngineKit.assertAllPassed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The new architecture through the extension: {@code @TiCdcServer(newarch = true)} and {@code
 * TiCdcExtension.builder().newArchitecture()} serve pingcap/ticdc v26.3.4's API, the failure report
 * and the reset between tests work there, and a classic version next to {@code newarch} is refused.
 */
class NewArchExtensionTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  static String body(URI base, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /**
   * What a new-architecture server looks like over HTTP: v26.3.4 and its commit in {@code
   * /api/v2/status}, {@code get_all_tables} served, the classic-only {@code meta_info} and v2 drain
   * routes 404 (pingcap/ticdc api/v2/api.go@v26.3.4).
   */
  static void assertServesTheNewArchitecture(FakeCluster cluster, URI url) throws Exception {
    assertThat(cluster.version()).isEqualTo(TiCdcVersion.V26_3_NEWARCH);
    assertThat(body(url, "/api/v2/status"))
        .contains("\"version\": \"v26.3.4\"")
        .contains("\"git_hash\": \"" + TiCdcVersion.V26_3_NEWARCH.gitHash() + "\"");
    assertThat(EngineKit.get(url, "/api/v2/changefeeds/cf-1/meta_info")).isEqualTo(404);
    HttpRequest drain =
        HttpRequest.newBuilder(
                URI.create(url + "/api/v2/captures/" + cluster.captures().get(0).id() + "/drain"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    assertThat(HTTP.send(drain, HttpResponse.BodyHandlers.discarding()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void annotationWithNewarchServesTheNewArchitecture() {
    assertAllPassed(EngineKit.run(AnnotationTestCase.class), 1);
  }

  @EngineKit.Fixture
  @TiCdcServer(newarch = true)
  static class AnnotationTestCase {
    @Test
    void servesV2634(FakeCluster cluster, @TiCdcUrl URI url) throws Exception {
      assertServesTheNewArchitecture(cluster, url);
    }
  }

  @Test
  void builderWithNewArchitectureServesTheNewArchitecture() {
    assertAllPassed(EngineKit.run(BuilderTestCase.class), 1);
  }

  @EngineKit.Fixture
  static class BuilderTestCase {
    @RegisterExtension
    static final TiCdcExtension ticdc =
        TiCdcExtension.builder().captures(2).newArchitecture().build();

    @Test
    void servesV2634(FakeCluster cluster, @TiCdcUrl URI url) throws Exception {
      assertServesTheNewArchitecture(cluster, url);
      assertThat(cluster.captures()).hasSize(2);
    }
  }

  @Test
  void classicServerAnswersTheClassicOnlyRouteTheNewArchitectureLacks() {
    assertAllPassed(EngineKit.run(ClassicTestCase.class), 1);
  }

  @EngineKit.Fixture
  @TiCdcServer
  static class ClassicTestCase {
    @Test
    void servesV854(FakeCluster cluster, @TiCdcUrl URI url) throws Exception {
      cluster.createChangefeed(
          ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
      assertThat(body(url, "/api/v2/status")).contains("\"version\": \"v8.5.4\"");
      assertThat(EngineKit.get(url, "/api/v2/changefeeds/cf-1/meta_info")).isEqualTo(200);
    }
  }

  static volatile FakeCluster lastCluster;

  @Test
  void failureReportShowsTheNewArchitecturesKeyspaceAndMaintainer() {
    EngineExecutionResults results = EngineKit.run(FailingNewArchTestCase.class);

    Throwable failure = EngineKit.onlyFailure(results);
    assertThat(failure).hasMessageContaining("the client saw no maintainer");
    assertThat(failure.getSuppressed()).hasSize(1);
    String report = failure.getSuppressed()[0].getMessage();
    Capture coordinator = lastCluster.owner().orElseThrow();
    String maintainer = lastCluster.maintainerTables().maintainerOf("cf-1");
    Capture maintainerCapture = lastCluster.capture(maintainer).orElseThrow();
    assertThat(report)
        .startsWith("ticdc-fake state when seesMaintainer(FakeCluster, URI) failed:")
        .contains("TiCDC v26.3.4 (new architecture), cluster id default")
        .contains("captures (2):")
        .contains(coordinator.id() + "  " + coordinator.address() + "  coordinator")
        .contains("changefeeds (1):")
        .contains("default/cf-1  normal  checkpoint ")
        .contains("maintainer " + maintainerCapture.address())
        .contains("POST /api/v2/changefeeds -> 200");
    assertThat(report).doesNotContain("  owner");
  }

  @EngineKit.Fixture
  static class FailingNewArchTestCase {
    @RegisterExtension
    static final TiCdcExtension ticdc =
        TiCdcExtension.builder().captures(2).newArchitecture().build();

    @Test
    void seesMaintainer(FakeCluster cluster, @TiCdcUrl URI url) throws Exception {
      lastCluster = cluster;
      HttpRequest create =
          HttpRequest.newBuilder(URI.create(url + "/api/v2/changefeeds"))
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}"))
              .build();
      HTTP.send(create, HttpResponse.BodyHandlers.discarding());
      fail("the client saw no maintainer");
    }
  }

  @Test
  void resetBeforeEachClearsTheNewArchitecturesState() {
    assertAllPassed(EngineKit.run(ResetTestCase.class), 2);
  }

  @EngineKit.Fixture
  @TiCdcServer(newarch = true, captures = 2)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ResetTestCase {
    @Test
    @Order(1)
    void changesEverything(FakeCluster cluster) {
      cluster.createChangefeed(
          ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
      String second = cluster.captures().get(1).id();
      cluster.electOwner(second);
      cluster.setRedactMode(second, "marker");
      cluster.killCapture(cluster.captures().get(0).id());
    }

    @Test
    @Order(2)
    void startsFromScratchInTheNewArchitecture(FakeCluster cluster, @TiCdcUrl URI url)
        throws Exception {
      assertThat(cluster.version()).isEqualTo(TiCdcVersion.V26_3_NEWARCH);
      assertThat(cluster.changefeeds()).isEmpty();
      assertThat(cluster.liveCaptures()).hasSize(2);
      assertThat(cluster.owner()).hasValue(cluster.captures().get(0));
      assertThat(cluster.redactMode(cluster.captures().get(1).id())).isEqualTo("OFF");
      assertThat(url).isEqualTo(URI.create("http://" + cluster.captures().get(0).address()));
      assertThat(body(url, "/api/v2/changefeeds")).contains("\"total\":0");
    }
  }

  @Test
  void newarchWithVersion73FailsTheClassNamingTheFix() {
    Throwable failure = EngineKit.onlyFailure(EngineKit.run(NewArchV73TestCase.class));

    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("@TiCdcServer on " + NewArchV73TestCase.class.getName())
        .hasMessageContaining("newarch = true cannot be combined with version = \"7.3\"")
        .hasMessageContaining("TiCDC v7.3 has no new architecture")
        .hasMessageContaining("drop version or give version = \"v26.3.4\"");
  }

  @EngineKit.Fixture
  @TiCdcServer(newarch = true, version = "7.3")
  static class NewArchV73TestCase {
    @Test
    void test() {}
  }

  @Test
  void newarchWithVersion85FailsTheClassToo() {
    Throwable failure = EngineKit.onlyFailure(EngineKit.run(NewArchV85TestCase.class));

    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("newarch = true cannot be combined with version = \"v8.5\"")
        .hasMessageContaining("drop version or give version = \"v26.3.4\"");
  }

  @EngineKit.Fixture
  @TiCdcServer(newarch = true, version = "v8.5")
  static class NewArchV85TestCase {
    @Test
    void test() {}
  }

  @Test
  void newarchWithItsOwnVersionIsAccepted() {
    assertAllPassed(EngineKit.run(NewArchOwnVersionTestCase.class), 1);
  }

  @EngineKit.Fixture
  @TiCdcServer(newarch = true, version = "v26.3.4")
  static class NewArchOwnVersionTestCase {
    @Test
    void servesV2634(FakeTiCdcServer server) throws Exception {
      assertServesTheNewArchitecture(server.cluster(), server.url());
    }
  }
}
