package io.github.ticdcfake;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Issues X.509 certificates with the JDK alone (no BouncyCastle): a tiny DER writer for the few
 * structures a self-signed CA, a server certificate and client certificates need. EC P-256 keys
 * keep generation to milliseconds.
 */
final class Certificates {
  private static final byte[] OID_EC_PUBLIC_KEY = oid(1, 2, 840, 10045, 2, 1);
  private static final byte[] OID_ECDSA_SHA256 = oid(1, 2, 840, 10045, 4, 3, 2);
  private static final byte[] OID_CN = oid(2, 5, 4, 3);
  private static final byte[] OID_BASIC_CONSTRAINTS = oid(2, 5, 29, 19);
  private static final byte[] OID_SUBJECT_ALT_NAME = oid(2, 5, 29, 17);
  private static final DateTimeFormatter GENERALIZED =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Certificates() {}

  /** A key pair and its certificate. */
  record Issued(KeyPair keys, X509Certificate certificate) {}

  static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  /** A self-signed CA certificate. */
  static Issued certificateAuthority(String commonName) throws GeneralSecurityException {
    KeyPair keys = newKeyPair();
    return new Issued(
        keys, issue(commonName, keys, commonName, keys.getPrivate(), true, List.of()));
  }

  /** A leaf certificate signed by {@code ca}, valid for the given DNS names and IP addresses. */
  static Issued leaf(String commonName, Issued ca, List<String> subjectAltNames)
      throws GeneralSecurityException {
    KeyPair keys = newKeyPair();
    String issuer = commonNameOf(ca.certificate());
    return new Issued(
        keys, issue(commonName, keys, issuer, ca.keys().getPrivate(), false, subjectAltNames));
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

  private static X509Certificate issue(
      String subjectCn,
      KeyPair subjectKeys,
      String issuerCn,
      PrivateKey issuerKey,
      boolean ca,
      List<String> subjectAltNames)
      throws GeneralSecurityException {
    Instant now = Instant.now();
    byte[] algorithm = sequence(OID_ECDSA_SHA256);
    byte[] extensions = extensions(ca, subjectAltNames);
    byte[] tbs =
        sequence(
            tagged(0xA0, integer(BigInteger.TWO)),
            integer(new BigInteger(64, RANDOM).add(BigInteger.ONE)),
            algorithm,
            name(issuerCn),
            sequence(time(now.minusSeconds(3600)), time(now.plusSeconds(3650L * 24 * 3600))),
            name(subjectCn),
            subjectKeys.getPublic().getEncoded(),
            tagged(0xA3, extensions));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(issuerKey);
    signer.update(tbs);
    byte[] certificate = sequence(tbs, algorithm, bitString(signer.sign()));
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new java.io.ByteArrayInputStream(certificate));
  }

  private static byte[] extensions(boolean ca, List<String> subjectAltNames) {
    byte[] basic =
        sequence(
            OID_BASIC_CONSTRAINTS,
            new byte[] {0x01, 0x01, (byte) 0xFF}, // critical
            octetString(ca ? sequence(new byte[] {0x01, 0x01, (byte) 0xFF}) : sequence()));
    if (subjectAltNames.isEmpty()) {
      return sequence(basic);
    }
    ByteArrayOutputStream names = new ByteArrayOutputStream();
    for (String name : subjectAltNames) {
      byte[] entry =
          name.chars().allMatch(c -> Character.isDigit(c) || c == '.')
              ? encode(0x87, ipv4(name))
              : encode(0x82, name.getBytes(StandardCharsets.US_ASCII));
      names.writeBytes(entry);
    }
    byte[] san = sequence(OID_SUBJECT_ALT_NAME, octetString(encode(0x30, names.toByteArray())));
    return sequence(basic, san);
  }

  private static byte[] ipv4(String address) {
    String[] parts = address.split("\\.");
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    return bytes;
  }

  private static byte[] name(String commonName) {
    byte[] attribute = sequence(OID_CN, encode(0x0C, commonName.getBytes(StandardCharsets.UTF_8)));
    return sequence(encode(0x31, attribute));
  }

  private static byte[] time(Instant instant) {
    return encode(0x18, GENERALIZED.format(instant).getBytes(StandardCharsets.US_ASCII));
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
