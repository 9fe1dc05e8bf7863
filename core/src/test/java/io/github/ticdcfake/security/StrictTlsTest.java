package io.github.ticdcfake.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.FakeTls;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated certificates pass strict verifiers: OpenSSL's {@code -x509_strict} (which Python's
 * {@code VERIFY_X509_STRICT}, the default of {@code ssl.create_default_context()} from Python 3.13,
 * turns on), curl and the JDK, by name ({@code localhost}) and by both loopback addresses. Each
 * external tool runs as a subprocess with a bounded wait; a test is skipped when its tool is not
 * installed.
 */
class StrictTlsTest {
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final char[] PASSWORD = "pw".toCharArray();

  @TempDir Path dir;

  // ---- what the certificates contain ----------------------------------------------------------

  @Test
  void caIsAConformingRoot() throws Exception {
    FakeTls tls = FakeTls.selfSigned();
    X509Certificate ca = ca(tls);

    assertThat(ca.getVersion()).isEqualTo(3);
    assertThat(ca.getSerialNumber().signum()).isPositive();
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    assertThat(ca.getKeyUsage()).startsWith(false, false, false, false, false, true, true);
    assertThat(ca.getExtensionValue("2.5.29.14")).as("subject key identifier").isNotNull();
    assertThat(ca.getSubjectX500Principal()).isEqualTo(ca.getIssuerX500Principal());
    assertUtcTimeValidity(ca);
  }

  @Test
  void serverCertificateIsAConformingLeafForLocalhostAndBothLoopbacks() throws Exception {
    FakeTls tls = FakeTls.selfSigned();
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
      X509Certificate leaf = serverCertificate(tls, server.url());
      X509Certificate ca = ca(tls);

      assertThat(leaf.getVersion()).isEqualTo(3);
      assertThat(leaf.getSerialNumber().signum()).isPositive();
      assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
      assertThat(leaf.getCriticalExtensionOIDs()).contains("2.5.29.15");
      assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
      assertThat(leaf.getExtendedKeyUsage()).contains(SERVER_AUTH);
      assertThat(leaf.getExtensionValue("2.5.29.14")).as("subject key identifier").isNotNull();
      assertThat(authorityKeyId(leaf)).isEqualTo(subjectKeyId(ca));
      assertThat(subjectAltNames(leaf)).contains("2:localhost", "7:127.0.0.1", "7:0:0:0:0:0:0:0:1");
      assertUtcTimeValidity(leaf);
      leaf.verify(ca.getPublicKey());
    }
  }

  @Test
  void serverCertificateNamesTheBoundAddress() throws Exception {
    FakeTls tls = FakeTls.selfSigned();
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().host("127.0.0.2").tls(tls).start()) {
      assertThat(subjectAltNames(serverCertificate(tls, server.url()))).contains("7:127.0.0.2");
      assertThat(get(tls, server.url().resolve("/api/v2/status"))).isEqualTo(200);
    }
  }

  @Test
  void clientCertificateIsAConformingLeafForClientAuth() throws Exception {
    FakeTls tls = FakeTls.selfSigned();
    X509Certificate client = clientCertificate(tls.clientKeyStore("ops-service", PASSWORD));

    assertThat(client.getBasicConstraints()).isEqualTo(-1);
    assertThat(client.getKeyUsage()[0]).as("digitalSignature").isTrue();
    assertThat(client.getCriticalExtensionOIDs()).contains("2.5.29.15");
    assertThat(client.getExtendedKeyUsage()).contains(CLIENT_AUTH);
    assertThat(authorityKeyId(client)).isEqualTo(subjectKeyId(ca(tls)));
    assertThat(client.getSerialNumber().signum()).isPositive();
    assertUtcTimeValidity(client);
  }

  // ---- the JDK --------------------------------------------------------------------------------

  @Test
  void jdkClientVerifiesByNameAndByBothLoopbackAddresses() throws Exception {
    FakeTls tls = FakeTls.selfSigned();
    try (FakeTiCdcServer v4 = FakeTiCdcServer.builder().tls(tls).start()) {
      int port = v4.url().getPort();
      assertThat(get(tls, URI.create("https://localhost:" + port + "/api/v2/status")))
          .isEqualTo(200);
      assertThat(get(tls, URI.create("https://127.0.0.1:" + port + "/api/v2/status")))
          .isEqualTo(200);
    }
    assumeIpv6Loopback();
    try (FakeTiCdcServer v6 = FakeTiCdcServer.builder().host("::1").tls(tls).start()) {
      assertThat(get(tls, URI.create("https://[::1]:" + v6.url().getPort() + "/api/v2/status")))
          .isEqualTo(200);
    }
  }

  // ---- openssl --------------------------------------------------------------------------------

  @Test
  void opensslVerifyX509StrictAcceptsServerAndClientCertificates() throws Exception {
    assumeTool("openssl", "version");
    FakeTls tls = FakeTls.selfSigned();
    Path caFile = write("ca.pem", tls.caCertificatePem());
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
      Path leaf = write("server.pem", pem(serverCertificate(tls, server.url())));
      Path client =
          write("client.pem", pem(clientCertificate(tls.clientKeyStore("ops", PASSWORD))));

      Result server1 =
          run(
              "openssl",
              "verify",
              "-x509_strict",
              "-purpose",
              "sslserver",
              "-CAfile",
              caFile.toString(),
              leaf.toString());
      Result client1 =
          run(
              "openssl",
              "verify",
              "-x509_strict",
              "-purpose",
              "sslclient",
              "-CAfile",
              caFile.toString(),
              client.toString());
      Result root =
          run("openssl", "verify", "-x509_strict", "-CAfile", caFile.toString(), caFile.toString());

      assertThat(server1.exit()).as(server1.output()).isZero();
      assertThat(client1.exit()).as(client1.output()).isZero();
      assertThat(root.exit()).as(root.output()).isZero();
    }
  }

  @Test
  void opensslSClientX509StrictConnectsByNameAndAddress() throws Exception {
    assumeTool("openssl", "version");
    FakeTls tls = FakeTls.selfSigned();
    Path caFile = write("ca.pem", tls.caCertificatePem());
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
      String connect = "127.0.0.1:" + server.url().getPort();

      assertSClientOk(sClient(connect, caFile, "-verify_hostname", "localhost"));
      assertSClientOk(sClient(connect, caFile, "-verify_ip", "127.0.0.1"));
      Result wrongName = sClient(connect, caFile, "-verify_hostname", "example.com");
      assertThat(wrongName.exit()).as("a name the certificate lacks is refused").isNotZero();
    }
    assumeIpv6Loopback();
    try (FakeTiCdcServer v6 = FakeTiCdcServer.builder().host("::1").tls(tls).start()) {
      assertSClientOk(sClient("[::1]:" + v6.url().getPort(), caFile, "-verify_ip", "::1"));
    }
  }

  @Test
  void opensslSClientPresentsAClientCertificateUnderMtls() throws Exception {
    assumeTool("openssl", "version");
    FakeTls tls = FakeTls.selfSigned().allowedClientCns("ops-service");
    Path caFile = write("ca.pem", tls.caCertificatePem());
    KeyStore keys = tls.clientKeyStore("ops-service", PASSWORD);
    Path cert = write("client.pem", pem(clientCertificate(keys)));
    Path key = write("client.key", pem(clientKey(keys)));
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
      Result result =
          runWithInput(
              "GET /api/v2/status HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
              "openssl",
              "s_client",
              "-connect",
              "127.0.0.1:" + server.url().getPort(),
              "-CAfile",
              caFile.toString(),
              "-x509_strict",
              "-verify_return_error",
              "-verify_hostname",
              "localhost",
              "-cert",
              cert.toString(),
              "-key",
              key.toString(),
              "-ign_eof");

      assertSClientOk(result);
      assertThat(result.output()).contains("HTTP/1.1 200");
    }
  }

  // ---- Python ---------------------------------------------------------------------------------

  private static final String PYTHON_CLIENT =
      String.join(
          "\n",
          "import socket, ssl, sys",
          "cafile, host, port, name = sys.argv[1:5]",
          "ctx = ssl.create_default_context(cafile=cafile)",
          "ctx.verify_flags |= ssl.VERIFY_X509_STRICT",
          "if len(sys.argv) > 5:",
          "    ctx.load_cert_chain(sys.argv[5], sys.argv[6])",
          "with socket.create_connection((host, int(port)), timeout=20) as raw:",
          "    with ctx.wrap_socket(raw, server_hostname=name) as tls:",
          "        tls.sendall(b'GET /api/v2/status HTTP/1.1\\r\\nHost: x\\r\\n"
              + "Connection: close\\r\\n\\r\\n')",
          "        data = b''",
          "        while True:",
          "            chunk = tls.recv(65536)",
          "            if not chunk:",
          "                break",
          "            data += chunk",
          "print(data.split(b'\\r\\n')[0].decode())",
          "");

  @Test
  void pythonStrictModeVerifiesByNameAndBothLoopbackAddresses() throws Exception {
    assumeTool("python3", "-c", "import ssl; ssl.VERIFY_X509_STRICT");
    FakeTls tls = FakeTls.selfSigned();
    Path caFile = write("ca.pem", tls.caCertificatePem());
    Path script = write("client.py", PYTHON_CLIENT);
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
      String port = Integer.toString(server.url().getPort());

      assertHttp200(python(script, caFile, "127.0.0.1", port, "localhost"));
      assertHttp200(python(script, caFile, "127.0.0.1", port, "127.0.0.1"));
      Result wrongName = python(script, caFile, "127.0.0.1", port, "example.com");
      assertThat(wrongName.exit()).as("a name the certificate lacks is refused").isNotZero();
      assertThat(wrongName.output()).contains("CERTIFICATE_VERIFY_FAILED");
    }
    assumeIpv6Loopback();
    try (FakeTiCdcServer v6 = FakeTiCdcServer.builder().host("::1").tls(tls).start()) {
      assertHttp200(python(script, caFile, "::1", Integer.toString(v6.url().getPort()), "::1"));
    }
  }

  @Test
  void pythonStrictModePresentsAClientCertificateUnderMtls() throws Exception {
    assumeTool("python3", "-c", "import ssl; ssl.VERIFY_X509_STRICT");
    FakeTls tls = FakeTls.selfSigned().allowedClientCns("ops-service");
    Path caFile = write("ca.pem", tls.caCertificatePem());
    KeyStore keys = tls.clientKeyStore("ops-service", PASSWORD);
    Path cert = write("client.pem", pem(clientCertificate(keys)));
    Path key = write("client.key", pem(clientKey(keys)));
    Path script = write("client.py", PYTHON_CLIENT);
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
      assertHttp200(
          python(
              script,
              caFile,
              "127.0.0.1",
              Integer.toString(server.url().getPort()),
              "localhost",
              cert.toString(),
              key.toString()));
    }
  }

  // ---- curl -----------------------------------------------------------------------------------

  @Test
  void curlTrustsTheCaByNameAndBothLoopbackAddresses() throws Exception {
    assumeTool("curl", "--version");
    FakeTls tls = FakeTls.selfSigned();
    Path caFile = write("ca.pem", tls.caCertificatePem());
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
      int port = server.url().getPort();
      assertCurlOk(curl(caFile, "https://localhost:" + port + "/api/v2/status"));
      assertCurlOk(curl(caFile, "https://127.0.0.1:" + port + "/api/v2/status"));
    }
    assumeIpv6Loopback();
    try (FakeTiCdcServer v6 = FakeTiCdcServer.builder().host("::1").tls(tls).start()) {
      assertCurlOk(curl(caFile, "https://[::1]:" + v6.url().getPort() + "/api/v2/status"));
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private record Result(int exit, String output) {}

  private Result sClient(String connect, Path caFile, String... verify) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "openssl",
                "s_client",
                "-connect",
                connect,
                "-CAfile",
                caFile.toString(),
                "-x509_strict",
                "-verify_return_error"));
    command.addAll(List.of(verify));
    return run(command.toArray(new String[0]));
  }

  private static void assertSClientOk(Result result) {
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output()).contains("Verify return code: 0 (ok)");
  }

  private Result python(Path script, Path caFile, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("python3", script.toString(), caFile.toString()));
    command.addAll(List.of(args));
    return run(command.toArray(new String[0]));
  }

  private static void assertHttp200(Result result) {
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output()).startsWith("HTTP/1.1 200");
  }

  private Result curl(Path caFile, String url) throws Exception {
    return run("curl", "-sS", "--fail", "--max-time", "20", "--cacert", caFile.toString(), url);
  }

  private static void assertCurlOk(Result result) {
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output()).contains("\"version\"");
  }

  private static void assumeTool(String... probe) {
    boolean present;
    try {
      present = run(probe).exit() == 0;
    } catch (IOException e) {
      present = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      present = false;
    }
    Assumptions.assumeTrue(present, () -> probe[0] + " is not installed; skipped");
  }

  private static void assumeIpv6Loopback() {
    boolean available;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      available = true;
    } catch (IOException e) {
      available = false;
    }
    Assumptions.assumeTrue(available, "no IPv6 loopback here; the [::1] part is skipped");
  }

  private static Result run(String... command) throws IOException, InterruptedException {
    return runWithInput(null, command);
  }

  /** Runs {@code command}, feeding {@code stdin} (or nothing), for at most 60 seconds. */
  private static Result runWithInput(String stdin, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (stdin == null || stdin.isEmpty()) {
      builder.redirectInput(new File("/dev/null"));
    }
    Process process = builder.start();
    if (stdin != null && !stdin.isEmpty()) {
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.US_ASCII));
    }
    process.getOutputStream().close();
    java.util.concurrent.CompletableFuture<byte[]> output =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return process.getInputStream().readAllBytes();
              } catch (IOException e) {
                return new byte[0];
              }
            });
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
    }
    return new Result(process.exitValue(), new String(output.join(), StandardCharsets.UTF_8));
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.US_ASCII);
    return file;
  }

  private static int get(FakeTls tls, URI url) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(tls.sslContext())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    return client
        .send(
            HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20)).build(),
            BodyHandlers.discarding())
        .statusCode();
  }

  private static X509Certificate ca(FakeTls tls) throws Exception {
    KeyStore trust = tls.trustStore();
    return (X509Certificate) trust.getCertificate(trust.aliases().nextElement());
  }

  /** The certificate the server presents in a handshake. */
  private static X509Certificate serverCertificate(FakeTls tls, URI url) throws Exception {
    try (SSLSocket socket =
        (SSLSocket)
            tls.sslContext().getSocketFactory().createSocket(url.getHost(), url.getPort())) {
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  private static X509Certificate clientCertificate(KeyStore keys) throws Exception {
    return (X509Certificate) keys.getCertificate(keyAlias(keys));
  }

  private static PrivateKey clientKey(KeyStore keys) throws Exception {
    return (PrivateKey) keys.getKey(keyAlias(keys), PASSWORD);
  }

  private static String keyAlias(KeyStore keys) throws Exception {
    for (String alias : java.util.Collections.list(keys.aliases())) {
      if (keys.isKeyEntry(alias)) {
        return alias;
      }
    }
    throw new AssertionError("no key entry");
  }

  private static String pem(Certificate certificate) throws Exception {
    return pem("CERTIFICATE", certificate.getEncoded());
  }

  private static String pem(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  private static String pem(String type, byte[] der) {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }

  private static List<String> subjectAltNames(X509Certificate certificate) throws Exception {
    List<String> names = new ArrayList<>();
    Collection<List<?>> all = certificate.getSubjectAlternativeNames();
    if (all != null) {
      for (List<?> name : all) {
        names.add(name.get(0) + ":" + name.get(1));
      }
    }
    return names;
  }

  /** The keyIdentifier inside the SubjectKeyIdentifier extension (OCTET STRING in OCTET STRING). */
  private static byte[] subjectKeyId(X509Certificate certificate) {
    byte[] extension = certificate.getExtensionValue("2.5.29.14");
    assertThat(extension).as("subject key identifier").isNotNull();
    // 04 len (04 len keyId)
    int inner = 2;
    assertThat(extension[inner]).isEqualTo((byte) 0x04);
    return java.util.Arrays.copyOfRange(extension, inner + 2, inner + 2 + extension[inner + 1]);
  }

  /** The keyIdentifier [0] of the AuthorityKeyIdentifier extension. */
  private static byte[] authorityKeyId(X509Certificate certificate) {
    byte[] extension = certificate.getExtensionValue("2.5.29.35");
    assertThat(extension).as("authority key identifier").isNotNull();
    // 04 len (30 len (80 len keyId ...))
    int sequence = 2;
    assertThat(extension[sequence]).isEqualTo((byte) 0x30);
    int keyId = sequence + 2;
    assertThat(extension[keyId]).isEqualTo((byte) 0x80);
    return java.util.Arrays.copyOfRange(extension, keyId + 2, keyId + 2 + extension[keyId + 1]);
  }

  /** RFC 5280 4.1.2.5: dates before 2050 are UTCTime (tag 0x17), not GeneralizedTime. */
  private static void assertUtcTimeValidity(X509Certificate certificate) throws Exception {
    assertThat(certificate.getNotAfter().toInstant())
        .isBefore(java.time.Instant.parse("2050-01-01T00:00:00Z"));
    // Walk the TBSCertificate instead of searching its hex: key identifiers and serials are
    // random bytes and may contain any pattern (a search for "180f" failed once on one).
    byte[] tbs = certificate.getTBSCertificate();
    int[] at = {0};
    enter(tbs, at, 0x30); // TBSCertificate
    if ((tbs[at[0]] & 0xff) == 0xa0) {
      skip(tbs, at); // [0] version
    }
    skip(tbs, at); // serialNumber
    skip(tbs, at); // signature AlgorithmIdentifier
    skip(tbs, at); // issuer
    enter(tbs, at, 0x30); // validity
    assertThat(tbs[at[0]] & 0xff).as("notBefore is a UTCTime").isEqualTo(0x17);
    skip(tbs, at);
    assertThat(tbs[at[0]] & 0xff).as("notAfter is a UTCTime").isEqualTo(0x17);
  }

  /** Moves {@code at} past the tag and length of a DER element, into its content. */
  private static void enter(byte[] der, int[] at, int expectedTag) {
    assertThat(der[at[0]] & 0xff).as("DER tag at %d", at[0]).isEqualTo(expectedTag);
    at[0]++;
    contentLength(der, at);
  }

  /** Moves {@code at} past a whole DER element. */
  private static void skip(byte[] der, int[] at) {
    at[0]++;
    int length = contentLength(der, at);
    at[0] += length;
  }

  private static int contentLength(byte[] der, int[] at) {
    int first = der[at[0]++] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int length = 0;
    for (int i = 0; i < (first & 0x7f); i++) {
      length = (length << 8) | (der[at[0]++] & 0xff);
    }
    return length;
  }
}
