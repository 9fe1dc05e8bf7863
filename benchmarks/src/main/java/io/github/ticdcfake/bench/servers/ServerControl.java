package io.github.ticdcfake.bench.servers;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * The stdin/stdout protocol between the side-by-side driver and a server JVM, JDK only so it fits
 * every server's classpath: the server prints {@code READY <threads before> <threads after>} once
 * it serves, then answers {@code stats} with {@code STATS <heap used after GC> <live threads>} and
 * stops on {@code quit} or end of input.
 */
public final class ServerControl {
  private ServerControl() {}

  /** Live threads now. */
  public static int threads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /** Heap in use after a few full collections (what is retained, not what is allocated). */
  public static long retainedHeap() {
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Announces readiness and serves the protocol until told to stop; then runs {@code stop}. */
  public static void serve(int threadsBefore, AutoCloseable stop) throws Exception {
    System.out.println("READY " + threadsBefore + " " + threads());
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.equals("stats")) {
        long heap = retainedHeap();
        System.out.println("STATS " + heap + " " + threads());
        System.out.flush();
      } else if (line.equals("quit")) {
        break;
      }
    }
    stop.close();
    System.exit(0);
  }

  /** {@code --name value} from args, or the default. */
  public static String arg(String[] args, String name, String dflt) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return dflt;
  }
}
