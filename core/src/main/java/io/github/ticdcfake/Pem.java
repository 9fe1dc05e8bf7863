package io.github.ticdcfake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files TiCDC's {@code --ca}, {@code --cert} and {@code --key} name, with the JDK
 * alone: certificates, and private keys as openssl writes them — PKCS#8 ({@code PRIVATE KEY}),
 * PKCS#1 RSA ({@code RSA PRIVATE KEY}) and SEC1 EC ({@code EC PRIVATE KEY}), unencrypted, as Go's
 * {@code tls.LoadX509KeyPair} wants them.
 */
final class Pem {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };
  private static final byte[] OID_EC_PUBLIC_KEY = {
    0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01
  };

  private Pem() {}

  /** One PEM block: its label and DER bytes. */
  record Block(String label, byte[] der) {}

  /**
   * The certificates of a PEM file, in file order.
   *
   * @throws IllegalArgumentException naming the file when it holds no certificate
   */
  static List<X509Certificate> certificates(Path file) {
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Block block : blocks(file)) {
        if (block.label().equals("CERTIFICATE")) {
          for (Certificate c :
              factory.generateCertificates(new ByteArrayInputStream(block.der()))) {
            certificates.add((X509Certificate) c);
          }
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(file + ": not a valid certificate: " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(file + ": no CERTIFICATE block");
    }
    return certificates;
  }

  /**
   * The private key of a PEM file.
   *
   * @throws IllegalArgumentException naming the file when it holds no usable key
   */
  static PrivateKey privateKey(Path file) {
    for (Block block : blocks(file)) {
      switch (block.label()) {
        case "PRIVATE KEY" -> {
          return pkcs8(file, block.der());
        }
        case "RSA PRIVATE KEY" -> {
          return pkcs8(file, wrap(RSA_ALGORITHM, block.der()));
        }
        case "EC PRIVATE KEY" -> {
          return pkcs8(file, wrap(ecAlgorithm(file, block.der()), block.der()));
        }
        case "ENCRYPTED PRIVATE KEY" ->
            throw new IllegalArgumentException(
                file
                    + ": encrypted private keys are not supported (TiCDC cannot read them either)");
        default -> {
          // EC PARAMETERS (openssl ecparam -genkey) and certificates: skip.
        }
      }
    }
    throw new IllegalArgumentException(
        file + ": no PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block");
  }

  /**
   * Fails unless {@code key} belongs to {@code certificate}, as Go's {@code tls.LoadX509KeyPair}
   * does ("private key does not match public key").
   */
  static void checkPair(PrivateKey key, X509Certificate certificate, Path keyFile) {
    try {
      String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
      if (key.getAlgorithm().startsWith("Ed")) {
        algorithm = key.getAlgorithm();
      }
      byte[] probe = "ticdc-fake".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException e) {
      // a key of another algorithm than the certificate's: reported below
    }
    throw new IllegalArgumentException(
        keyFile + ": private key does not match public key of the certificate");
  }

  static List<Block> blocks(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String body = m.group(2);
      if (body.contains("Proc-Type:")) {
        throw new IllegalArgumentException(
            file + ": encrypted private keys are not supported (TiCDC cannot read them either)");
      }
      try {
        blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(body)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": bad base64 in " + m.group(1) + " block", e);
      }
    }
    return blocks;
  }

  private static PrivateKey pkcs8(Path file, byte[] der) {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException(file + ": not an RSA, EC or Ed25519 private key");
  }

  /** PKCS#8 {@code PrivateKeyInfo}: version 0, the algorithm, the key as an OCTET STRING. */
  private static byte[] wrap(byte[] algorithm, byte[] key) {
    return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, key)));
  }

  /**
   * The PKCS#8 algorithm of a SEC1 {@code ECPrivateKey}: id-ecPublicKey with the curve OID from its
   * {@code [0] parameters}.
   */
  private static byte[] ecAlgorithm(Path file, byte[] sec1) {
    Der outer = new Der(sec1, 0);
    if (outer.tag != 0x30) {
      throw new IllegalArgumentException(file + ": malformed EC PRIVATE KEY");
    }
    int at = outer.contentStart;
    int end = outer.contentStart + outer.length;
    while (at < end) {
      Der field = new Der(sec1, at);
      if (field.tag == 0xa0) {
        byte[] curve = new byte[field.length];
        System.arraycopy(sec1, field.contentStart, curve, 0, field.length);
        return tlv(0x30, concat(OID_EC_PUBLIC_KEY, curve));
      }
      at = field.contentStart + field.length;
    }
    throw new IllegalArgumentException(file + ": EC PRIVATE KEY without curve parameters");
  }

  /** One DER tag-length header. */
  private static final class Der {
    final int tag;
    final int length;
    final int contentStart;

    Der(byte[] der, int at) {
      if (at + 2 > der.length) {
        throw new IllegalArgumentException("truncated DER");
      }
      tag = der[at] & 0xff;
      int first = der[at + 1] & 0xff;
      int position = at + 2;
      int len;
      if (first < 0x80) {
        len = first;
      } else {
        int count = first & 0x7f;
        if (count > 3 || position + count > der.length) {
          throw new IllegalArgumentException("bad DER length");
        }
        len = 0;
        for (int i = 0; i < count; i++) {
          len = (len << 8) | (der[position++] & 0xff);
        }
      }
      if (position + len > der.length) {
        throw new IllegalArgumentException("truncated DER");
      }
      length = len;
      contentStart = position;
    }
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else if (n < 0x10000) {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n);
    } else {
      out.write(0x83);
      out.write(n >> 16);
      out.write(n >> 8);
      out.write(n);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** A certificate as PEM text. */
  static String encode(X509Certificate certificate) {
    try {
      String base64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
