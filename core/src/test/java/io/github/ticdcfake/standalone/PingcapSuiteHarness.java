package io.github.ticdcfake.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ticdcfake.OpensslPki;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the replays of PingCAP's HTTP API suites share ({@link PingcapHttpApiClientsIT} for the
 * classic TiCDC, {@link NewArchHttpApiClientsIT} for the new architecture): a loopback downstream
 * the fake's tcp sink probe can reach, the suites' certificates and {@code server.toml}, the
 * standalone jar started with {@code cdc server}'s flags and two captures, and our Python clients
 * ({@code clients/*.py}) run against it. Opening it skips the test when python3 with {@code
 * requests} is missing; closing it stops everything it started.
 */
final class PingcapSuiteHarness implements AutoCloseable {
  private static final Pattern READY =
      Pattern.compile("ticdc-fake capture (\\S+) listening on (https?://\\S+)");
  private static final List<String> CLIENTS =
      List.of("http_api_client.py", "http_api_newarch_client.py");

  private final Path dir;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private String mysqlSink;

  private PingcapSuiteHarness(Path dir) {
    this.dir = dir;
  }

  /** Skips the test without python3 and {@code requests}; starts the downstream stand-in. */
  static PingcapSuiteHarness open(Path dir) throws IOException {
    assumeTrue(
        runs("python3", "-c", "import requests"),
        "python3 with the requests module is not installed: skipping PingCAP's client replay");
    PingcapSuiteHarness harness = new PingcapSuiteHarness(dir);
    harness.startDownstream();
    return harness;
  }

  private void startDownstream() throws IOException {
    ServerSocket downstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    resources.add(downstream);
    Thread acceptor =
        new Thread(
            () -> {
              while (!downstream.isClosed()) {
                try (Socket ignored = downstream.accept()) {
                  // the fake's tcp sink probe only connects
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "downstream-stand-in");
    acceptor.setDaemon(true);
    acceptor.start();
    mysqlSink = "mysql://normal:123456@127.0.0.1:" + downstream.getLocalPort() + "/";
  }

  Path dir() {
    return dir;
  }

  /** The suites' CA, server and client certificates, plus a client with another CN. */
  OpensslPki pki() throws Exception {
    Path certs = Files.createDirectories(dir.resolve("certificates"));
    OpensslPki pki = OpensslPki.create(certs);
    // CN fake_cn is the file's cert-allowed-cn, which the --cert-allowed-cn flag replaces
    pki.rsaLeaf("other", "fake_cn", "client-ext.cnf");
    return pki;
  }

  /** The [security] section run.sh writes (its cert-allowed-cn is overridden by the flag). */
  void writeServerToml(OpensslPki pki, String extra) throws IOException {
    Files.writeString(
        dir.resolve("server.toml"),
        " \n  [security]\n"
            + "   ca-path = \""
            + pki.file("ca.pem")
            + "\"\n   cert-path = \""
            + pki.file("server.pem")
            + "\"\n   key-path = \""
            + pki.file("server-key.pem")
            + "\"\n   cert-allowed-cn = [\"fake_cn\"]\n"
            + extra
            + "  \n");
  }

  /** run_cdc_server's flags for {@code --tlsdir} and {@code --cert-allowed-cn client}. */
  List<String> tlsFlags(OpensslPki pki) {
    return List.of(
        "--log-file",
        dir.resolve("cdc_tls1.log").toString(),
        "--log-level",
        "debug",
        "--data-dir",
        dir.resolve("cdc_data_tls1").toString(),
        "--cluster-id",
        "default",
        "--config",
        dir.resolve("server.toml").toString(),
        "--ca",
        pki.file("ca.pem").toString(),
        "--cert",
        pki.file("server.pem").toString(),
        "--key",
        pki.file("server-key.pem").toString(),
        "--cert-allowed-cn",
        "client",
        "--addr",
        "127.0.0.1:0",
        "--pd",
        "https://127.0.0.1:2579");
  }

  /** run_cdc_server's flags without TLS. */
  List<String> plainFlags() {
    return List.of(
        "--log-file",
        dir.resolve("cdc1.log").toString(),
        "--log-level",
        "debug",
        "--data-dir",
        dir.resolve("cdc_data1").toString(),
        "--cluster-id",
        "default",
        "--addr",
        "127.0.0.1:0");
  }

  /**
   * {@code java -jar ... server FLAGS} with the fake's own flags for the suites' two cdc servers
   * and sinks dialled like TiCDC dials them ({@code --captures 2 --sink-probe tcp}), plus {@code
   * fakeFlags}; returns the two captures' base URLs.
   */
  List<String> startCdcServer(List<String> cdcFlags, String... fakeFlags) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(System.getProperty("standalone.jar"));
    command.add("server");
    command.addAll(cdcFlags);
    command.addAll(List.of("--captures", "2", "--sink-probe", "tcp"));
    command.addAll(List.of(fakeFlags));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    resources.add(process::destroyForcibly);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> urls = new ArrayList<>();
    StringBuilder seen = new StringBuilder();
    String line;
    while (urls.size() < 2 && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = READY.matcher(line);
      if (m.find()) {
        urls.add(m.group(2));
      }
    }
    assertThat(urls).as("ready lines of the fake; it printed:\n%s", seen).hasSize(2);
    drain(process.getInputStream());
    return urls;
  }

  /**
   * Runs {@code client} (one of {@code clients/*.py}) in {@code mode} against {@code urls}; the
   * sinks it creates are the downstream stand-in, refused loopback ports for an unreachable MySQL,
   * Kafka and Pulsar, and with {@code pki} the client certificates and the suites' upstream user.
   *
   * @return what the client printed; it exited with status 0
   */
  String runClient(String client, String mode, List<String> urls, String pd, OpensslPki pki)
      throws Exception {
    for (String name : CLIENTS) {
      Path script = dir.resolve(name);
      if (!Files.exists(script)) {
        try (InputStream in = getClass().getResourceAsStream("/clients/" + name)) {
          Files.copy(in, script);
        }
      }
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("mode", mode);
    config.put("urls", urls);
    config.put("pd", pd);
    config.put("mysql_sink", mysqlSink);
    config.put("unreachable_mysql_sink", "mysql://127.0.0.1:" + closedPort());
    config.put("kafka_broker", "kafka://127.0.0.1:" + closedPort());
    config.put("pulsar_broker", "pulsar://127.0.0.1:" + closedPort());
    if (pki != null) {
      config.put("ca", pki.file("ca.pem").toString());
      config.put("client_cert", pki.file("client.pem").toString());
      config.put("client_key", pki.file("client-key.pem").toString());
      config.put("other_cert", pki.file("other.pem").toString());
      config.put("other_key", pki.file("other-key.pem").toString());
      config.put("user", List.of("ticdc", "ticdc_secret"));
    }
    Path configFile = dir.resolve("client-" + client + "-" + mode + ".json");
    new ObjectMapper().writeValue(configFile.toFile(), config);

    Process process =
        new ProcessBuilder("python3", dir.resolve(client).toString(), configFile.toString())
            .redirectErrorStream(true)
            .start();
    resources.add(process::destroyForcibly);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // a guard against a hung client, not a performance limit
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the client exits").isTrue();
    assertThat(process.exitValue())
        .as("the client's exit status; it printed:\n%s", output)
        .isZero();
    return output;
  }

  @Override
  public void close() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  /** A loopback port nothing listens on: TiCDC's sink dial is refused there. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void drain(InputStream in) {
    Thread drainer =
        new Thread(
            () -> {
              try {
                in.transferTo(OutputStream.nullOutputStream());
              } catch (IOException stopped) {
                // the fake was stopped
              }
            },
            "fake-output");
    drainer.setDaemon(true);
    drainer.start();
  }

  private static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
