package io.github.ticdcfake.cluster;

/** Go's {@code time.ParseDuration}, for the duration strings TiCDC's JSON accepts ("10m"). */
final class GoDuration {
  private GoDuration() {}

  /** Nanoseconds, or {@code null} if Go would reject the text. */
  static Long parse(String text) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0L;
    }
    if (s.isEmpty()) {
      return null;
    }
    double total = 0;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      if (start == i) {
        return null;
      }
      double number;
      try {
        number = Double.parseDouble(s.substring(start, i));
      } catch (NumberFormatException e) {
        return null;
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      double unit =
          switch (s.substring(unitStart, i)) {
            case "ns" -> 1;
            case "us", "µs", "μs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> -1;
          };
      if (unit < 0) {
        return null;
      }
      total += number * unit;
    }
    if (total > Long.MAX_VALUE) {
      return null;
    }
    long nanos = (long) total;
    return negative ? -nanos : nanos;
  }

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
