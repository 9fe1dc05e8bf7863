package io.github.ticdcfake.bench.load;

import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.internal.json.Json;
import io.github.ticdcfake.internal.json.v2.ChangefeedCommonInfo;
import io.github.ticdcfake.internal.json.v2.ListResponse;
import io.github.ticdcfake.internal.json.v2.V2ViewFlavour;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * CPU time of one {@code GET /api/v2/changefeeds} split into its stages (domain walk under the
 * lock, views, JSON bytes), on one thread, so the figures hold up on a shared machine where
 * wall-clock latencies do not. Usage: {@code ListCost [--declared] [changefeeds...]} (default 1000
 * 10000); {@code --declared} renders through the wire records ({@code ChangefeedCommonInfo.from},
 * then {@code Json.compact}) as the list handler did before it wrote the body directly (views then
 * count under "views", otherwise the direct writer counts as "json").
 */
public final class ListCost {
  private ListCost() {}

  public static void main(String[] args) {
    boolean declared = args.length > 0 && args[0].equals("--declared");
    if (declared) {
      args = Arrays.copyOfRange(args, 1, args.length);
    }
    int[] sizes = args.length == 0 ? new int[] {1000, 10000} : parse(args);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int n : sizes) {
      FakeCluster cluster = FakeCluster.builder().seed(1).build();
      for (int i = 0; i < n; i++) {
        cluster.createChangefeed(
            ChangefeedSpec.builder().changefeedId("cf-" + i).sinkUri("blackhole://").build());
      }
      // As in a fake that has run a while (and in ListBench after its warm-up): once the clock is
      // past the 1.5 s checkpoint lag, changefeeds that advance together share one checkpoint.
      sleep(2_000);
      V2ViewFlavour flavour = V2ViewFlavour.of(cluster.version());
      ZoneId zone = cluster.clock().zone();
      int rounds = Math.max(50, 400_000 / n);
      long[] domain = new long[rounds];
      long[] views = new long[rounds];
      long[] json = new long[rounds];
      int bytes = 0;
      for (int warm = 0; warm < 2; warm++) {
        for (int r = 0; r < rounds; r++) {
          long t0 = mx.getCurrentThreadCpuTime();
          List<Changefeed> list = cluster.listChangefeeds("default", "");
          long t1 = mx.getCurrentThreadCpuTime();
          long t2 = t1;
          if (declared) {
            List<ChangefeedCommonInfo> items =
                list.stream().map(cf -> ChangefeedCommonInfo.from(cf, flavour, zone)).toList();
            t2 = mx.getCurrentThreadCpuTime();
            bytes = Json.compact(ListResponse.of(items)).length;
          } else {
            bytes = ChangefeedCommonInfo.compactList(list, flavour, zone).length;
          }
          long t3 = mx.getCurrentThreadCpuTime();
          domain[r] = t1 - t0;
          views[r] = t2 - t1;
          json[r] = t3 - t2;
        }
      }
      System.out.printf(
          "changefeeds=%d rounds=%d body=%d B  CPU medians: domain %.3f ms, views %.3f ms,"
              + " json %.3f ms, total %.3f ms%n",
          n,
          rounds,
          bytes,
          median(domain),
          median(views),
          median(json),
          median(domain) + median(views) + median(json));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }

  private static int[] parse(String[] args) {
    int[] sizes = new int[args.length];
    for (int i = 0; i < args.length; i++) {
      sizes[i] = Integer.parseInt(args[i]);
    }
    return sizes;
  }
}
