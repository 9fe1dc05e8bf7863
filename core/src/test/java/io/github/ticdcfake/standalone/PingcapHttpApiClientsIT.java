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
 * PingCAP's HTTP API suites (pingcap/tiflow {@code tests/integration_tests/http_api}, {@code
 * http_api_tls}, {@code http_api_tls_with_user_auth}) replayed by our own Python client ({@code
 * clients/http_api_client.py}) against the standalone jar, started with {@code cdc server}'s flags
 * as the suites' {@code run.sh} start TiCDC: plain, TLS with client certificates from an openssl
 * CA, and TLS with client authentication from {@code server.toml}. The two {@code cdc server}
 * processes of a suite are the fake's two captures; the steps that need a real TiDB are made
 * through the admin API. Skipped when python3 with {@code requests} (or openssl) is missing.
 */
class PingcapHttpApiClientsIT {
  private static final String CLIENT = "http_api_client.py";

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
    List<String> urls = suite.startCdcServer(suite.plainFlags());

    String output = suite.runClient(CLIENT, "plain", urls, "http://127.0.0.1:2379", null);

    assertThat(output)
        .contains("pass kill_and_restart_owner", "pass get_tso")
        .contains("all 23 steps passed");
  }

  @Test
  void httpApiTlsSuitePassesWithClientCertificates() throws Exception {
    OpensslPki pki = suite.pki();
    suite.writeServerToml(pki, "");

    List<String> urls = suite.startCdcServer(suite.tlsFlags(pki));

    String output = suite.runClient(CLIENT, "tls", urls, "https://127.0.0.1:2579", pki);

    assertThat(output)
        .contains("pass tls_handshake", "pass verify_table", "pass unsafe_apis")
        .contains("all 27 steps passed");
  }

  @Test
  void httpApiTlsWithUserAuthSuitePassesWithTheAllowedUpstreamUser() throws Exception {
    OpensslPki pki = suite.pki();
    suite.writeServerToml(
        pki, "   client-user-required = true\n   client-allowed-user=[\"ticdc\"]\n");
    List<String> flags = new ArrayList<>(suite.tlsFlags(pki));
    // run.sh's CREATE USER 'ticdc'@'%' IDENTIFIED BY 'ticdc_secret' on the upstream TiDB
    flags.addAll(List.of("--upstream-user", "ticdc:ticdc_secret"));

    List<String> urls = suite.startCdcServer(flags);

    String output = suite.runClient(CLIENT, "auth", urls, "https://127.0.0.1:2579", pki);

    assertThat(output)
        .contains("pass client_auth", "pass create_changefeed_v2")
        .contains("all 28 steps passed");
  }
}
