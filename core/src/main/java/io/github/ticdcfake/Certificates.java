package io.github.ticdcfake;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Issues RFC 5280 certificates with the JDK alone (no BouncyCastle): a tiny DER writer for the few
 * structures a self-signed CA, a server certificate and client certificates need. EC P-256 keys
 * keep generation to milliseconds.
 *
 * <p>Strict verifiers (OpenSSL's {@code -x509_strict}, Python's {@code VERIFY_X509_STRICT}) want
 * what the RFC asks for: a CA with critical basic constraints and key usage ({@code keyCertSign},
 * {@code cRLSign}) and a subject key identifier; leaves with an authority key identifier naming it,
 * their own key identifier, a critical key usage, an extended key usage, and (servers) the names
 * clients connect by; validity dates before 2050 as UTCTime; positive serial numbers.
 */
final class Certificates {
  private static final byte[] OID_EC_PUBLIC_KEY = oid(1, 2, 840, 10045, 2, 1);
  private static final byte[] OID_ECDSA_SHA256 = oid(1, 2, 840, 10045, 4, 3, 2);
  private static final byte[] OID_CN = oid(2, 5, 4, 3);
  private static final byte[] OID_BASIC_CONSTRAINTS = oid(2, 5, 29, 19);
  private static final byte[] OID_SUBJECT_ALT_NAME = oid(2, 5, 29, 17);
  private static final byte[] OID_KEY_USAGE = oid(2, 5, 29, 15);
  private static final byte[] OID_EXT_KEY_USAGE = oid(2, 5, 29, 37);
  private static final byte[] OID_SUBJECT_KEY_ID = oid(2, 5, 29, 14);
  private static final byte[] OID_AUTHORITY_KEY_ID = oid(2, 5, 29, 35);
  private static final byte[] OID_SERVER_AUTH = oid(1, 3, 6, 1, 5, 5, 7, 3, 1);
  private static final byte[] OID_CLIENT_AUTH = oid(1, 3, 6, 1, 5, 5, 7, 3, 2);
  private static final byte[] CRITICAL = {0x01, 0x01, (byte) 0xFF};
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GENERALIZED =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Instant UTC_TIME_END = Instant.parse("2050-01-01T00:00:00Z");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Certificates() {}

  /** A key pair and its certificate. */
  record Issued(KeyPair keys, X509Certificate certificate) {}

  static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  /** What a leaf certificate is for: its extended key usage. */
  enum Purpose {
    SERVER,
    CLIENT
  }

  /** A self-signed CA certificate. */
  static Issued certificateAuthority(String commonName) throws GeneralSecurityException {
    KeyPair keys = newKeyPair();
    return new Issued(keys, issue(commonName, keys, null, Purpose.SERVER, List.of()));
  }

  /**
   * A leaf certificate signed by {@code ca} for {@code purpose}, valid for the given DNS names and
   * IP addresses (IPv4 or IPv6 literals, with or without brackets).
   */
  static Issued leaf(String commonName, Issued ca, Purpose purpose, List<String> subjectAltNames)
      throws GeneralSecurityException {
    KeyPair keys = newKeyPair();
    return new Issued(keys, issue(commonName, keys, ca, purpose, subjectAltNames));
  }

  static String commonNameOf(X509Certificate certificate) {
    String dn = certificate.getSubjectX500Principal().getName();
    for (String part : dn.split(",")) {
      if (part.startsWith("CN=")) {
        return part.substring(3);
      }
    }
    return "";
  }

  /** Signs a certificate for {@code subjectKeys}: by {@code issuer}, or self-signed (a CA). */
  private static X509Certificate issue(
      String subjectCn,
      KeyPair subjectKeys,
      Issued issuer,
      Purpose purpose,
      List<String> subjectAltNames)
      throws GeneralSecurityException {
    boolean ca = issuer == null;
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Instant notAfter = now.plus(ca ? Duration.ofDays(3650) : Duration.ofDays(825));
    byte[] publicKey = subjectKeys.getPublic().getEncoded();
    byte[] subjectKeyId = keyIdentifier(publicKey);
    byte[] authorityKeyId =
        ca ? subjectKeyId : keyIdentifier(issuer.certificate().getPublicKey().getEncoded());
    byte[] algorithm = sequence(OID_ECDSA_SHA256);
    List<byte[]> extensions = new ArrayList<>();
    // RFC 5280 4.2.1.9: critical in a CA; a leaf says CA:false with an empty sequence.
    extensions.add(
        extension(
            OID_BASIC_CONSTRAINTS,
            true,
            ca ? sequence(new byte[] {0x01, 0x01, (byte) 0xFF}) : sequence()));
    // RFC 5280 4.2.1.3 and RFC 5480 3: an EC key signs (leaves) or signs certificates and CRLs
    // (CAs); keyEncipherment belongs to RSA key transport and is not valid for an EC key.
    extensions.add(extension(OID_KEY_USAGE, true, ca ? keyUsage(5, 6) : keyUsage(0)));
    if (!ca) {
      extensions.add(
          extension(
              OID_EXT_KEY_USAGE,
              false,
              sequence(purpose == Purpose.SERVER ? OID_SERVER_AUTH : OID_CLIENT_AUTH)));
    }
    extensions.add(extension(OID_SUBJECT_KEY_ID, false, octetString(subjectKeyId)));
    extensions.add(extension(OID_AUTHORITY_KEY_ID, false, sequence(encode(0x80, authorityKeyId))));
    if (!subjectAltNames.isEmpty()) {
      extensions.add(extension(OID_SUBJECT_ALT_NAME, false, generalNames(subjectAltNames)));
    }
    byte[] tbs =
        sequence(
            tagged(0xA0, integer(BigInteger.TWO)),
            integer(serialNumber()),
            algorithm,
            // The issuer's subject as encoded, so name chaining compares equal bytes.
            ca ? name(subjectCn) : issuer.certificate().getSubjectX500Principal().getEncoded(),
            sequence(time(now.minus(Duration.ofHours(1))), time(notAfter)),
            name(subjectCn),
            publicKey,
            tagged(0xA3, sequence(extensions.toArray(new byte[0][]))));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(ca ? subjectKeys.getPrivate() : issuer.keys().getPrivate());
    signer.update(tbs);
    byte[] certificate = sequence(tbs, algorithm, bitString(signer.sign()));
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new java.io.ByteArrayInputStream(certificate));
  }

  /** RFC 5280 4.1.2.2: positive, at most 20 octets; 120 random bits are both, and unique. */
  private static BigInteger serialNumber() {
    return new BigInteger(120, RANDOM).setBit(119);
  }

  private static byte[] extension(byte[] oid, boolean critical, byte[] value) {
    return critical
        ? sequence(oid, CRITICAL, octetString(value))
        : sequence(oid, octetString(value));
  }

  /** A KeyUsage BIT STRING with the given bits set, trailing zero bits dropped as DER wants. */
  private static byte[] keyUsage(int... bits) {
    int value = 0;
    int highest = 0;
    for (int bit : bits) {
      value |= 0x80 >> bit;
      highest = Math.max(highest, bit);
    }
    return encode(0x03, new byte[] {(byte) (7 - highest), (byte) value});
  }

  /** RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's bits. */
  private static byte[] keyIdentifier(byte[] subjectPublicKeyInfo) throws GeneralSecurityException {
    int[] outer = header(subjectPublicKeyInfo, 0);
    int[] algorithm = header(subjectPublicKeyInfo, outer[0]);
    int bitString = algorithm[0] + algorithm[1];
    int[] key = header(subjectPublicKeyInfo, bitString);
    return MessageDigest.getInstance("SHA-1")
        .digest(
            java.util.Arrays.copyOfRange(
                subjectPublicKeyInfo, key[0] + 1, key[0] + key[1])); // skip unused-bits octet
  }

  /** The content offset and length of the DER element at {@code at}. */
  private static int[] header(byte[] der, int at) {
    int length = der[at + 1] & 0xFF;
    int offset = at + 2;
    if (length >= 0x80) {
      int n = length & 0x7F;
      length = 0;
      for (int i = 0; i < n; i++) {
        length = (length << 8) | (der[offset++] & 0xFF);
      }
    }
    return new int[] {offset, length};
  }

  private static byte[] generalNames(List<String> names) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String name : names) {
      byte[] address = ipAddress(name);
      out.writeBytes(
          address != null
              ? encode(0x87, address)
              : encode(0x82, name.getBytes(StandardCharsets.US_ASCII)));
    }
    return encode(0x30, out.toByteArray());
  }

  /** The 4 or 16 bytes of an IP literal, or null for a DNS name; never resolves anything. */
  static byte[] ipAddress(String name) {
    String literal =
        name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    boolean ipv4 =
        !literal.isEmpty() && literal.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    if (!ipv4 && literal.indexOf(':') < 0) {
      return null;
    }
    try {
      return java.net.InetAddress.getByName(literal).getAddress(); // a literal: no lookup
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + name, e);
    }
  }

  private static byte[] name(String commonName) {
    byte[] attribute = sequence(OID_CN, encode(0x0C, commonName.getBytes(StandardCharsets.UTF_8)));
    return sequence(encode(0x31, attribute));
  }

  /** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
  private static byte[] time(Instant instant) {
    return instant.isBefore(UTC_TIME_END)
        ? encode(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII))
        : encode(0x18, GENERALIZED.format(instant).getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] integer(BigInteger value) {
    return encode(0x02, value.toByteArray());
  }

  private static byte[] bitString(byte[] bits) {
    byte[] content = new byte[bits.length + 1];
    System.arraycopy(bits, 0, content, 1, bits.length);
    return encode(0x03, content);
  }

  private static byte[] octetString(byte[] content) {
    return encode(0x04, content);
  }

  private static byte[] tagged(int tag, byte[] content) {
    return encode(tag, content);
  }

  private static byte[] sequence(byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      content.writeBytes(part);
    }
    return encode(0x30, content.toByteArray());
  }

  private static byte[] oid(int... arcs) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.write(arcs[0] * 40 + arcs[1]);
    for (int i = 2; i < arcs.length; i++) {
      int arc = arcs[i];
      byte[] chunk = new byte[5];
      int n = 0;
      do {
        chunk[n++] = (byte) (arc & 0x7F);
        arc >>>= 7;
      } while (arc != 0);
      for (int j = n - 1; j >= 0; j--) {
        content.write(chunk[j] | (j > 0 ? 0x80 : 0));
      }
    }
    return encode(0x06, content.toByteArray());
  }

  private static byte[] encode(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length);
    } else {
      out.write(0x83);
      out.write(length >> 16);
      out.write(length >> 8);
      out.write(length);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
