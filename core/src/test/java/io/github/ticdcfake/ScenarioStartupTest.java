package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.Scenario;
import io.github.ticdcfake.cluster.SinkProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A server started with a scenario answers nothing before the scenario is applied, and with a
 * scenario that does not load it never binds a port at all.
 */
class ScenarioStartupTest {

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void theScenarioIsCheckedBeforeAnyPortIsBound() throws IOException {
    int port = freePort();
    // the changefeed's MySQL sink is the capture's own port: reachable only if it is bound already
    Scenario scenario =
        Scenario.builder()
            .changefeed(
                ChangefeedSpec.builder()
                    .changefeedId("cf-1")
                    .sinkUri("mysql://root@127.0.0.1:" + port + "/")
                    .build())
            .build();

    assertThatThrownBy(
            () ->
                FakeTiCdcServer.builder()
                    .port(port)
                    .sinkProbe(SinkProbe.tcp(Duration.ofSeconds(2)))
                    .scenario(scenario)
                    .start()
                    .close())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("scenario: changefeeds[0] (cf-1): ")
        .hasMessageContaining("dial tcp 127.0.0.1:" + port + ": connect: connection refused");
  }

  @Test
  void theFirstAnswerAlreadyShowsTheWholeScenario() throws Exception {
    int port = freePort();
    // a load that takes a while: every changefeed's MySQL host is dialled (and answers) first
    int changefeeds = 200;
    List<ServerSocket> sinks = new ArrayList<>();
    Scenario.Builder scenario = Scenario.builder();
    for (int i = 0; i < changefeeds; i++) {
      ServerSocket sink = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      sinks.add(sink);
      scenario.changefeed(
          ChangefeedSpec.builder()
              .changefeedId("cf-" + i)
              .sinkUri("mysql://root@127.0.0.1:" + sink.getLocalPort() + "/")
              .build());
    }
    AtomicBoolean done = new AtomicBoolean();
    // a client that keeps asking from before the start on: its first answer is the earliest one
    CompletableFuture<String> firstAnswer =
        CompletableFuture.supplyAsync(
            () -> {
              while (!done.get()) {
                String answer = tryList(port);
                if (answer != null) {
                  return answer;
                }
                Thread.onSpinWait();
              }
              return "no answer";
            });

    try (FakeTiCdcServer server =
        FakeTiCdcServer.builder()
            .port(port)
            .sinkProbe(SinkProbe.tcp(Duration.ofSeconds(2)))
            .scenario(scenario.build())
            .start()) {
      String answer = firstAnswer.join();
      Matcher total = Pattern.compile("\"total\":(\\d+)").matcher(answer);
      assertThat(answer).startsWith("HTTP/1.1 200");
      assertThat(total.find()).as(answer).isTrue();
      assertThat(Integer.parseInt(total.group(1))).isEqualTo(changefeeds);
    } finally {
      done.set(true);
      for (ServerSocket sink : sinks) {
        sink.close();
      }
    }
  }

  /** One {@code GET /api/v2/changefeeds} on a fresh connection; null when nothing listens. */
  private static String tryList(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/v2/changefeeds HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return answer.isEmpty() ? null : answer;
    } catch (IOException e) {
      return null;
    }
  }
}
