package io.github.ticdcfake.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.ChangefeedState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --scenario} and {@code --admin} of the standalone runner. */
class StandaloneScenarioTest {
  @Test
  void scenarioFileSeedsTheServer(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("seed.json");
    Files.writeString(
        file,
        "{\"captures\":2,\"changefeeds\":[{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\","
            + "\"state\":\"stopped\"}]}");

    Options options =
        Options.parse(new String[] {"--addr", "127.0.0.1:0", "--scenario", file.toString()});
    try (FakeTiCdcServer server = options.builder().start()) {
      assertThat(server.cluster().captures()).hasSize(2);
      assertThat(server.cluster().changefeed("cf-1").orElseThrow().state())
          .isEqualTo(ChangefeedState.STOPPED);
    }
  }

  @Test
  void badScenarioStopsTheRunnerNamingTheField(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file, "{\"changefeeds\":[{\"changefeed_id\":\"cf-1\",\"state\":\"paused\"}]}");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        Main.run(
            new String[] {"--addr", "127.0.0.1:0", "--scenario", file.toString()},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "ticdc-fake: cannot start: scenario "
                + file
                + ": changefeeds[0].state: unknown state 'paused'");
  }

  @Test
  void aScenarioThatDoesNotLoadStopsTheRunnerBeforeItBindsAPort(@TempDir Path dir)
      throws IOException {
    int port;
    try (java.net.ServerSocket free =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    // the sink is the capture's own port: the load would reach it if the port were bound first
    Path file = dir.resolve("seed.json");
    Files.writeString(
        file,
        "{\"changefeeds\":[{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"mysql://root@127.0.0.1:"
            + port
            + "/\"}]}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        Main.run(
            new String[] {
              "--addr", "127.0.0.1:" + port, "--sink-probe", "tcp", "--scenario", file.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("listening on");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("ticdc-fake: cannot start: scenario: changefeeds[0] (cf-1): ")
        .contains("dial tcp 127.0.0.1:" + port + ": connect: connection refused");
  }

  @Test
  void adminModes() {
    assertThat(Options.parse(new String[] {"--admin", "off"}).admin()).isFalse();
    assertThat(Options.parse(new String[] {"--admin=token:abc"}).adminToken()).isEqualTo("abc");
    assertThat(Options.parse(new String[] {}).admin()).isTrue();
    assertThatThrownBy(() -> Options.parse(new String[] {"--admin", "maybe"}))
        .hasMessage("--admin wants on, off or token:SECRET, got 'maybe'");
  }
}
