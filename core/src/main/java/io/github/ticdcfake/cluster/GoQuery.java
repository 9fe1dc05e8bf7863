package io.github.ticdcfake.cluster;

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
   * dropped (Go reports the first such error and keeps the rest, which gin's {@code c.Query}
   * ignores); keys keep their first-seen order; never {@code null}.
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
      try {
        String key = queryUnescape(eq < 0 ? pair : pair.substring(0, eq));
        String value = queryUnescape(eq < 0 ? "" : pair.substring(eq + 1));
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException badEscape) {
        // dropped, as Go drops it
      }
    }
    return values;
  }

  /** {@code url.PathUnescape}: the decoded path, or {@code null} on a bad escape. */
  public static String unescapePath(String rawPath) {
    if (rawPath.indexOf('%') < 0) {
      return rawPath;
    }
    try {
      return pathUnescape(rawPath);
    } catch (IllegalArgumentException badEscape) {
      return null;
    }
  }

  /**
   * {@code url.QueryUnescape}: {@code %XX} and {@code +} decoded over the text's bytes.
   *
   * @throws IllegalArgumentException with Go's {@code EscapeError} text, {@code invalid URL escape
   *     "%zz"}
   */
  static String queryUnescape(String s) {
    return unescape(s, true);
  }

  /** {@code url.PathUnescape}: like {@link #queryUnescape} but {@code +} stays a plus. */
  static String pathUnescape(String s) {
    return unescape(s, false);
  }

  /**
   * Go's {@code url.unescape}, which works on bytes: the result is decoded like Go reads a string,
   * so a character outside the BMP next to an escape stays whole and a byte that is not UTF-8 is
   * kept (see {@link GoStrings}).
   */
  private static String unescape(String text, boolean plusIsSpace) {
    boolean plain = true;
    for (int i = 0; i < text.length() && plain; i++) {
      char c = text.charAt(i);
      plain = c != '%' && !(plusIsSpace && c == '+') && !Character.isSurrogate(c);
    }
    if (plain) {
      return text;
    }
    byte[] s = GoStrings.bytes(text);
    byte[] out = new byte[s.length];
    int n = 0;
    for (int i = 0; i < s.length; i++) {
      byte b = s[i];
      if (b == '%') {
        if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) {
          int end = Math.min(s.length, i + 3);
          throw new IllegalArgumentException(
              "invalid URL escape " + GoStrings.quote(java.util.Arrays.copyOfRange(s, i, end)));
        }
        out[n++] = (byte) (hex(s[i + 1]) << 4 | hex(s[i + 2]));
        i += 2;
      } else if (b == '+' && plusIsSpace) {
        out[n++] = ' ';
      } else {
        out[n++] = b;
      }
    }
    return GoStrings.fromBytes(out, 0, n);
  }

  private static boolean isHex(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static int hex(byte c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
  }
}
