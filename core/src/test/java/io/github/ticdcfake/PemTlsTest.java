package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS from PEM files as {@code cdc server --ca --cert --key [--cert-allowed-cn]} serves it (tiflow
 * {@code pkg/security/credential.go}): with an openssl-made CA and with the fake's own CA written
 * as PEM.
 */
class PemTlsTest {
  private static HttpResponse<String> get(SSLContext ssl, URI url) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(ssl)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    return client.send(
        HttpRequest.newBuilder(url.resolve("/api/v2/status"))
            .timeout(Duration.ofSeconds(10))
            .build(),
        BodyHandlers.ofString());
  }

  @Nested
  class WithAnOpensslCa {
    @TempDir static Path dir;
    static OpensslPki pki;

    @BeforeAll
    static void makeCertificates() throws Exception {
      pki = OpensslPki.create(dir);
      pki.rsaLeaf("stranger", "stranger", "client-ext.cnf");
      pki.ecLeaf("ec-server", "ec-server", "server-ext.cnf");
      pki.pkcs1Leaf("rsa1-server", "rsa1-server", "server-ext.cnf");
    }

    private FakeTls tls() {
      return FakeTls.fromPem(
          pki.file("ca.pem"), pki.file("server.pem"), pki.file("server-key.pem"));
    }

    @Test
    void servesHttpsOnlyToClientsThatTrustTheCa() throws Exception {
      try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls()).start()) {
        assertThat(server.url().getScheme()).isEqualTo("https");
        assertThat(get(pki.client(null), server.url()).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> get(FakeTls.selfSigned().sslContext(), server.url()))
            .as("a client trusting another CA")
            .isInstanceOf(IOException.class);
      }
    }

    @Test
    void certAllowedCnAdmitsOnlyThoseCnsAtTheHandshake() throws Exception {
      try (FakeTiCdcServer server =
          FakeTiCdcServer.builder().tls(tls().allowedClientCns("client")).start()) {
        assertThat(get(pki.client("client"), server.url()).statusCode()).isEqualTo(200);
        assertThat(get(pki.client("server"), server.url()).statusCode())
            .as("the server's own CN is allowed too")
            .isEqualTo(200);
        assertThatThrownBy(() -> get(pki.client("stranger"), server.url()))
            .as("a CA-signed certificate with another CN")
            .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> get(pki.client(null), server.url()))
            .as("no client certificate")
            .isInstanceOf(IOException.class);
      }
    }

    @Test
    void mtlsAdmitsAnyCertificateFromTheCa() throws Exception {
      try (FakeTiCdcServer server =
          FakeTiCdcServer.builder().tls(tls().requireClientCertificate()).start()) {
        assertThat(get(pki.client("stranger"), server.url()).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> get(pki.client(null), server.url()))
            .isInstanceOf(IOException.class);
      }
    }

    @Test
    void readsSec1EcAndPkcs1RsaKeys() throws Exception {
      for (String name : List.of("ec-server", "rsa1-server")) {
        assertThat(Files.readString(pki.file(name + "-key.pem")))
            .contains(name.startsWith("ec") ? "BEGIN EC PRIVATE KEY" : "BEGIN RSA PRIVATE KEY");
        FakeTls tls =
            FakeTls.fromPem(
                pki.file("ca.pem"), pki.file(name + ".pem"), pki.file(name + "-key.pem"));
        try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
          assertThat(get(pki.client(null), server.url()).statusCode()).as(name).isEqualTo(200);
        }
      }
    }

    @Test
    void refusesAKeyThatDoesNotMatchTheCertificate() {
      assertThatThrownBy(
              () ->
                  FakeTls.fromPem(
                      pki.file("ca.pem"), pki.file("server.pem"), pki.file("client-key.pem")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageEndingWith("private key does not match public key of the certificate");
    }

    @Test
    void trustMaterialIsTheCaFile() throws Exception {
      assertThat(tls().caCertificatePem().strip())
          .isEqualTo(Files.readString(pki.file("ca.pem")).strip());
    }
  }

  @Nested
  class WithTheFakesOwnCaAsPem {
    @TempDir Path dir;

    @Test
    void certAllowedCnWorksWithPemFilesOfTheFakesCa() throws Exception {
      Certificates.Issued ca = Certificates.certificateAuthority("own CA");
      Certificates.Issued server =
          Certificates.leaf(
              "own-server", ca, Certificates.Purpose.SERVER, List.of("localhost", "127.0.0.1"));
      Certificates.Issued client =
          Certificates.leaf("client", ca, Certificates.Purpose.CLIENT, List.of());
      Certificates.Issued other =
          Certificates.leaf("other", ca, Certificates.Purpose.CLIENT, List.of());
      Files.writeString(dir.resolve("ca.pem"), Pem.encode(ca.certificate()));
      write(server, "server");
      write(client, "client");
      write(other, "other");

      FakeTls tls =
          FakeTls.fromPem(
                  dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server-key.pem"))
              .allowedClientCns("client");
      try (FakeTiCdcServer fake = FakeTiCdcServer.builder().tls(tls).start()) {
        assertThat(get(context("client"), fake.url()).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> get(context("other"), fake.url())).isInstanceOf(IOException.class);
      }
    }

    private SSLContext context(String name) throws Exception {
      return OpensslPki.clientContext(
          dir.resolve("ca.pem"), dir.resolve(name + ".pem"), dir.resolve(name + "-key.pem"));
    }

    private void write(Certificates.Issued issued, String name) throws IOException {
      Files.writeString(dir.resolve(name + ".pem"), Pem.encode(issued.certificate()));
      Files.writeString(dir.resolve(name + "-key.pem"), pkcs8Pem(issued.keys().getPrivate()));
    }
  }

  @Test
  void explainsUnusableFiles(@TempDir Path dir) throws IOException {
    Path encrypted = dir.resolve("encrypted.pem");
    Files.writeString(
        encrypted,
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
    Path empty = dir.resolve("empty.pem");
    Files.writeString(empty, "nothing here\n");

    assertThatThrownBy(() -> Pem.privateKey(encrypted))
        .hasMessageContaining("encrypted private keys are not supported");
    assertThatThrownBy(() -> Pem.privateKey(empty))
        .hasMessageEndingWith("no PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block");
    assertThatThrownBy(() -> Pem.certificates(empty)).hasMessageEndingWith("no CERTIFICATE block");
  }

  private static String pkcs8Pem(PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }
}
