package io.github.ticdcfake.cluster;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code net/url} query and path decoding, which TiCDC applies both to sink URIs and to
 * request URLs: invalid pairs are dropped rather than refused, {@code +} is a space in queries
 * only.
 */
public final class GoQuery {
  private GoQuery() {}

  /**
   * {@code url.ParseQuery}: pairs split on {@code &}; a pair with a semicolon or a bad escape is
   * dropped; keys keep their first-seen order; never {@code null}.
   */
  public static Map<String, List<String>> parse(String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return values;
    }
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty() || pair.contains(";")) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = unescape(eq < 0 ? pair : pair.substring(0, eq), true);
      String value = unescape(eq < 0 ? "" : pair.substring(eq + 1), true);
      if (key != null && value != null) {
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
    return values;
  }

  /** {@code url.PathUnescape}: the decoded path, or {@code null} on a bad escape. */
  public static String unescapePath(String rawPath) {
    return rawPath.indexOf('%') < 0 ? rawPath : unescape(rawPath, false);
  }

  private static String unescape(String s, boolean plusIsSpace) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
          return null;
        }
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
