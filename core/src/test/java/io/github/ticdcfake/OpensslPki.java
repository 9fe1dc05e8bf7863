package io.github.ticdcfake;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A CA, a server certificate for {@code 127.0.0.1}/{@code localhost} and client certificates, made
 * by the real {@code openssl} at test time as TiCDC deployments make them; tests that need it are
 * skipped when openssl is not installed. Also JDK SSL contexts for clients from those PEM files.
 */
public final class OpensslPki {
  private final Path dir;

  private OpensslPki(Path dir) {
    this.dir = dir;
  }

  /**
   * Makes {@code ca.pem}, {@code server.pem}/{@code server-key.pem} (RSA, PKCS#8, CN {@code
   * server}) and {@code client.pem}/{@code client-key.pem} (CN {@code client}) in {@code dir};
   * skips the test when openssl is absent.
   */
  public static OpensslPki create(Path dir) throws Exception {
    assumeTrue(opensslInstalled(), "openssl is not installed: skipping the openssl PEM tests");
    OpensslPki pki = new OpensslPki(dir);
    pki.openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca-key.pem",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/O=PingCAP/CN=test-ca");
    Files.writeString(dir.resolve("server-ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    Files.writeString(dir.resolve("client-ext.cnf"), "extendedKeyUsage=clientAuth\n");
    pki.rsaLeaf("server", "server", "server-ext.cnf");
    pki.rsaLeaf("client", "client", "client-ext.cnf");
    return pki;
  }

  /** Whether {@code openssl version} runs. */
  public static boolean opensslInstalled() {
    try {
      Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A PEM file of this PKI, such as {@code ca.pem}. */
  public Path file(String name) {
    return dir.resolve(name);
  }

  /** A client certificate {@code NAME.pem}/{@code NAME-key.pem} with subject {@code CN=cn}. */
  public void rsaLeaf(String name, String cn, String extFile) throws Exception {
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        name + "-key.pem",
        "-out",
        name + ".csr",
        "-subj",
        "/O=PingCAP/CN=" + cn);
    sign(name, extFile);
  }

  /** A leaf with a SEC1 {@code EC PRIVATE KEY} (openssl ecparam -genkey). */
  public void ecLeaf(String name, String cn, String extFile) throws Exception {
    openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", name + "-key.pem");
    openssl(
        "req",
        "-new",
        "-key",
        name + "-key.pem",
        "-out",
        name + ".csr",
        "-subj",
        "/O=PingCAP/CN=" + cn);
    sign(name, extFile);
  }

  /** A leaf with a PKCS#1 {@code RSA PRIVATE KEY} (openssl genrsa -traditional). */
  public void pkcs1Leaf(String name, String cn, String extFile) throws Exception {
    openssl("genrsa", "-traditional", "-out", name + "-key.pem", "2048");
    openssl(
        "req",
        "-new",
        "-key",
        name + "-key.pem",
        "-out",
        name + ".csr",
        "-subj",
        "/O=PingCAP/CN=" + cn);
    sign(name, extFile);
  }

  private void sign(String name, String extFile) throws Exception {
    openssl(
        "x509",
        "-req",
        "-in",
        name + ".csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca-key.pem",
        "-set_serial",
        Long.toString(System.nanoTime() & 0x7fffffffL),
        "-days",
        "2",
        "-out",
        name + ".pem",
        "-extfile",
        extFile);
  }

  private void openssl(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("openssl " + String.join(" ", args) + " failed:\n" + output);
    }
  }

  /** An SSL context trusting {@code ca.pem} that presents {@code NAME.pem} (null: no cert). */
  public SSLContext client(String name) throws Exception {
    return clientContext(
        file("ca.pem"),
        name == null ? null : file(name + ".pem"),
        name == null ? null : file(name + "-key.pem"));
  }

  /** An SSL context trusting {@code ca} that presents {@code cert}/{@code key} when not null. */
  public static SSLContext clientContext(Path ca, Path cert, Path key) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    int i = 0;
    for (X509Certificate c : Pem.certificates(ca)) {
      trust.setCertificateEntry("ca" + i++, c);
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyManagerFactory kmf = null;
    if (cert != null) {
      char[] password = "pw".toCharArray();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          "client",
          Pem.privateKey(key),
          password,
          Pem.certificates(cert).toArray(new Certificate[0]));
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }
}
