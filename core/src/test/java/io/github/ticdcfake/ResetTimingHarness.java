package io.github.ticdcfake;

import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.fault.Fault;
import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.Operation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-run measurement of reset time for a small cluster (3 captures, 3 tables, 5 changefeeds, 2
 * fault rules, a dirty journal); not a test. Prints median and p99 of {@code cluster.reset()} and
 * of a {@code POST /__fake/reset} round trip.
 */
public final class ResetTimingHarness {
  private ResetTimingHarness() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().captures(3).start()) {
      FakeCluster cluster = server.cluster();
      for (String t : List.of("a", "b", "c")) {
        cluster.addUpstreamTable("test", t, 0, List.of("id"), List.of("id"));
      }
      for (int i = 0; i < 5; i++) {
        cluster.createChangefeed(
            ChangefeedSpec.builder().changefeedId("cf-" + i).sinkUri("blackhole://").build());
      }
      cluster
          .faults()
          .add(FaultRule.on(Operation.PAUSE_CHANGEFEED).times(2).inject(Fault.status(500, "")));
      cluster
          .faults()
          .add(FaultRule.onAnyOperation().withProbability(0.01, 1).inject(Fault.status(503, "")));
      cluster.markInitialState();

      long[] direct = new long[rounds];
      for (int i = 0; i < rounds; i++) {
        dirty(cluster);
        long start = System.nanoTime();
        cluster.reset();
        direct[i] = System.nanoTime() - start;
      }

      HttpClient client = HttpClient.newHttpClient();
      URI reset = server.url().resolve("/__fake/reset");
      HttpRequest request =
          HttpRequest.newBuilder(reset).POST(HttpRequest.BodyPublishers.noBody()).build();
      long[] http = new long[rounds / 4];
      for (int i = 0; i < http.length; i++) {
        dirty(cluster);
        long start = System.nanoTime();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        http[i] = System.nanoTime() - start;
        if (response.statusCode() != 200) {
          throw new IllegalStateException("reset answered " + response.statusCode());
        }
      }
      report("cluster.reset()", direct);
      report("POST /__fake/reset (round trip)", http);
    }
  }

  private static void dirty(FakeCluster cluster) {
    cluster.forceState("default", "cf-1", ChangefeedState.FAILED, null);
    cluster.removeChangefeed("default", "cf-2");
    cluster.resignOwner();
  }

  private static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    long[] warm = Arrays.copyOfRange(sorted, 0, sorted.length); // all rounds, sorted
    System.out.printf(
        "%-34s n=%d median=%.1f us p99=%.1f us max=%.1f us%n",
        what,
        warm.length,
        warm[warm.length / 2] / 1000.0,
        warm[(int) (warm.length * 0.99)] / 1000.0,
        warm[warm.length - 1] / 1000.0);
  }
}
