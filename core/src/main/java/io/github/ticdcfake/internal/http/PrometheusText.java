package io.github.ticdcfake.internal.http;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus text exposition format 0.0.4 as TiCDC's {@code promhttp} handler writes it
 * (prometheus/common {@code expfmt/text_create.go}): families sorted by name, each with {@code #
 * HELP} and {@code # TYPE}; label pairs sorted by name; samples sorted by label values; values in
 * Go's shortest {@code %g}; families without samples left out.
 */
final class PrometheusText {
  /**
   * What {@code promhttp} answers a scraper that asks for nothing special (prometheus/common {@code
   * expfmt.Negotiate}, default name escaping {@code underscores}).
   */
  static final String CONTENT_TYPE =
      "text/plain; version=0.0.4; charset=utf-8; escaping=underscores";

  /** The metric types this fake exposes. */
  enum Type {
    COUNTER,
    GAUGE;

    String wireName() {
      return switch (this) {
        case COUNTER -> "counter";
        case GAUGE -> "gauge";
      };
    }
  }

  private record Sample(List<String[]> labels, double value) {}

  private static final class Family {
    final String help;
    final Type type;
    final List<Sample> samples = new ArrayList<>();

    Family(String help, Type type) {
      this.help = help;
      this.type = type;
    }
  }

  private final Map<String, Family> families = new TreeMap<>();

  /** Declares a family; samples added later appear under it. */
  PrometheusText declare(String name, Type type, String help) {
    families.putIfAbsent(name, new Family(help, type));
    return this;
  }

  /** Adds one sample without labels to a declared family. */
  PrometheusText sample(String name, double value) {
    return sample(name, Map.of(), value);
  }

  /** Adds one sample to a declared family; {@code labels} are sorted by name on output. */
  PrometheusText sample(String name, Map<String, String> labels, double value) {
    Family family = families.get(name);
    if (family == null) {
      throw new IllegalStateException("undeclared metric family " + name);
    }
    List<String[]> pairs = new ArrayList<>();
    new TreeMap<>(labels).forEach((k, v) -> pairs.add(new String[] {k, v}));
    family.samples.add(new Sample(pairs, value));
    return this;
  }

  /** The exposition, UTF-8. */
  byte[] render() {
    StringBuilder out = new StringBuilder(4096);
    families.forEach(
        (name, family) -> {
          if (family.samples.isEmpty()) {
            return;
          }
          out.append("# HELP ").append(name).append(' ');
          escape(out, family.help, false);
          out.append("\n# TYPE ").append(name).append(' ').append(family.type.wireName());
          out.append('\n');
          List<Sample> sorted = new ArrayList<>(family.samples);
          sorted.sort(BY_LABEL_VALUES);
          for (Sample sample : sorted) {
            out.append(name);
            if (!sample.labels.isEmpty()) {
              out.append('{');
              for (int i = 0; i < sample.labels.size(); i++) {
                String[] pair = sample.labels.get(i);
                if (i > 0) {
                  out.append(',');
                }
                out.append(pair[0]).append("=\"");
                escape(out, pair[1], true);
                out.append('"');
              }
              out.append('}');
            }
            out.append(' ').append(goFloat(sample.value)).append('\n');
          }
        });
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** client_golang sorts a family's metrics by their label values, in label-name order. */
  private static final Comparator<Sample> BY_LABEL_VALUES =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.labels.size(), b.labels.size()); i++) {
          int c = a.labels.get(i)[1].compareTo(b.labels.get(i)[1]);
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.labels.size(), b.labels.size());
      };

  /** HELP text escapes backslash and newline; label values also the double quote. */
  private static void escape(StringBuilder out, String s, boolean quote) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '"' -> out.append(quote ? "\\\"" : "\"");
        default -> out.append(c);
      }
    }
  }

  /**
   * Go's {@code strconv.FormatFloat(f, 'g', -1, 64)} as expfmt writes values: the shortest digits,
   * exponent form when the exponent is below -4 or at least 6 ({@code 1.7161704e+12}).
   */
  static String goFloat(double f) {
    if (f == 1) {
      return "1";
    }
    if (f == 0) {
      return "0";
    }
    if (f == -1) {
      return "-1";
    }
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(f))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int pointAt = digits.length() - exact.scale(); // digits before the decimal point
    int exp = pointAt - 1;
    StringBuilder s = new StringBuilder(24);
    if (f < 0) {
      s.append('-');
    }
    if (exp < -4 || exp >= 6) {
      s.append(digits.charAt(0));
      if (digits.length() > 1) {
        s.append('.').append(digits, 1, digits.length());
      }
      s.append('e').append(exp < 0 ? '-' : '+');
      int abs = Math.abs(exp);
      if (abs < 10) {
        s.append('0');
      }
      s.append(abs);
    } else if (pointAt <= 0) {
      s.append("0.").append("0".repeat(-pointAt)).append(digits);
    } else if (pointAt >= digits.length()) {
      s.append(digits).append("0".repeat(pointAt - digits.length()));
    } else {
      s.append(digits, 0, pointAt).append('.').append(digits, pointAt, digits.length());
    }
    return s.toString();
  }
}
