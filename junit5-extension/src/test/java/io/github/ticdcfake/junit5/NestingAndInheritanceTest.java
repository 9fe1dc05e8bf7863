package io.github.ticdcfake.junit5;

import static io.github.ticdcfake.junit5.EngineKit.assertAllPassed;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.FakeCluster;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NestingAndInheritanceTest {
  static final Map<String, FakeTiCdcServer> seen = new ConcurrentHashMap<>();

  @BeforeEach
  void forgetWhatFixturesSaw() {
    seen.clear();
  }

  @Test
  void nestedClassesTwoLevelsDeepShareTheEnclosingCluster() {
    assertAllPassed(EngineKit.run(NestedTestCase.class), 3);

    assertThat(seen).containsOnlyKeys("outer", "inner", "innermost");
    assertThat(seen.values()).allSatisfy(s -> assertThat(s).isSameAs(seen.get("outer")));
    assertThat(seen.get("outer").cluster().captures()).hasSize(2);
  }

  @EngineKit.Fixture
  @TiCdcServer(captures = 2)
  static class NestedTestCase {
    @Test
    void outer(FakeTiCdcServer server) {
      seen.put("outer", server);
    }

    @Nested
    class Inner {
      @Test
      void inner(FakeTiCdcServer server) {
        seen.put("inner", server);
      }

      @Nested
      class Innermost {
        @BeforeEach
        void beforeEach(FakeCluster cluster) {
          assertThat(cluster.changefeeds()).isEmpty();
        }

        @Test
        void innermost(FakeTiCdcServer server) {
          seen.put("innermost", server);
        }
      }
    }
  }

  @Test
  void nestedClassesShareAStaticFieldsCluster() {
    assertAllPassed(EngineKit.run(NestedStaticFieldTestCase.class), 2);

    assertThat(seen.get("inner")).isSameAs(seen.get("outer"));
  }

  @EngineKit.Fixture
  static class NestedStaticFieldTestCase {
    @RegisterExtension static final TiCdcExtension ticdc = TiCdcExtension.builder().build();

    @Test
    void outer(FakeTiCdcServer server) {
      seen.put("outer", server);
    }

    @Nested
    class Inner {
      @Test
      void inner(FakeTiCdcServer server) {
        seen.put("inner", server);
      }
    }
  }

  @Test
  void nestedClassWithItsOwnAnnotationGetsItsOwnCluster() {
    assertAllPassed(EngineKit.run(NestedOwnAnnotationTestCase.class), 2);

    assertThat(seen.get("inner")).isNotSameAs(seen.get("outer"));
    assertThat(seen.get("outer").cluster().captures()).hasSize(1);
    assertThat(seen.get("inner").cluster().captures()).hasSize(3);
  }

  @EngineKit.Fixture
  @TiCdcServer
  static class NestedOwnAnnotationTestCase {
    @Test
    void outer(FakeTiCdcServer server) {
      seen.put("outer", server);
    }

    @Nested
    @TiCdcServer(captures = 3)
    class Inner {
      @Test
      void inner(FakeTiCdcServer server) {
        seen.put("inner", server);
      }
    }
  }

  @Test
  void annotationOnAnAbstractBaseClassServesEverySubclass() {
    assertAllPassed(EngineKit.run(FirstSubclassTestCase.class, SecondSubclassTestCase.class), 2);

    assertThat(seen).containsOnlyKeys("FirstSubclassTestCase", "SecondSubclassTestCase");
    assertThat(seen.get("FirstSubclassTestCase")).isNotSameAs(seen.get("SecondSubclassTestCase"));
    assertThat(List.copyOf(seen.values()))
        .allSatisfy(s -> assertThat(s.cluster().captures()).hasSize(2));
  }

  @EngineKit.Fixture
  @TiCdcServer(captures = 2)
  abstract static class AnnotatedBase {
    FakeTiCdcServer server;

    @BeforeEach
    void keep(FakeTiCdcServer server) {
      this.server = server;
    }

    @Test
    void recordsItsServer(FakeTiCdcServer server) {
      assertThat(server).isSameAs(this.server);
      seen.put(getClass().getSimpleName(), server);
    }
  }

  static class FirstSubclassTestCase extends AnnotatedBase {}

  static class SecondSubclassTestCase extends AnnotatedBase {}

  @Test
  void staticFieldInABaseClassGivesEverySubclassItsOwnCluster() {
    assertAllPassed(
        EngineKit.run(FirstFieldSubclassTestCase.class, SecondFieldSubclassTestCase.class), 2);

    assertThat(seen.get("FirstFieldSubclassTestCase"))
        .isNotSameAs(seen.get("SecondFieldSubclassTestCase"));
  }

  @EngineKit.Fixture
  abstract static class FieldBase {
    @RegisterExtension static final TiCdcExtension ticdc = TiCdcExtension.builder().build();

    @Test
    void recordsItsServer(FakeTiCdcServer server) {
      seen.put(getClass().getSimpleName(), server);
    }
  }

  static class FirstFieldSubclassTestCase extends FieldBase {}

  static class SecondFieldSubclassTestCase extends FieldBase {}
}
