package io.github.ticdcfake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for a fake server, like a TiCDC started with {@code security.ca-path/cert-path/key-path}
 * (tiflow {@code pkg/security/credential.go}): HTTPS only on every capture's port, optionally
 * requiring client certificates (TiCDC's {@code mtls}) or certificates whose subject CN is allowed
 * ({@code cert-allowed-cn}).
 *
 * <p>{@link #selfSigned()} generates a throw-away CA at once and, when a server starts, a server
 * certificate for {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the address it binds. Both
 * follow RFC 5280 closely enough for strict verifiers (OpenSSL's {@code -x509_strict}, Python's
 * {@code VERIFY_X509_STRICT}): see {@link #caCertificatePem()}. Tests get what clients need to
 * trust it:
 *
 * <pre>{@code
 * FakeTls tls = FakeTls.selfSigned().allowedClientCns("ops-service");
 * try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
 *   HttpClient client = HttpClient.newBuilder()
 *       .sslContext(tls.clientSslContext("ops-service")) // a client cert the fake's CA signed
 *       .build();
 *   // server.url() is https://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class FakeTls {
  private static final char[] PASSWORD = "ticdc-fake".toCharArray();
  private static final String SERVER_CN = "ticdc-fake";

  /** The names every generated server certificate carries, besides the bound address. */
  private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "::1");

  private final KeyStore serverKeys; // null for selfSigned(): issued per bound address
  private final char[] serverKeyPassword;
  private final Certificates.Issued ca; // null when the server key store was provided
  private final boolean requireClientCertificate;
  private final Set<String> allowedClientCns;

  private FakeTls(
      KeyStore serverKeys,
      char[] serverKeyPassword,
      Certificates.Issued ca,
      boolean requireClientCertificate,
      Set<String> allowedClientCns) {
    this.serverKeys = serverKeys;
    this.serverKeyPassword = serverKeyPassword;
    this.ca = ca;
    this.requireClientCertificate = requireClientCertificate;
    this.allowedClientCns = allowedClientCns;
  }

  /**
   * A fresh CA; each server started with it gets a certificate it signed for {@code localhost},
   * {@code 127.0.0.1}, {@code ::1} and the bound host.
   */
  public static FakeTls selfSigned() {
    try {
      return new FakeTls(
          null, PASSWORD, Certificates.certificateAuthority("ticdc-fake CA"), false, Set.of());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a self-signed certificate", e);
    }
  }

  /**
   * The server key and certificate chain from a PKCS12 key store (standalone {@code
   * --tls-keystore}); client certificates are then verified against that chain's root.
   */
  public static FakeTls fromKeyStore(Path pkcs12, char[] password) {
    try (InputStream in = Files.newInputStream(pkcs12)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, password);
      return new FakeTls(keys, password.clone(), null, false, Set.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read key store " + pkcs12, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use key store " + pkcs12 + ": " + e, e);
    }
  }

  /** Clients must present a certificate signed by the CA (TiCDC's {@code security.mtls}). */
  public FakeTls requireClientCertificate() {
    return new FakeTls(serverKeys, serverKeyPassword, ca, true, allowedClientCns);
  }

  /**
   * Clients must present a CA-signed certificate whose subject CN is one of {@code cns} (TiCDC's
   * {@code cert-allowed-cn}; the server's own CN is allowed too); others fail the TLS handshake.
   */
  public FakeTls allowedClientCns(String... cns) {
    Set<String> allowed = new TreeSet<>(List.of(cns));
    return new FakeTls(
        serverKeys, serverKeyPassword, ca, true, Collections.unmodifiableSet(allowed));
  }

  /** Whether the handshake asks for and verifies a client certificate. */
  public boolean requiresClientCertificate() {
    return requireClientCertificate;
  }

  /** A trust store holding the CA that signed the server certificate. */
  public KeyStore trustStore() {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ticdc-fake-ca", rootCertificate());
      return trust;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The CA certificate as PEM, for {@code curl --cacert} or other languages' clients.
   *
   * <p>For {@link #selfSigned()}: an EC P-256 CA (critical {@code CA:true}, critical key usage
   * {@code keyCertSign, cRLSign}, subject key identifier, ten years); server certificates carry
   * {@code CA:false}, critical key usage {@code digitalSignature}, extended key usage {@code
   * serverAuth}, subject and authority key identifiers and the names above; client certificates the
   * same with {@code clientAuth} and no names. Dates are UTCTime and serial numbers positive.
   */
  public String caCertificatePem() {
    try {
      String base64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(rootCertificate().getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An SSL context that trusts the fake and presents no client certificate. */
  public SSLContext sslContext() {
    return context(null, null);
  }

  /**
   * An SSL context that trusts the fake and presents a fresh client certificate with subject {@code
   * CN=commonName}, signed by the fake's CA (only for {@link #selfSigned()}).
   */
  public SSLContext clientSslContext(String commonName) {
    return context(clientKeyStore(commonName, PASSWORD), PASSWORD);
  }

  /**
   * A PKCS12 key store holding a fresh client key and certificate with subject {@code
   * CN=commonName}, signed by the fake's CA and protected by {@code password}, for clients other
   * than the JDK's (only for {@link #selfSigned()}).
   */
  public KeyStore clientKeyStore(String commonName, char[] password) {
    if (ca == null) {
      throw new IllegalStateException(
          "client certificates can only be issued by a selfSigned() FakeTls");
    }
    try {
      Certificates.Issued client =
          Certificates.leaf(commonName, ca, Certificates.Purpose.CLIENT, List.of());
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          "client",
          client.keys().getPrivate(),
          password,
          new Certificate[] {client.certificate(), ca.certificate()});
      return keys;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The server side for a listener on {@code boundHost}: its key, and the client-certificate rules.
   * Used by the server only.
   */
  SSLContext serverSslContext(String boundHost) {
    try {
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      if (serverKeys != null) {
        keyManagers.init(serverKeys, serverKeyPassword);
      } else {
        keyManagers.init(issueServerKeys(boundHost), PASSWORD);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keyManagers.getKeyManagers(),
          new TrustManager[] {new AllowedCnTrustManager(defaultTrustManager(), allowed())},
          null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A server certificate for the loopback names and {@code boundHost} unless it is a wildcard. */
  private KeyStore issueServerKeys(String boundHost) throws GeneralSecurityException, IOException {
    Set<String> names = new java.util.LinkedHashSet<>(LOOPBACK_NAMES);
    String host = boundHost == null ? "" : boundHost.replace("[", "").replace("]", "");
    byte[] address = host.isEmpty() ? null : Certificates.ipAddress(host);
    boolean wildcard =
        address != null && java.util.Arrays.equals(address, new byte[address.length]);
    if (!host.isEmpty() && !wildcard) {
      names.add(address != null && address.length == 16 ? canonicalIpv6(address) : host);
    }
    Certificates.Issued server =
        Certificates.leaf(SERVER_CN, ca, Certificates.Purpose.SERVER, List.copyOf(names));
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "server",
        server.keys().getPrivate(),
        PASSWORD,
        new Certificate[] {server.certificate(), ca.certificate()});
    return keys;
  }

  private static String canonicalIpv6(byte[] address) throws java.net.UnknownHostException {
    return java.net.InetAddress.getByAddress(address).getHostAddress();
  }

  private Set<String> allowed() throws GeneralSecurityException {
    if (allowedClientCns.isEmpty()) {
      return Set.of();
    }
    Set<String> allowed = new TreeSet<>(allowedClientCns);
    allowed.add(serverKeys == null ? SERVER_CN : Certificates.commonNameOf(serverCertificate()));
    return allowed;
  }

  private SSLContext context(KeyStore keys, char[] password) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      KeyManagerFactory keyManagers = null;
      if (keys != null) {
        keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
      }
      context.init(
          keyManagers == null ? null : keyManagers.getKeyManagers(),
          new TrustManager[] {defaultTrustManager()},
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private X509TrustManager defaultTrustManager() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trustStore());
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("no X509TrustManager");
  }

  private X509Certificate serverCertificate() throws GeneralSecurityException {
    for (String alias : Collections.list(serverKeys.aliases())) {
      if (serverKeys.isKeyEntry(alias)) {
        return (X509Certificate) serverKeys.getCertificate(alias);
      }
    }
    throw new IllegalStateException("the key store holds no key entry");
  }

  private X509Certificate rootCertificate() throws GeneralSecurityException {
    if (ca != null) {
      return ca.certificate();
    }
    for (String alias : Collections.list(serverKeys.aliases())) {
      if (serverKeys.isKeyEntry(alias)) {
        Certificate[] chain = serverKeys.getCertificateChain(alias);
        return (X509Certificate) chain[chain.length - 1];
      }
    }
    throw new IllegalStateException("the key store holds no key entry");
  }

  /** Verifies client chains against the CA, then TiCDC's CN allow-list. */
  private static final class AllowedCnTrustManager implements X509TrustManager {
    private final X509TrustManager delegate;
    private final Set<String> allowed;

    AllowedCnTrustManager(X509TrustManager delegate, Set<String> allowed) {
      this.delegate = delegate;
      this.allowed = allowed;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
      if (!allowed.isEmpty()) {
        String cn = Certificates.commonNameOf(chain[0]);
        if (!allowed.contains(cn)) {
          throw new CertificateException(
              "client certificate authentication failed: CN " + cn + " is not in " + allowed);
        }
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new ArrayList<>(List.of(delegate.getAcceptedIssuers()))
          .toArray(new X509Certificate[0]);
    }
  }
}
