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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Start/stop cycles leave nothing behind: threads, file descriptors, ports, heap (issue 8). No
 * wall-clock assertions: what is checked is what remains.
 */
class ResourceHygieneTest {
  private static final int CYCLES = 1000;

  private static Set<String> fakeThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("ticdc-fake") || n.contains("XNIO") || n.contains("ticdc"))
        .collect(Collectors.toSet());
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

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Test
  void thousandStartStopCyclesLeaveNoThreadsDescriptorsOrHeapBehind() throws Exception {
    for (int i = 0; i < 50; i++) { // warm up class loading and JIT
      cycle(i);
    }
    Set<String> threadsBefore = fakeThreads();
    long fdsBefore = openFileDescriptors();
    long heapBefore = usedHeapAfterGc();

    for (int i = 0; i < CYCLES; i++) {
      cycle(i);
    }

    assertThat(fakeThreads()).isEqualTo(threadsBefore);
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
