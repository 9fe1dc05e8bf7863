package io.github.ticdcfake;

import io.github.ticdcfake.fault.Journal;
import io.github.ticdcfake.fault.RecordedRequest;
import io.github.ticdcfake.internal.json.ScenarioJson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-run measurement of {@code GET /__fake/requests} on a full journal (10 000 entries) after
 * bodies of the largest kept size; not a test. Prints the answer's size, the median and minimum
 * round trip, and the rendering's wall and CPU time (CPU time says more on a loaded machine).
 */
public final class JournalListingTimingHarness {
  private JournalListingTimingHarness() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().start()) {
      Journal journal = server.cluster().journal();
      String body = JournalApiTest.largeBody();
      for (int i = 0; i < journal.capacity(); i++) {
        journal.record(JournalApiTest.largeRequest(body));
      }
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest all = HttpRequest.newBuilder(server.url().resolve("/__fake/requests")).build();
      double[] trip = new double[rounds];
      long bytes = 0;
      for (int i = 0; i < rounds; i++) {
        long start = System.nanoTime();
        bytes = client.send(all, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        trip[i] = (System.nanoTime() - start) / 1e6;
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      double[] wall = new double[rounds];
      double[] cpu = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        List<RecordedRequest> page = journal.page(0, Integer.MAX_VALUE);
        ScenarioJson.renderRequests(page, journal.size(), journal.lastSequence(), 0);
        cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
        wall[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(trip);
      Arrays.sort(wall);
      Arrays.sort(cpu);
      System.out.printf(
          "full journal: %d bytes; round trip p50 %.1f ms, min %.1f ms; render p50 %.1f ms"
              + " (cpu p50 %.1f ms, min %.1f ms)%n",
          bytes, trip[rounds / 2], trip[0], wall[rounds / 2], cpu[rounds / 2], cpu[0]);
    }
  }
}
