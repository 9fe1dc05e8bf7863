package io.github.ticdcfake.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.FakeTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * HTTPS, mTLS and TiCDC's cert-allowed-cn with a real HTTPS client (pingcap/tiflow
 * pkg/security/credential.go).
 */
class TlsTest {
  private static HttpResponse<String> get(SSLContext ssl, URI url) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(ssl)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    return client.send(
        HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
        BodyHandlers.ofString());
  }

  @Test
  void selfSignedServerAnswersHttpsToClientsThatTrustItsCa() throws Exception {
    FakeTls tls = FakeTls.selfSigned();
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().captures(2).tls(tls).start()) {
      URI url = server.url();

      HttpResponse<String> response = get(tls.sslContext(), url.resolve("/api/v2/status"));

      assertThat(url.getScheme()).isEqualTo("https");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(server.captureUrls()).allMatch(u -> u.getScheme().equals("https"));
      assertThat(tls.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n");
    }
  }

  @Test
  void plainHttpClientsFailAgainstATlsPort() {
    FakeTls tls = FakeTls.selfSigned();
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
      URI plain = URI.create("http://127.0.0.1:" + server.url().getPort() + "/api/v2/status");

      assertThatThrownBy(
              () ->
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(5)).build(),
                          BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void clientsThatDoNotTrustTheCaFailTheHandshake() throws Exception {
    FakeTls tls = FakeTls.selfSigned();
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
      assertThatThrownBy(() -> get(SSLContext.getDefault(), server.url().resolve("/api/v2/status")))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void mtlsRequiresAClientCertificateSignedByTheCa() throws Exception {
    FakeTls tls = FakeTls.selfSigned().requireClientCertificate();
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
      URI status = server.url().resolve("/api/v2/status");

      assertThatThrownBy(() -> get(tls.sslContext(), status)).isInstanceOf(IOException.class);
      assertThat(get(tls.clientSslContext("anyone"), status).statusCode()).isEqualTo(200);
      // A certificate from another CA is refused even though the client trusts the server.
      char[] password = "pw".toCharArray();
      SSLContext foreign =
          context(FakeTls.selfSigned().clientKeyStore("anyone", password), password, tls);
      assertThatThrownBy(() -> get(foreign, status)).isInstanceOf(IOException.class);
      SSLContext own = context(tls.clientKeyStore("anyone", password), password, tls);
      assertThat(get(own, status).statusCode()).isEqualTo(200);
    }
  }

  /** Presents {@code keys} and trusts {@code server}'s CA. */
  private static SSLContext context(java.security.KeyStore keys, char[] password, FakeTls server)
      throws Exception {
    javax.net.ssl.KeyManagerFactory keyManagers =
        javax.net.ssl.KeyManagerFactory.getInstance(
            javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, password);
    javax.net.ssl.TrustManagerFactory trust =
        javax.net.ssl.TrustManagerFactory.getInstance(
            javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    trust.init(server.trustStore());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  @Test
  void allowedCnsAdmitOnlyThoseCommonNames() throws Exception {
    FakeTls tls = FakeTls.selfSigned().allowedClientCns("ops-service");
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
      URI status = server.url().resolve("/api/v2/status");

      assertThat(get(tls.clientSslContext("ops-service"), status).statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> get(tls.clientSslContext("intruder"), status))
          .isInstanceOf(IOException.class);
    }
  }
}
