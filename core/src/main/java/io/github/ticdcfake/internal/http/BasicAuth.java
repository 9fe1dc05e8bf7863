package io.github.ticdcfake.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic credentials as Go's {@code Request.BasicAuth} reads them. */
final class BasicAuth {
  private BasicAuth() {}

  /** {@code [user, password]}, or {@code null} when the header is absent or not valid Basic. */
  static String[] parse(String header) {
    if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }
}
