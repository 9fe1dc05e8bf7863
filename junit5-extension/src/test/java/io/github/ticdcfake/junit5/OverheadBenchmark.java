package io.github.ticdcfake.junit5;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.FakeCluster;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Measures what the extension costs per test; run by hand, not part of the test suite.
 *
 * <pre>
 * mvn -B -q -o -pl junit5-extension -am package -DskipTests \
 *     dependency:build-classpath -Dmdep.outputFile=/tmp/junit5-cp.txt
 * java -Dorg.jboss.logging.provider=slf4j \
 *     -cp junit5-extension/target/test-classes:junit5-extension/target/classes:core/target/classes:$(cat /tmp/junit5-cp.txt) \
 *     io.github.ticdcfake.junit5.OverheadBenchmark
 * </pre>
 */
public final class OverheadBenchmark {
  static final int REPETITIONS = 500;

  private OverheadBenchmark() {}

  public static void main(String[] args) {
    System.out.println(
        "JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cpus");
    for (int captures : new int[] {1, 3}) {
      measure("warm start+stop, " + captures + " capture(s)", 300, 1000, () -> startStop(captures));
    }
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().start()) {
      measure("reset(), empty cluster", 2000, 20000, server::reset);
    }
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().captures(3).start()) {
      FakeCluster cluster = server.cluster();
      for (int i = 0; i < 10; i++) {
        cluster.createChangefeed(spec("seed-" + i));
      }
      cluster.markInitialState();
      measure("reset(), 3 captures, 10 seeded changefeeds", 2000, 20000, server::reset);
      measure(
          "create 1 changefeed + reset(), 3 captures, 10 seeded changefeeds",
          2000,
          20000,
          () -> {
            cluster.createChangefeed(spec("extra"));
            server.reset();
          });
    }
    // End to end through the engine: the same 500 empty tests with and without the extension.
    for (int round = 0; round < 8; round++) {
      long plain = engine(PlainTestCase.class);
      long shared = engine(SharedClusterTestCase.class);
      long perTest = engine(ClusterPerTestTestCase.class);
      System.out.printf(
          "engine round %d: %d tests; per test: plain %.1f us, @TiCdcServer (reset) +%.1f us,"
              + " instance field (start+stop) +%.1f us%n",
          round,
          REPETITIONS,
          plain / 1e3 / REPETITIONS,
          (shared - plain) / 1e3 / REPETITIONS,
          (perTest - plain) / 1e3 / REPETITIONS);
    }
  }

  private static ChangefeedSpec spec(String id) {
    return ChangefeedSpec.builder().changefeedId(id).sinkUri("blackhole://").build();
  }

  private static void startStop(int captures) {
    FakeTiCdcServer.builder().captures(captures).start().close();
  }

  private static void measure(String what, int warmup, int runs, Runnable action) {
    for (int i = 0; i < warmup; i++) {
      action.run();
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      action.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%-66s median %8.1f us  p90 %8.1f us  mean %8.1f us  (n=%d)%n",
        what,
        nanos[runs / 2] / 1e3,
        nanos[runs * 9 / 10] / 1e3,
        Arrays.stream(nanos).average().orElse(0) / 1e3,
        runs);
  }

  private static long engine(Class<?> fixture) {
    long start = System.nanoTime();
    EngineExecutionResults results = EngineKit.run(Map.of(), fixture);
    long elapsed = System.nanoTime() - start;
    if (results.testEvents().succeeded().count() != REPETITIONS) {
      throw new IllegalStateException(fixture + ": " + EngineKit.failures(results));
    }
    return elapsed;
  }

  @EngineKit.Fixture
  static class PlainTestCase {
    @RepeatedTest(REPETITIONS)
    void test() {}
  }

  @EngineKit.Fixture
  @TiCdcServer
  static class SharedClusterTestCase {
    @RepeatedTest(REPETITIONS)
    void test(FakeCluster cluster) {}
  }

  @EngineKit.Fixture
  static class ClusterPerTestTestCase {
    @RegisterExtension final TiCdcExtension ticdc = TiCdcExtension.builder().build();

    @RepeatedTest(REPETITIONS)
    void test(FakeCluster cluster) {}
  }
}
