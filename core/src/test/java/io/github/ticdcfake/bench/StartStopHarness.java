package io.github.ticdcfake.bench;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.FakeCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Hand-run measurement of per-test costs (not a unit test; no wall-clock assertions anywhere): warm
 * start + first request + stop, and {@code reset()}.
 *
 * <pre>
 * mvn -B -q -pl core test-compile && java -cp "core/target/classes:core/target/test-classes:$(cat /tmp/cp)" \
 *   io.github.ticdcfake.bench.StartStopHarness
 * </pre>
 */
public final class StartStopHarness {
  private StartStopHarness() {}

  public static void main(String[] args) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (int captures : new int[] {1, 3}) {
      for (int i = 0; i < 300; i++) {
        startRequestStop(client, captures); // warm up
      }
      long[] samples = new long[500];
      for (int i = 0; i < samples.length; i++) {
        long t0 = System.nanoTime();
        startRequestStop(client, captures);
        samples[i] = System.nanoTime() - t0;
      }
      report("warm start + first request + stop, " + captures + " capture(s)", samples);
    }
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().start()) {
      FakeCluster cluster = server.cluster();
      long[] samples = new long[20_000];
      for (int i = 0; i < samples.length; i++) {
        cluster.createChangefeed(
            ChangefeedSpec.builder().changefeedId("cf-" + (i % 3)).sinkUri("blackhole://").build());
        long t0 = System.nanoTime();
        cluster.reset();
        samples[i] = System.nanoTime() - t0;
      }
      report("reset() of a small cluster", samples);
    }
  }

  private static void startRequestStop(HttpClient client, int captures) throws Exception {
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().captures(captures).start()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(server.url() + "/api/v2/status")).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("status " + response.statusCode());
      }
    }
  }

  private static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-50s p50 %8.3f ms  p90 %8.3f ms  p99 %8.3f ms%n",
        what,
        sorted[sorted.length / 2] / 1e6,
        sorted[sorted.length * 9 / 10] / 1e6,
        sorted[sorted.length * 99 / 100] / 1e6);
  }
}
