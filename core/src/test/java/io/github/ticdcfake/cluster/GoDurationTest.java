package io.github.ticdcfake.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link GoDuration#parse} is Go's {@code time.ParseDuration}: the vectors are Go's own ({@code
 * golang/go src/time/time_test.go}, parseDurationTests and parseDurationErrorTests), and a seeded
 * differential run compares it with a plain BigInteger port of Go's algorithm.
 */
class GoDurationTest {
  private static final long NS = 1;
  private static final long US = 1_000;
  private static final long MS = 1_000_000;
  private static final long S = 1_000_000_000;
  private static final long M = 60 * S;
  private static final long H = 60 * M;

  /** parseDurationTests from Go's time_test.go. */
  private static final Object[][] GO_VALID = {
    // simple
    {"0", 0L},
    {"5s", 5 * S},
    {"30s", 30 * S},
    {"1478s", 1478 * S},
    // sign
    {"-5s", -5 * S},
    {"+5s", 5 * S},
    {"-0", 0L},
    {"+0", 0L},
    // decimal
    {"5.0s", 5 * S},
    {"5.6s", 5 * S + 600 * MS},
    {"5.s", 5 * S},
    {".5s", 500 * MS},
    {"1.0s", 1 * S},
    {"1.00s", 1 * S},
    {"1.004s", 1 * S + 4 * MS},
    {"1.0040s", 1 * S + 4 * MS},
    {"100.00100s", 100 * S + 1 * MS},
    // different units
    {"10ns", 10 * NS},
    {"11us", 11 * US},
    {"12\u00b5s", 12 * US},
    {"12\u03bcs", 12 * US},
    {"13ms", 13 * MS},
    {"14s", 14 * S},
    {"15m", 15 * M},
    {"16h", 16 * H},
    // composite durations
    {"3h30m", 3 * H + 30 * M},
    {"10.5s4m", 4 * M + 10 * S + 500 * MS},
    {"-2m3.4s", -(2 * M + 3 * S + 400 * MS)},
    {"1h2m3s4ms5us6ns", 1 * H + 2 * M + 3 * S + 4 * MS + 5 * US + 6 * NS},
    {"39h9m14.425s", 39 * H + 9 * M + 14 * S + 425 * MS},
    // large value
    {"52763797000ns", 52763797000L},
    // more than 9 digits after decimal point, see https://golang.org/issue/6617
    {"0.3333333333333333333h", 20 * M},
    // 9007199254740993 = 1<<53+1 cannot be stored precisely in a float64
    {"9007199254740993ns", (1L << 53) + 1},
    // largest duration that can be represented by int64 in nanoseconds
    {"9223372036854775807ns", Long.MAX_VALUE},
    {"9223372036854775.807us", Long.MAX_VALUE},
    {"9223372036s854ms775us807ns", Long.MAX_VALUE},
    {"-9223372036854775808ns", Long.MIN_VALUE},
    {"-9223372036854775.808us", Long.MIN_VALUE},
    {"-9223372036s854ms775us808ns", Long.MIN_VALUE},
    // largest negative value
    {"-9223372036854775808ns", Long.MIN_VALUE},
    // largest negative round trip value, see https://golang.org/issue/48629
    {"-2562047h47m16.854775808s", Long.MIN_VALUE},
    // huge string; issue 15011.
    {"0.100000000000000000000h", 6 * M},
    // This value tests the first overflow check in leadingFraction.
    {"0.830103483285477580700h", 49 * M + 48 * S + 372539827 * NS},
  };

  /** parseDurationErrorTests from Go's time_test.go: the error must contain the quoted text. */
  private static final String[][] GO_ERRORS = {
    // invalid
    {"", "\"\""},
    {"3", "\"3\""},
    {"-", "\"-\""},
    {"s", "\"s\""},
    {".", "\".\""},
    {"-.", "\"-.\""},
    {".s", "\".s\""},
    {"+.s", "\"+.s\""},
    {"1d", "\"1d\""},
    {"\uFFFD", "\"\\xef\\xbf\\xbd\""}, // utf8.RuneError
    {"\uFFFD hello \uFFFD world", "\"\\xef\\xbf\\xbd hello \\xef\\xbf\\xbd world\""},
    // overflow
    {"9223372036854775810ns", "\"9223372036854775810ns\""},
    {"9223372036854775808ns", "\"9223372036854775808ns\""},
    {"-9223372036854775809ns", "\"-9223372036854775809ns\""},
    {"9223372036854776us", "\"9223372036854776us\""},
    {"3000000h", "\"3000000h\""},
    {"9223372036854775.808us", "\"9223372036854775.808us\""},
    {"9223372036854ms775us808ns", "\"9223372036854ms775us808ns\""},
  };

  @Test
  void goesOwnValidVectorsParse() {
    for (Object[] vector : GO_VALID) {
      assertThat(GoDuration.parse((String) vector[0])).as((String) vector[0]).isEqualTo(vector[1]);
    }
  }

  @Test
  void goesOwnErrorVectorsFailNamingTheInput() {
    for (String[] vector : GO_ERRORS) {
      assertThat(GoDuration.parse(vector[0])).as(vector[0]).isNull();
      assertThatThrownBy(() -> GoDuration.parseOrThrow(vector[0]))
          .as(vector[0])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(vector[1]);
    }
  }

  @Test
  void fractionsAreTruncatedPerComponentAsGoDoes() {
    // Found by a differential fuzz: summing doubles and truncating once gave 1764.
    assertThat(GoDuration.parse("963.88973665ns800.74121470ns")).isEqualTo(1763L);
    assertThat(GoDuration.parse("1.9ns1.9ns")).isEqualTo(2L);
    // Go sums in uint64 and checks against 1<<63 after each part, so two halves wrap to zero.
    assertThat(GoDuration.parse("9223372036854775808ns9223372036854775808ns")).isZero();
  }

  @Test
  void errorTextsAreGoes() {
    assertThat(message("soon")).isEqualTo("time: invalid duration \"soon\"");
    assertThat(message("10")).isEqualTo("time: missing unit in duration \"10\"");
    assertThat(message("1d")).isEqualTo("time: unknown unit \"d\" in duration \"1d\"");
    assertThat(message("1\u00b5"))
        .isEqualTo("time: unknown unit \"\\xc2\\xb5\" in duration \"1\\xc2\\xb5\"");
    assertThat(message("1x\"\\"))
        .isEqualTo("time: unknown unit \"x\\\"\\\\\" in duration \"1x\\\"\\\\\"");
    assertThat(message("1\ts")).isEqualTo("time: unknown unit \"\\x09s\" in duration \"1\\x09s\"");
    assertThat(message("3000000h")).isEqualTo("time: invalid duration \"3000000h\"");
  }

  @Test
  void replicaConfigDurationsReportGoesError() {
    assertThatThrownBy(
            () ->
                ChangefeedSpec.decodeCreate(
                    java.util.Map.of(
                        "replica_config", java.util.Map.of("sync_point_interval", "10"))))
        .isInstanceOf(CdcException.class)
        .hasMessageEndingWith("time: missing unit in duration \"10\"");
  }

  @Test
  void agreesWithAPlainPortOfGoesAlgorithmOnRandomInputs() {
    Random random = new Random(20261201);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      String input = randomDuration(random);
      Object expected = Reference.parse(input);
      Object actual;
      try {
        actual = GoDuration.parseOrThrow(input);
      } catch (IllegalArgumentException e) {
        actual = e.getMessage();
      }
      if (!expected.equals(actual)) {
        mismatches.add(input + ": Go " + expected + ", fake " + actual);
      }
    }
    assertThat(mismatches).isEmpty();
  }

  private static String message(String input) {
    try {
      GoDuration.parseOrThrow(input);
      throw new AssertionError(input + " parsed");
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static final String[] UNITS = {
    "ns", "us", "\u00b5s", "\u03bcs", "ms", "s", "m", "h", "", "d", "x", "S"
  };

  private static String randomDuration(Random random) {
    StringBuilder out = new StringBuilder();
    switch (random.nextInt(8)) {
      case 0 -> out.append('-');
      case 1 -> out.append('+');
      default -> {}
    }
    int components = 1 + random.nextInt(3);
    for (int c = 0; c < components; c++) {
      int shape = random.nextInt(10);
      if (shape != 0) {
        out.append(
            digits(
                random, random.nextInt(4) == 0 ? 1 + random.nextInt(20) : 1 + random.nextInt(5)));
      }
      if (shape <= 4) {
        out.append('.');
        if (random.nextInt(6) != 0) {
          out.append(digits(random, 1 + random.nextInt(random.nextInt(4) == 0 ? 25 : 10)));
        }
      }
      int unit = random.nextInt(40);
      out.append(unit < UNITS.length ? UNITS[unit] : UNITS[unit % 8]);
    }
    return out.toString();
  }

  private static String digits(Random random, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  /**
   * A direct port of Go's {@code time.ParseDuration} ({@code golang/go src/time/format.go}) over
   * the text's UTF-8 bytes, with BigInteger in place of uint64 so its overflow checks read as Go's;
   * the answer is the nanoseconds (a Long) or Go's error text (a String).
   */
  private static final class Reference {
    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(63);

    static Object parse(String text) {
      byte[] s = text.getBytes(StandardCharsets.UTF_8);
      String invalid = "time: invalid duration " + quote(s, 0, s.length);
      int i = 0;
      boolean neg = false;
      if (s.length > 0 && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        i = 1;
      }
      if (s.length - i == 1 && s[i] == '0') {
        return 0L;
      }
      if (i == s.length) {
        return invalid;
      }
      BigInteger d = BigInteger.ZERO;
      while (i < s.length) {
        if (!(s[i] == '.' || (s[i] >= '0' && s[i] <= '9'))) {
          return invalid;
        }
        BigInteger v = BigInteger.ZERO;
        int start = i;
        while (i < s.length && s[i] >= '0' && s[i] <= '9') {
          v = v.multiply(BigInteger.TEN).add(BigInteger.valueOf(s[i] - '0'));
          if (v.compareTo(LIMIT) > 0) {
            return invalid;
          }
          i++;
        }
        boolean pre = i != start;
        boolean post = false;
        BigInteger f = BigInteger.ZERO;
        double scale = 1;
        if (i < s.length && s[i] == '.') {
          i++;
          int fracStart = i;
          boolean overflow = false;
          while (i < s.length && s[i] >= '0' && s[i] <= '9') {
            if (!overflow) {
              BigInteger y = f.multiply(BigInteger.TEN).add(BigInteger.valueOf(s[i] - '0'));
              if (f.compareTo(LIMIT.subtract(BigInteger.ONE).divide(BigInteger.TEN)) > 0
                  || y.compareTo(LIMIT) > 0) {
                overflow = true;
              } else {
                f = y;
                scale *= 10;
              }
            }
            i++;
          }
          post = i != fracStart;
        }
        if (!pre && !post) {
          return invalid;
        }
        int unitStart = i;
        while (i < s.length && s[i] != '.' && (s[i] < '0' || s[i] > '9')) {
          i++;
        }
        if (i == unitStart) {
          return "time: missing unit in duration " + quote(s, 0, s.length);
        }
        String name = new String(s, unitStart, i - unitStart, StandardCharsets.UTF_8);
        long unit =
            switch (name) {
              case "ns" -> 1L;
              case "us", "\u00b5s", "\u03bcs" -> 1_000L;
              case "ms" -> 1_000_000L;
              case "s" -> 1_000_000_000L;
              case "m" -> 60_000_000_000L;
              case "h" -> 3_600_000_000_000L;
              default -> 0L;
            };
        if (unit == 0) {
          return "time: unknown unit "
              + quote(s, unitStart, i)
              + " in duration "
              + quote(s, 0, s.length);
        }
        BigInteger u = BigInteger.valueOf(unit);
        if (v.compareTo(LIMIT.divide(u)) > 0) {
          return invalid;
        }
        v = v.multiply(u);
        if (f.signum() > 0) {
          v = v.add(BigInteger.valueOf((long) (f.doubleValue() * ((double) unit / scale))));
          if (v.compareTo(LIMIT) > 0) {
            return invalid;
          }
        }
        d = d.add(v).mod(BigInteger.ONE.shiftLeft(64)); // uint64: 1<<63 + 1<<63 wraps to 0
        if (d.compareTo(LIMIT) > 0) {
          return invalid;
        }
      }
      if (neg) {
        return d.negate().longValueExact();
      }
      if (d.compareTo(LIMIT) >= 0) {
        return invalid;
      }
      return d.longValueExact();
    }

    /** Go's {@code time.quote}: ASCII as is ({@code "} and {@code \} escaped), others as bytes. */
    static String quote(byte[] s, int from, int to) {
      StringBuilder out = new StringBuilder("\"");
      for (int i = from; i < to; i++) {
        int b = s[i] & 0xFF;
        if (b >= 0x80 || b < ' ') {
          out.append(String.format("\\x%02x", b));
        } else {
          if (b == '"' || b == '\\') {
            out.append('\\');
          }
          out.append((char) b);
        }
      }
      return out.append('"').toString();
    }
  }
}
