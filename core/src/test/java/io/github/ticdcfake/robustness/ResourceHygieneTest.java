package io.github.ticdcfake.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.TestHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Start/stop cycles leave nothing behind: threads, file descriptors, ports, heap. No wall-clock
 * assertions: what is checked is what remains.
 *
 * <p>Threads, descriptors and heap are process-wide, so this class runs {@link Isolated}: when
 * JUnit runs classes in parallel (junit-platform.properties), their servers would otherwise come
 * and go inside the measurement. Threads are compared by identity, not name, and each new one gets
 * a bounded chance to end; the heap is the least of several readings after collections.
 */
@Isolated("measures process-wide threads, file descriptors and heap")
class ResourceHygieneTest {
  private static final int CYCLES = 1000;

  private static Set<Thread> fakeThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(
            t ->
                t.getName().startsWith("ticdc-fake")
                    || t.getName().contains("XNIO")
                    || t.getName().contains("ticdc"))
        .collect(Collectors.toSet());
  }

  /**
   * The fake's threads started since {@code before} that are still alive, after giving each a
   * bounded chance to finish (a closed worker's threads end just after {@code close()} returns).
   */
  private static List<String> threadsLeftSince(Set<Thread> before) throws InterruptedException {
    List<String> left = new ArrayList<>();
    for (Thread t : fakeThreads()) {
      if (!before.contains(t)) {
        t.join(10_000);
        if (t.isAlive()) {
          left.add(t.getName());
        }
      }
    }
    return left;
  }

  private static long openFileDescriptors() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return -1; // not Linux: descriptors are not observable here
    }
    try (var list = Files.list(fds)) {
      return list.count();
    }
  }

  /**
   * The smallest used heap over a few collections: a collection can only leave garbage behind, so
   * the minimum is the closest reading of what is really retained.
   */
  private static long usedHeapAfterGc() {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return least;
  }

  @Test
  void thousandStartStopCyclesLeaveNoThreadsDescriptorsOrHeapBehind() throws Exception {
    for (int i = 0; i < 50; i++) { // warm up class loading and JIT
      cycle(i);
    }
    Set<Thread> threadsBefore = fakeThreads();
    long fdsBefore = openFileDescriptors();
    long heapBefore = usedHeapAfterGc();

    for (int i = 0; i < CYCLES; i++) {
      cycle(i);
    }

    assertThat(threadsLeftSince(threadsBefore)).isEmpty();
    if (fdsBefore >= 0) {
      assertThat(openFileDescriptors()).isLessThanOrEqualTo(fdsBefore + 8);
    }
    assertThat(usedHeapAfterGc() - heapBefore).isLessThan(16L << 20);
  }

  private static void cycle(int i) {
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().captures(1 + i % 3).start()) {
      if (i % 10 == 0) {
        TestHttp.pooled(server.url()).get("/api/v2/status");
      }
    }
  }

  @Test
  void closeFreesThePortsAndIsIdempotent() throws IOException {
    FakeTiCdcServer server = FakeTiCdcServer.builder().captures(2).start();
    int port = server.url().getPort();

    server.close();
    server.close();

    try (ServerSocket again = new ServerSocket(port)) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void closeDropsOpenKeepAliveConnections() throws IOException {
    FakeTiCdcServer server = FakeTiCdcServer.builder().start();
    URI url = server.url();
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(
          "GET /api/v2/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] head = in.readNBytes(12);
      assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");

      server.close();

      byte[] rest;
      try {
        rest = in.readAllBytes(); // the rest of the first answer, then end of stream
      } catch (IOException reset) {
        rest = new byte[0];
      }
      assertThat(new String(rest, StandardCharsets.US_ASCII)).doesNotContain("HTTP/1.1");
    }
  }
}
