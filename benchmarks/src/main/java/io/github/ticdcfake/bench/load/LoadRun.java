package io.github.ticdcfake.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One time- and count-bounded load loop: {@code conns} client threads, each on its own keep-alive
 * connection (or a new connection per request), timing every request from write to last byte.
 */
public final class LoadRun {
  /** What a run measured; latencies in microseconds. */
  public record Result(
      long requests,
      double seconds,
      double perSecond,
      double p50,
      double p99,
      double p999,
      double max,
      long stallsOver30ms,
      long errors) {}

  private LoadRun() {}

  /**
   * Runs until {@code seconds} pass or {@code maxRequests} complete. {@code requests} are sent
   * round robin per thread; every answer must carry {@code expectStatus}.
   */
  public static Result run(
      int port,
      List<byte[]> requests,
      int expectStatus,
      int conns,
      boolean newConnectionEach,
      double seconds,
      long maxRequests)
      throws InterruptedException {
    int perThread = (int) Math.min(maxRequests / conns, 4_000_000);
    long[][] samples = new long[conns][];
    int[] counts = new int[conns];
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    long[] ends = new long[conns];
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < conns; t++) {
      int id = t;
      samples[t] = new long[Math.min(perThread, 1 << 16)];
      Thread thread =
          new Thread(
              () -> {
                long[] mine = samples[id];
                int n = 0;
                int r = id;
                RawHttp client = null;
                try {
                  while (n < perThread) {
                    long t0 = System.nanoTime();
                    if (t0 >= deadline) {
                      break;
                    }
                    byte[] request = requests.get(r++ % requests.size());
                    int status;
                    if (newConnectionEach) {
                      try (RawHttp once = new RawHttp("127.0.0.1", port)) {
                        status = once.exchange(request, false);
                      }
                    } else {
                      if (client == null) {
                        client = new RawHttp("127.0.0.1", port);
                      }
                      status = client.exchange(request, false);
                    }
                    long t1 = System.nanoTime();
                    if (status != expectStatus) {
                      errors.incrementAndGet();
                    }
                    if (n == mine.length) {
                      mine = Arrays.copyOf(mine, Math.min(perThread, mine.length * 2));
                      samples[id] = mine;
                    }
                    mine[n++] = t1 - t0;
                  }
                } catch (IOException e) {
                  errors.incrementAndGet();
                  System.err.println("load thread " + id + ": " + e);
                } finally {
                  counts[id] = n;
                  ends[id] = System.nanoTime();
                  if (client != null) {
                    try {
                      client.close();
                    } catch (IOException ignored) {
                      // closing
                    }
                  }
                }
              },
              "load-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long end = Arrays.stream(ends).max().orElse(start);
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int k = 0;
    for (int t = 0; t < conns; t++) {
      System.arraycopy(samples[t], 0, all, k, counts[t]);
      k += counts[t];
    }
    Arrays.sort(all);
    long stalls = Arrays.stream(all).filter(v -> v > 30_000_000L).count();
    double secs = (end - start) / 1e9;
    return new Result(
        total,
        secs,
        total / secs,
        pct(all, 0.50),
        pct(all, 0.99),
        pct(all, 0.999),
        total == 0 ? 0 : all[total - 1] / 1e3,
        stalls,
        errors.get());
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e3;
  }
}
