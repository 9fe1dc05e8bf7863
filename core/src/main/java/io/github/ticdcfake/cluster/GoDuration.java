package io.github.ticdcfake.cluster;

/** Go's {@code time.ParseDuration}, for the duration strings TiCDC's JSON accepts ("10m"). */
final class GoDuration {
  private GoDuration() {}

  /** Nanoseconds, or {@code null} if Go would reject the text. */
  static Long parse(String text) {
    try {
      return parseOrThrow(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Go's {@code time.ParseDuration} step by step over the text's bytes: uint64 accumulation checked
   * against {@code 1<<63}, each fraction scaled with Go's float64 expression and truncated on its
   * own (summing doubles and truncating once is off by one on inputs like {@code
   * 963.88973665ns800.74121470ns}).
   *
   * @throws IllegalArgumentException with Go's error text, e.g. {@code time: unknown unit "d" in
   *     duration "1d"}
   */
  static long parseOrThrow(String text) {
    byte[] s = GoStrings.bytes(text);
    int i = 0;
    boolean negative = false;
    if (s.length > 0 && (s[0] == '-' || s[0] == '+')) {
      negative = s[0] == '-';
      i = 1;
    }
    if (s.length - i == 1 && s[i] == '0') {
      return 0;
    }
    if (i == s.length) {
      throw invalid(s);
    }
    long d = 0; // uint64
    while (i < s.length) {
      if (!(s[i] == '.' || isDigit(s[i]))) {
        throw invalid(s);
      }
      // leadingInt
      long v = 0; // uint64
      int start = i;
      for (; i < s.length && isDigit(s[i]); i++) {
        if (Long.compareUnsigned(v, MAX_DIV_10) > 0) {
          throw invalid(s);
        }
        v = v * 10 + (s[i] - '0');
        if (Long.compareUnsigned(v, LIMIT) > 0) {
          throw invalid(s);
        }
      }
      boolean pre = i != start;
      // leadingFraction: stops gaining precision instead of failing on overflow
      long f = 0; // uint64
      double scale = 1;
      boolean post = false;
      if (i < s.length && s[i] == '.') {
        i++;
        int fractionStart = i;
        boolean overflow = false;
        for (; i < s.length && isDigit(s[i]); i++) {
          if (overflow) {
            continue;
          }
          if (Long.compareUnsigned(f, (Long.MAX_VALUE) / 10) > 0) {
            overflow = true;
            continue;
          }
          long y = f * 10 + (s[i] - '0');
          if (Long.compareUnsigned(y, LIMIT) > 0) {
            overflow = true;
            continue;
          }
          f = y;
          scale *= 10;
        }
        post = i != fractionStart;
      }
      if (!pre && !post) {
        throw invalid(s); // no digits, e.g. ".s" or "-.s"
      }
      int unitStart = i;
      while (i < s.length && s[i] != '.' && !isDigit(s[i])) {
        i++;
      }
      if (i == unitStart) {
        throw new IllegalArgumentException(
            "time: missing unit in duration " + quote(s, 0, s.length));
      }
      long unit = unit(s, unitStart, i);
      if (unit == 0) {
        throw new IllegalArgumentException(
            "time: unknown unit "
                + quote(s, unitStart, i)
                + " in duration "
                + quote(s, 0, s.length));
      }
      if (Long.compareUnsigned(v, Long.divideUnsigned(LIMIT, unit)) > 0) {
        throw invalid(s);
      }
      v *= unit;
      if (f != 0) {
        v += (long) (unsignedToDouble(f) * ((double) unit / scale));
        if (Long.compareUnsigned(v, LIMIT) > 0) {
          throw invalid(s);
        }
      }
      d += v; // wraps like Go's uint64
      if (Long.compareUnsigned(d, LIMIT) > 0) {
        throw invalid(s);
      }
    }
    if (negative) {
      return -d;
    }
    if (d < 0) { // 1<<63 is only valid negated
      throw invalid(s);
    }
    return d;
  }

  private static final long LIMIT = Long.MIN_VALUE; // 1<<63 as uint64
  private static final long MAX_DIV_10 = Long.divideUnsigned(LIMIT, 10);

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static double unsignedToDouble(long value) {
    return value >= 0 ? (double) value : -(double) Long.MIN_VALUE; // only 1<<63 is negative here
  }

  private static long unit(byte[] s, int from, int to) {
    return switch (new String(s, from, to - from, java.nio.charset.StandardCharsets.UTF_8)) {
      case "ns" -> 1L;
      case "us", "\u00b5s", "\u03bcs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> 0L;
    };
  }

  private static IllegalArgumentException invalid(byte[] s) {
    return new IllegalArgumentException("time: invalid duration " + quote(s, 0, s.length));
  }

  /**
   * Go's {@code time.quote}: printable ASCII as is ({@code "} and {@code \} escaped), every byte of
   * a control or non-ASCII character as {@code \xNN}.
   */
  private static String quote(byte[] s, int from, int to) {
    StringBuilder out = new StringBuilder(to - from + 2).append('"');
    for (int i = from; i < to; i++) {
      int b = s[i] & 0xFF;
      if (b >= 0x80 || b < ' ') {
        out.append("\\x").append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xF));
      } else {
        if (b == '"' || b == '\\') {
          out.append('\\');
        }
        out.append((char) b);
      }
    }
    return out.append('"').toString();
  }

  private static final String HEX = "0123456789abcdef";

  /** Go's {@code time.Duration.String()}: {@code 30s}, {@code 1h0m0s}, {@code 1.5s}, {@code 0s}. */
  static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    boolean negative = nanos < 0;
    long u = Math.abs(nanos);
    StringBuilder out = new StringBuilder();
    if (u < 1_000_000_000L) {
      String unit;
      long scale;
      if (u < 1_000L) {
        return (negative ? "-" : "") + u + "ns";
      } else if (u < 1_000_000L) {
        unit = "\u00b5s";
        scale = 1_000L;
      } else {
        unit = "ms";
        scale = 1_000_000L;
      }
      out.append(fraction(u, scale)).append(unit);
    } else {
      long seconds = u / 1_000_000_000L;
      long hours = seconds / 3600;
      long minutes = (seconds % 3600) / 60;
      String secs = fraction(u % 60_000_000_000L, 1_000_000_000L);
      if (hours > 0) {
        out.append(hours).append('h').append(minutes).append('m');
      } else if (minutes > 0) {
        out.append(minutes).append('m');
      }
      out.append(secs).append('s');
    }
    return (negative ? "-" : "") + out;
  }

  private static String fraction(long value, long scale) {
    long whole = value / scale;
    long rest = value % scale;
    if (rest == 0) {
      return Long.toString(whole);
    }
    String digits = Long.toString(scale + rest).substring(1);
    int end = digits.length();
    while (end > 0 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return whole + "." + digits.substring(0, end);
  }
}
