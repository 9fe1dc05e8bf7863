package io.github.ticdcfake.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.OpensslPki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PingCAP's HTTP API suites as the new architecture has them (pingcap/ticdc v26.3.4 {@code
 * tests/integration_tests/http_api}, {@code http_api_tls}, {@code http_api_tls_with_user_auth}:
 * {@code /api/v2} only, {@code ?keyspace=keyspace1}, 200 for every success) replayed by our own
 * Python client ({@code clients/http_api_newarch_client.py}) against the standalone jar started
 * with {@code --newarch} and {@code cdc server}'s flags as the suites' {@code run.sh} pass them:
 * plain with the owner killed and restarted, TLS with client certificates, and TLS with client
 * authentication. Skipped when python3 with {@code requests} (or openssl) is missing.
 */
class NewArchHttpApiClientsIT {
  private static final String CLIENT = "http_api_newarch_client.py";

  @TempDir Path dir;

  private PingcapSuiteHarness suite;

  @BeforeEach
  void requirePythonRequestsAndADownstream() throws Exception {
    suite = PingcapSuiteHarness.open(dir);
  }

  @AfterEach
  void stop() throws Exception {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  void httpApiSuitePassesOverPlainHttpIncludingTheOwnerRestart() throws Exception {
    List<String> urls = suite.startCdcServer(suite.plainFlags(), "--newarch");

    String output = suite.runClient(CLIENT, "plain", urls, "http://127.0.0.1:2379", null);

    assertThat(output)
        .contains("pass create_changefeed", "pass kill_and_restart_owner", "pass get_tso")
        .contains("all 20 steps passed");
  }

  @Test
  void httpApiTlsSuitePassesWithClientCertificates() throws Exception {
    OpensslPki pki = suite.pki();
    suite.writeServerToml(pki, "");

    List<String> urls = suite.startCdcServer(suite.tlsFlags(pki), "--newarch");

    String output = suite.runClient(CLIENT, "tls", urls, "https://127.0.0.1:2579", pki);

    assertThat(output)
        .contains("pass tls_handshake", "pass check_changefeed_state", "pass verify_table")
        .contains("all 21 steps passed");
  }

  @Test
  void httpApiTlsWithUserAuthSuitePassesWithTheAllowedUpstreamUser() throws Exception {
    OpensslPki pki = suite.pki();
    suite.writeServerToml(
        pki, "   client-user-required = true\n   client-allowed-user=[\"ticdc\"]\n");
    List<String> flags = new ArrayList<>(suite.tlsFlags(pki));
    // run.sh's CREATE USER 'ticdc'@'%' IDENTIFIED BY 'ticdc_secret' on the upstream TiDB
    flags.addAll(List.of("--upstream-user", "ticdc:ticdc_secret"));

    List<String> urls = suite.startCdcServer(flags, "--newarch");

    String output = suite.runClient(CLIENT, "auth", urls, "https://127.0.0.1:2579", pki);

    assertThat(output)
        .contains("pass client_auth", "pass create_changefeed", "pass verify_table")
        .contains("all 22 steps passed");
  }
}
