package io.github.ticdcfake.bench.load;

import io.github.ticdcfake.FakeTiCdcServer;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Threads a cluster adds (1 and 3 captures; all are gone after close) and core's runtime classpath
 * ({@code target/cp-fake.txt}: core and its runtime dependencies). Run on the fake's classpath.
 */
public final class Footprint {
  private Footprint() {}

  public static void main(String[] args) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int captures : new int[] {1, 3}) {
      int before = mx.getThreadCount();
      FakeTiCdcServer server = FakeTiCdcServer.builder().captures(captures).start();
      int running = mx.getThreadCount();
      server.close();
      Thread.sleep(200);
      System.out.printf(
          "threads per cluster, %d capture(s): %d while running, %d left after close%n",
          captures, running - before, mx.getThreadCount() - before);
    }
    Path cpFile = Path.of(args.length > 0 ? args[0] : "benchmarks/target/cp-fake.txt");
    long jars = 0;
    long bytes = 0;
    for (String entry : Files.readString(cpFile).trim().split(File.pathSeparator)) {
      jars++;
      bytes += Files.size(Path.of(entry));
      System.out.println("  " + Path.of(entry).getFileName() + " " + Files.size(Path.of(entry)));
    }
    System.out.printf("core runtime classpath: %d jars, %.2f MB%n", jars, bytes / 1048576.0);
    System.exit(0);
  }
}
