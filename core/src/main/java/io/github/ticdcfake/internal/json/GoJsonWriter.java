package io.github.ticdcfake.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes values exactly as Go's {@code encoding/json} prints them: HTML-safe lower-case escapes,
 * compact or {@code MarshalIndent} layout, no trailing newline. Records are written from their
 * Jackson annotations ({@code @JsonPropertyOrder}, {@code @JsonProperty}, {@code @JsonInclude}), so
 * the wire records stay declarative without loading Jackson's data binding, which was most of a
 * cold start's class loading.
 */
final class GoJsonWriter implements JsonOut {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /**
   * How one record class is written; computed once per class, with the member's name already quoted
   * and escaped.
   */
  private record Property(String name, byte[] quotedName, Method accessor, Include include) {}

  private static final ClassValue<List<Property>> PROPERTIES =
      new ClassValue<>() {
        @Override
        protected List<Property> computeValue(Class<?> type) {
          return describe(type);
        }
      };

  private byte[] buf = new byte[512];
  private int len;
  private final String indent;

  private GoJsonWriter(String indent) {
    this.indent = indent;
  }

  /** Compact when {@code indent} is null, else {@code MarshalIndent(v, "", indent)}. */
  static byte[] write(Object value, String indent) {
    GoJsonWriter writer = new GoJsonWriter(indent);
    writer.value(value, 0);
    return Arrays.copyOf(writer.buf, writer.len);
  }

  /**
   * Compact bytes pulled from {@code source} piece by piece, each written into {@code chunk} (or a
   * larger array when one piece outgrows it) from its start.
   */
  static Json.Pieces pieces(byte[] chunk, int pieceBytes, Json.PieceSource source) {
    GoJsonWriter writer = new GoJsonWriter(null);
    writer.buf = chunk;
    return () -> {
      writer.len = 0;
      return source.writeNext(writer, pieceBytes) ? new Json.Bytes(writer.buf, writer.len) : null;
    };
  }

  @Override
  public void raw(byte[] encoded) {
    ensure(encoded.length);
    System.arraycopy(encoded, 0, buf, len, encoded.length);
    len += encoded.length;
  }

  @Override
  public int position() {
    return len;
  }

  @Override
  public void repeat(int from, int to) {
    if (from < 0 || to > len || from > to) {
      throw new IndexOutOfBoundsException("repeat " + from + ".." + to + " of " + len);
    }
    ensure(to - from);
    System.arraycopy(buf, from, buf, len, to - from);
    len += to - from;
  }

  @Override
  public void value(Object value) {
    if (indent != null) {
      throw new IllegalStateException("JsonOut writes compact JSON only");
    }
    value(value, 0);
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  private void put(int b) {
    if (len == buf.length) {
      ensure(1);
    }
    buf[len++] = (byte) b;
  }

  private void value(Object v, int depth) {
    if (v instanceof Optional<?> optional) {
      v = optional.orElse(null);
    }
    if (v == null) {
      ascii("null");
    } else if (v instanceof String s) {
      string(s);
    } else if (v instanceof Long l) {
      number(l);
    } else if (v instanceof Long
        || v instanceof Integer
        || v instanceof Boolean
        || v instanceof Short
        || v instanceof Byte
        || v instanceof BigInteger) {
      ascii(v.toString());
    } else if (v instanceof Double d) {
      ascii(goFloat(d, false));
    } else if (v instanceof Float f) {
      ascii(goFloat(f, true));
    } else if (v instanceof BigDecimal d) {
      // Whole numbers are integers (uint64, int64) and keep every digit; others a float64.
      ascii(
          d.signum() == 0 || d.stripTrailingZeros().scale() <= 0
              ? d.toBigInteger().toString()
              : goFloat(d.doubleValue(), false));
    } else if (v instanceof CharSequence s) {
      string(s.toString());
    } else if (v instanceof Enum<?> e) {
      string(e.name());
    } else if (v instanceof Map<?, ?> map) {
      put('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        first = member(first, String.valueOf(entry.getKey()), entry.getValue(), depth);
      }
      close('}', first, depth);
    } else if (v instanceof Collection<?> collection) {
      array(collection, depth);
    } else if (v instanceof Object[] array) {
      array(Arrays.asList(array), depth);
    } else if (v.getClass().isRecord()) {
      put('{');
      boolean first = true;
      for (Property property : PROPERTIES.get(v.getClass())) {
        Object value = read(property.accessor(), v);
        if (included(property.include(), value)) {
          first = member(first, property.quotedName(), value, depth);
        }
      }
      close('}', first, depth);
    } else {
      throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
    }
  }

  /** Writes {@code "name": value} after a comma unless it is the first; returns false. */
  private boolean member(boolean first, String name, Object value, int depth) {
    if (!first) {
      put(',');
    }
    newline(depth + 1);
    string(name);
    return memberValue(value, depth);
  }

  /** {@link #member(boolean, String, Object, int)} with the name quoted beforehand. */
  private boolean member(boolean first, byte[] quotedName, Object value, int depth) {
    if (!first) {
      put(',');
    }
    newline(depth + 1);
    ensure(quotedName.length);
    System.arraycopy(quotedName, 0, buf, len, quotedName.length);
    len += quotedName.length;
    return memberValue(value, depth);
  }

  private boolean memberValue(Object value, int depth) {
    put(':');
    if (indent != null) {
      put(' ');
    }
    value(value, depth + 1);
    return false;
  }

  private void close(char bracket, boolean empty, int depth) {
    if (!empty) {
      newline(depth);
    }
    put(bracket);
  }

  private void array(Collection<?> values, int depth) {
    put('[');
    boolean first = true;
    for (Object element : values) {
      if (!first) {
        put(',');
      }
      first = false;
      newline(depth + 1);
      value(element, depth + 1);
    }
    close(']', first, depth);
  }

  private void newline(int depth) {
    if (indent == null) {
      return;
    }
    put('\n');
    for (int i = 0; i < depth; i++) {
      ascii(indent);
    }
  }

  private void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  /** A long's decimal digits, written in place: lists print two per item. */
  private void number(long value) {
    if (value == Long.MIN_VALUE) {
      ascii(Long.toString(value));
      return;
    }
    ensure(20);
    long v = value;
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long p = 10; digits < 19 && v >= p; p *= 10) {
      digits++;
    }
    for (int i = len + digits - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    len += digits;
  }

  /** Go's {@code encodeState.string} with HTML escaping on. */
  @Override
  public void string(String s) {
    int n = s.length();
    ensure(n + 2);
    buf[len++] = '"';
    int i = 0;
    // Fast path: printable ASCII that needs no escape is stored as it is scanned (one pass; a
    // bulk copy per short string cost more than the scan).
    byte[] b = buf;
    int at = len;
    while (i < n) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&') {
        break;
      }
      b[at + i] = (byte) c;
      i++;
    }
    len = at + i;
    for (; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> ascii("\\\"");
        case '\\' -> ascii("\\\\");
        case '\n' -> ascii("\\n");
        case '\r' -> ascii("\\r");
        case '\t' -> ascii("\\t");
        case '\b' -> ascii("\\b");
        case '\f' -> ascii("\\f");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
            unicodeEscape(c);
          } else if (c < 0x80) {
            put(c);
          } else if (c < 0x800) {
            put(0xC0 | (c >> 6));
            put(0x80 | (c & 0x3F));
          } else if (Character.isHighSurrogate(c)
              && i + 1 < n
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(++i));
            put(0xF0 | (cp >> 18));
            put(0x80 | ((cp >> 12) & 0x3F));
            put(0x80 | ((cp >> 6) & 0x3F));
            put(0x80 | (cp & 0x3F));
          } else if (Character.isSurrogate(c)) {
            ascii("\\ufffd"); // Go replaces invalid UTF-8 with U+FFFD
          } else {
            put(0xE0 | (c >> 12));
            put(0x80 | ((c >> 6) & 0x3F));
            put(0x80 | (c & 0x3F));
          }
        }
      }
    }
    put('"');
  }

  /**
   * Go's {@code floatEncoder}: the shortest digits that read back as the same float64 (or float32),
   * plain between 1e-6 and 1e21, else exponent form with Go's {@code e-07} → {@code e-7} clean-up;
   * NaN and infinities are Go's {@code UnsupportedValueError}.
   */
  static String goFloat(double f, boolean bits32) {
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      String name = Double.isNaN(f) ? "NaN" : f > 0 ? "+Inf" : "-Inf";
      throw new IllegalArgumentException("json: unsupported value: " + name);
    }
    if (f == 0) {
      return 1 / f < 0 ? "-0" : "0";
    }
    BigDecimal exact = new BigDecimal(f);
    BigDecimal shortest = exact;
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (bits32 ? candidate.floatValue() == (float) f : candidate.doubleValue() == f) {
        shortest = candidate;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    double abs = Math.abs(f);
    boolean exponent =
        bits32 ? (float) abs < 1e-6f || (float) abs >= 1e21f : abs < 1e-6 || abs >= 1e21;
    if (!exponent) {
      return shortest.toPlainString();
    }
    String digits = shortest.unscaledValue().abs().toString();
    int e = digits.length() - 1 - shortest.scale();
    StringBuilder out = new StringBuilder(digits.length() + 8);
    if (f < 0) {
      out.append('-');
    }
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    out.append('e').append(e < 0 ? '-' : '+');
    int magnitude = Math.abs(e);
    if (magnitude < 10 && e >= 0) {
      out.append('0'); // strconv writes two exponent digits; Go's encoder trims only e-0X
    }
    return out.append(magnitude).toString();
  }

  private void unicodeEscape(char c) {
    ascii("\\u");
    put(HEX[(c >> 12) & 0xF]);
    put(HEX[(c >> 8) & 0xF]);
    put(HEX[(c >> 4) & 0xF]);
    put(HEX[c & 0xF]);
  }

  private static boolean included(Include include, Object value) {
    if (value instanceof Optional<?> optional) {
      value = optional.orElse(null);
    }
    return switch (include) {
      case NON_NULL, NON_ABSENT -> value != null;
      case NON_EMPTY ->
          value != null
              && !(value instanceof CharSequence s && s.length() == 0)
              && !(value instanceof Collection<?> c && c.isEmpty())
              && !(value instanceof Map<?, ?> m && m.isEmpty());
      default -> true;
    };
  }

  private static Object read(Method accessor, Object record) {
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + accessor, e);
    }
  }

  private static List<Property> describe(Class<?> type) {
    JsonInclude classInclude = type.getAnnotation(JsonInclude.class);
    Include defaultInclude = classInclude == null ? Include.ALWAYS : classInclude.value();
    List<Property> properties = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      Method accessor = component.getAccessor();
      accessor.setAccessible(true);
      JsonProperty property = accessor.getAnnotation(JsonProperty.class);
      JsonInclude include = accessor.getAnnotation(JsonInclude.class);
      String name =
          property == null || property.value().isEmpty() ? component.getName() : property.value();
      GoJsonWriter quoted = new GoJsonWriter(null);
      quoted.string(name);
      properties.add(
          new Property(
              name,
              Arrays.copyOf(quoted.buf, quoted.len),
              accessor,
              include == null ? defaultInclude : include.value()));
    }
    JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
    if (order != null && order.value().length > 0) {
      List<String> wanted = List.of(order.value());
      properties.sort(
          (a, b) ->
              Integer.compare(
                  rank(wanted, a.name(), properties.size()),
                  rank(wanted, b.name(), properties.size())));
    }
    return List.copyOf(properties);
  }

  private static int rank(List<String> order, String name, int last) {
    int index = order.indexOf(name);
    return index < 0 ? last : index;
  }
}
