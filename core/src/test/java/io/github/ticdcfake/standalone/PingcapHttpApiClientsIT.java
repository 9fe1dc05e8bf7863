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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PingCAP's HTTP API suites (pingcap/tiflow {@code tests/integration_tests/http_api}, {@code
 * http_api_tls}, {@code http_api_tls_with_user_auth}) replayed by our own Python client ({@code
 * clients/http_api_client.py}) against the standalone jar, started with {@code cdc server}'s flags
 * as the suites' {@code run.sh} start TiCDC: plain, TLS with client certificates from an openssl
 * CA, and TLS with client authentication from {@code server.toml}. The two {@code cdc server}
 * processes of a suite are the fake's two captures; the steps that need a real TiDB are made
 * through the admin API. Skipped when python3 with {@code requests} (or openssl) is missing.
 */
class PingcapHttpApiClientsIT {
  private static final Pattern READY =
      Pattern.compile("ticdc-fake capture (\\S+) listening on (https?://\\S+)");

  @TempDir Path dir;

  private final List<AutoCloseable> resources = new ArrayList<>();
  private String mysqlSink;

  @BeforeEach
  void requirePythonRequestsAndADownstream() throws Exception {
    assumeTrue(
        runs("python3", "-c", "import requests"),
        "python3 with the requests module is not installed: skipping PingCAP's client replay");
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

  @AfterEach
  void stop() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  @Test
  void httpApiSuitePassesOverPlainHttpIncludingTheOwnerRestart() throws Exception {
    List<String> urls =
        startCdcServer(
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

    String output = runClient("plain", urls, "http://127.0.0.1:2379", null);

    assertThat(output)
        .contains("pass kill_and_restart_owner", "pass get_tso")
        .contains("all 23 steps passed");
  }

  @Test
  void httpApiTlsSuitePassesWithClientCertificates() throws Exception {
    OpensslPki pki = pki();
    writeServerToml(pki, "");

    List<String> urls = startCdcServer(tlsFlags(pki));

    String output = runClient("tls", urls, "https://127.0.0.1:2579", pki);

    assertThat(output)
        .contains("pass tls_handshake", "pass verify_table", "pass unsafe_apis")
        .contains("all 27 steps passed");
  }

  @Test
  void httpApiTlsWithUserAuthSuitePassesWithTheAllowedUpstreamUser() throws Exception {
    OpensslPki pki = pki();
    writeServerToml(pki, "   client-user-required = true\n   client-allowed-user=[\"ticdc\"]\n");
    List<String> flags = new ArrayList<>(List.of(tlsFlags(pki)));
    // run.sh's CREATE USER 'ticdc'@'%' IDENTIFIED BY 'ticdc_secret' on the upstream TiDB
    flags.addAll(List.of("--upstream-user", "ticdc:ticdc_secret"));

    List<String> urls = startCdcServer(flags.toArray(new String[0]));

    String output = runClient("auth", urls, "https://127.0.0.1:2579", pki);

    assertThat(output)
        .contains("pass client_auth", "pass create_changefeed_v2")
        .contains("all 28 steps passed");
  }

  private OpensslPki pki() throws Exception {
    Path certs = Files.createDirectories(dir.resolve("certificates"));
    OpensslPki pki = OpensslPki.create(certs);
    // CN fake_cn is the file's cert-allowed-cn, which the --cert-allowed-cn flag replaces
    pki.rsaLeaf("other", "fake_cn", "client-ext.cnf");
    return pki;
  }

  /** The [security] section run.sh writes (its cert-allowed-cn is overridden by the flag). */
  private void writeServerToml(OpensslPki pki, String extra) throws IOException {
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
  private String[] tlsFlags(OpensslPki pki) {
    return new String[] {
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
      "https://127.0.0.1:2579"
    };
  }

  /** {@code java -jar ... server FLAGS} with two captures; returns their base URLs. */
  private List<String> startCdcServer(String... cdcFlags) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(System.getProperty("standalone.jar"));
    command.add("server");
    command.addAll(List.of(cdcFlags));
    // the fake's own flags: the suites' two cdc servers, and dialling sinks like TiCDC does
    command.addAll(List.of("--captures", "2", "--sink-probe", "tcp"));
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

  private String runClient(String mode, List<String> urls, String pd, OpensslPki pki)
      throws Exception {
    Path script = dir.resolve("http_api_client.py");
    try (InputStream in = getClass().getResourceAsStream("/clients/http_api_client.py")) {
      Files.copy(in, script);
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("mode", mode);
    config.put("urls", urls);
    config.put("pd", pd);
    config.put("mysql_sink", mysqlSink);
    config.put("unreachable_mysql_sink", "mysql://127.0.0.1:" + closedPort());
    config.put("kafka_sink", "kafka://127.0.0.1:" + closedPort() + "/http_api");
    if (pki != null) {
      config.put("ca", pki.file("ca.pem").toString());
      config.put("client_cert", pki.file("client.pem").toString());
      config.put("client_key", pki.file("client-key.pem").toString());
      config.put("other_cert", pki.file("other.pem").toString());
      config.put("other_key", pki.file("other-key.pem").toString());
      config.put("user", List.of("ticdc", "ticdc_secret"));
    }
    Path configFile = dir.resolve("client-" + mode + ".json");
    new ObjectMapper().writeValue(configFile.toFile(), config);

    Process client =
        new ProcessBuilder("python3", script.toString(), configFile.toString())
            .redirectErrorStream(true)
            .start();
    resources.add(client::destroyForcibly);
    String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // a guard against a hung client, not a performance limit
    assertThat(client.waitFor(5, TimeUnit.MINUTES)).as("the client exits").isTrue();
    assertThat(client.exitValue()).as("the client's exit status; it printed:\n%s", output).isZero();
    return output;
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
