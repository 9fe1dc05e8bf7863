package io.github.ticdcfake.bench.load;

import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.FakeCluster;
import java.lang.management.ManagementFactory;

/**
 * Retained heap per default changefeed: a cluster without listeners, before and after creating
 * {@code N} blackhole changefeeds (default 10 000), each measured after full GCs. Run on the fake's
 * classpath: {@code java -cp ... io.github.ticdcfake.bench.load.ChangefeedFootprint [N]}.
 */
public final class ChangefeedFootprint {
  private ChangefeedFootprint() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    FakeCluster cluster = FakeCluster.builder().seed(1).build();
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("warm-up").sinkUri("blackhole://").build());
    long before = retainedHeap();
    for (int i = 0; i < n; i++) {
      cluster.createChangefeed(
          ChangefeedSpec.builder().changefeedId("cf-" + i).sinkUri("blackhole://").build());
    }
    long after = retainedHeap();
    System.out.printf(
        "%d default changefeeds: %.2f MB retained, %d bytes per changefeed%n",
        n, (after - before) / 1048576.0, (after - before) / n);
    if (cluster.changefeeds().size() != n + 1) {
      throw new IllegalStateException("lost changefeeds");
    }
  }

  private static long retainedHeap() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
