package io.github.ticdcfake.junit5;

import static io.github.ticdcfake.junit5.EngineKit.assertAllPassed;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeTiCdcServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ParallelClassesTest {
  static final Map<String, FakeTiCdcServer> seen = new ConcurrentHashMap<>();
  static final Map<String, String> threads = new ConcurrentHashMap<>();

  /** Both classes wait here with their clusters started, so they provably overlap. */
  static volatile CyclicBarrier bothRunning;

  static final Map<String, String> PARALLEL =
      Map.of(
          "junit.jupiter.execution.parallel.enabled", "true",
          "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
          "junit.jupiter.execution.parallel.config.strategy", "fixed",
          "junit.jupiter.execution.parallel.config.fixed.parallelism", "2");

  @BeforeEach
  void reset() {
    seen.clear();
    threads.clear();
    bothRunning = new CyclicBarrier(2);
  }

  @Test
  void annotatedClassesRunningInParallelEachGetTheirOwnClusterOnTheirOwnPorts() {
    assertAllPassed(EngineKit.run(PARALLEL, FirstTestCase.class, SecondTestCase.class), 2);

    assertOwnClustersOnOwnPorts("FirstTestCase", "SecondTestCase");
  }

  @Test
  void subclassesOfOneStaticFieldRunningInParallelEachGetTheirOwnCluster() {
    assertAllPassed(
        EngineKit.run(PARALLEL, FirstFieldTestCase.class, SecondFieldTestCase.class), 2);

    assertOwnClustersOnOwnPorts("FirstFieldTestCase", "SecondFieldTestCase");
  }

  private static void assertOwnClustersOnOwnPorts(String first, String second) {
    assertThat(threads.get(first)).isNotEqualTo(threads.get(second));
    assertThat(seen.get(first).cluster()).isNotSameAs(seen.get(second).cluster());
    assertThat(seen.get(first).url().getPort()).isNotEqualTo(seen.get(second).url().getPort());
  }

  @EngineKit.Fixture
  @TiCdcServer(captures = 2)
  abstract static class AnnotatedBase {
    @BeforeAll
    static void waitForTheOtherClass() throws Exception {
      bothRunning.await(60, TimeUnit.SECONDS);
    }

    @Test
    void recordsItsServer(FakeTiCdcServer server) {
      seen.put(getClass().getSimpleName(), server);
      threads.put(getClass().getSimpleName(), Thread.currentThread().getName());
    }
  }

  static class FirstTestCase extends AnnotatedBase {}

  static class SecondTestCase extends AnnotatedBase {}

  @EngineKit.Fixture
  abstract static class FieldBase {
    @RegisterExtension static final TiCdcExtension ticdc = TiCdcExtension.builder().build();

    @BeforeAll
    static void waitForTheOtherClass() throws Exception {
      bothRunning.await(60, TimeUnit.SECONDS);
    }

    @Test
    void recordsItsServer(FakeTiCdcServer server) {
      seen.put(getClass().getSimpleName(), server);
      threads.put(getClass().getSimpleName(), Thread.currentThread().getName());
    }
  }

  static class FirstFieldTestCase extends FieldBase {}

  static class SecondFieldTestCase extends FieldBase {}
}
