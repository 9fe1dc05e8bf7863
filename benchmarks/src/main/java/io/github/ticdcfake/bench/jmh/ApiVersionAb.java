package io.github.ticdcfake.bench.jmh;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.bench.load.RawHttp;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A/B of the same request through {@code /api/v2} and {@code /api/v1}, interleaved request by
 * request on one keep-alive connection to an in-process fake with 10 changefeeds, so both see the
 * same machine load: the fairest comparison on a busy box, where separate timed runs of each are
 * not.
 *
 * <p>Usage: {@code ApiVersionAb [pairs=200000] [warmup=50000]}; prints p50/p99/mean per route and
 * each route's throughput as requests per second of time spent on it.
 */
public final class ApiVersionAb {
  private ApiVersionAb() {}

  public static void main(String[] args) throws IOException {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    String[][] routes = {
      {"/api/v2/changefeeds/cf-1", "/api/v1/changefeeds/cf-1"},
      {"/api/v2/status", "/api/v1/status"},
      {"/api/v2/changefeeds", "/api/v1/changefeeds"},
    };
    try (FakeTiCdcServer server = Fixtures.fakeWith(1, 10);
        RawHttp client = new RawHttp("127.0.0.1", server.url().getPort())) {
      for (String[] pair : routes) {
        byte[] a = Fixtures.get(server, pair[0]);
        byte[] b = Fixtures.get(server, pair[1]);
        for (int i = 0; i < warmup; i++) {
          Fixtures.ok(client, a);
          Fixtures.ok(client, b);
        }
        long[] ta = new long[pairs];
        long[] tb = new long[pairs];
        for (int i = 0; i < pairs; i++) {
          // alternate which goes first so neither always follows the other
          boolean aFirst = (i & 1) == 0;
          long t0 = System.nanoTime();
          Fixtures.ok(client, aFirst ? a : b);
          long t1 = System.nanoTime();
          Fixtures.ok(client, aFirst ? b : a);
          long t2 = System.nanoTime();
          (aFirst ? ta : tb)[i] = t1 - t0;
          (aFirst ? tb : ta)[i] = t2 - t1;
        }
        report(pair[0], ta);
        report(pair[1], tb);
      }
    }
  }

  private static void report(String route, long[] nanos) {
    long total = 0;
    for (long n : nanos) {
      total += n;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-28s p50 %7.1f µs  p99 %8.1f µs  mean %7.1f µs  %8.0f req/s (of time spent on it)%n",
        route,
        sorted[sorted.length / 2] / 1e3,
        sorted[(int) (sorted.length * 0.99)] / 1e3,
        total / 1e3 / nanos.length,
        nanos.length / (total / 1e9));
  }
}
