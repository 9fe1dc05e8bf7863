package io.github.ticdcfake.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.FakeCluster;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Misuse fails fast with an {@link ExtensionConfigurationException} that names the fix. */
class MisuseTest {

  @Test
  void zeroCapturesFailsTheClassNamingTheFix() {
    Throwable failure = EngineKit.onlyFailure(EngineKit.run(NoCapturesTestCase.class));

    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("@TiCdcServer on " + NoCapturesTestCase.class.getName())
        .hasMessageContaining("captures = 0 cannot work")
        .hasMessageContaining("use captures = 1 or more");
  }

  @EngineKit.Fixture
  @TiCdcServer(captures = 0)
  static class NoCapturesTestCase {
    @Test
    void test() {}
  }

  @Test
  void zeroCapturesInTheBuilderFailsAtBuild() {
    assertThatThrownBy(() -> TiCdcExtension.builder().captures(0).build())
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("captures = 0 cannot work");
  }

  @Test
  void unreadableScenarioFailsTheClassNamingTheFix() {
    Throwable failure = EngineKit.onlyFailure(EngineKit.run(ScenarioTestCase.class));

    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("cannot read scenario = \"missing-seed.json\"")
        .hasMessageContaining("name a classpath resource");
    assertThatThrownBy(() -> TiCdcExtension.builder().scenario("missing-seed.json").build())
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("cannot read scenario");
  }

  @EngineKit.Fixture
  @TiCdcServer(scenario = "missing-seed.json")
  static class ScenarioTestCase {
    @Test
    void test() {}
  }

  @Test
  void unsupportedVersionNamesTheSupportedOnes() {
    Throwable failure = EngineKit.onlyFailure(EngineKit.run(OldVersionTestCase.class));

    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("unsupported TiCDC version 'v4.0'")
        .hasMessageContaining("supported: v7.3.0, v8.5.4")
        .hasMessageContaining("fix version = \"v4.0\"");
  }

  @EngineKit.Fixture
  @TiCdcServer(version = "v4.0")
  static class OldVersionTestCase {
    @Test
    void test() {}
  }

  @Test
  void annotationAndStaticFieldTogetherFailNamingBoth() {
    Throwable failure = EngineKit.onlyFailure(EngineKit.run(AnnotationAndFieldTestCase.class));

    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("Two ticdc-fake registrations apply to")
        .hasMessageContaining("@TiCdcServer on " + AnnotationAndFieldTestCase.class.getName())
        .hasMessageContaining("a @RegisterExtension TiCdcExtension field (a static field)")
        .hasMessageContaining("Keep exactly one");
  }

  @EngineKit.Fixture
  @TiCdcServer
  static class AnnotationAndFieldTestCase {
    @RegisterExtension static final TiCdcExtension ticdc = TiCdcExtension.builder().build();

    @Test
    void test() {}
  }

  @Test
  void staticAndInstanceFieldsTogetherFailNamingBoth() {
    Throwable failure = EngineKit.onlyFailure(EngineKit.run(StaticAndInstanceTestCase.class));

    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(
            "apply to "
                + StaticAndInstanceTestCase.class.getName()
                + ".test(): a @RegisterExtension")
        .hasMessageContaining("(serving class MisuseTest$StaticAndInstanceTestCase)")
        .hasMessageContaining("(an instance field)")
        .hasMessageContaining("Keep exactly one");
  }

  @EngineKit.Fixture
  static class StaticAndInstanceTestCase {
    @RegisterExtension static final TiCdcExtension perClass = TiCdcExtension.builder().build();
    @RegisterExtension final TiCdcExtension perTest = TiCdcExtension.builder().build();

    @Test
    void test(FakeCluster cluster) {}
  }

  @Test
  void tiCdcUrlOnAnotherTypeNamesTheSupportedTypes() {
    Throwable failure = EngineKit.onlyFailure(EngineKit.run(WrongUrlTypeTestCase.class));

    assertThat(failure.getCause())
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("@TiCdcUrl marks a java.net.URI or String parameter")
        .hasMessageContaining("WrongUrlTypeTestCase.test(URL)")
        .hasMessageContaining("is a java.net.URL; change its type");
  }

  @EngineKit.Fixture
  @TiCdcServer
  static class WrongUrlTypeTestCase {
    @Test
    void test(@TiCdcUrl URL url) {}
  }

  @Test
  void parametersWithoutTheExtensionAreLeftToOtherResolvers() {
    Throwable failure = EngineKit.onlyFailure(EngineKit.run(NoExtensionTestCase.class));

    assertThat(failure).hasMessageContaining("No ParameterResolver registered for parameter");
  }

  @EngineKit.Fixture
  static class NoExtensionTestCase {
    @Test
    void test(FakeTiCdcServer server) {}
  }

  @Test
  void badPdEndpointsAndClusterIdFailTheClassNamingTheFix() {
    assertThat(EngineKit.onlyFailure(EngineKit.run(BadPdTestCase.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("pdEndpoints = \"127.0.0.1:2379\" is not a PD endpoint")
        .hasMessageContaining("\"https://127.0.0.1:2579\"");
    assertThat(EngineKit.onlyFailure(EngineKit.run(BadClusterIdTestCase.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("clusterId = \"my_cluster\" is not a TiCDC cluster id");
  }

  @EngineKit.Fixture
  @TiCdcServer(pdEndpoints = "127.0.0.1:2379")
  static class BadPdTestCase {
    @Test
    void test() {}
  }

  @EngineKit.Fixture
  @TiCdcServer(clusterId = "my_cluster")
  static class BadClusterIdTestCase {
    @Test
    void test() {}
  }
}
