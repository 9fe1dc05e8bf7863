package io.github.ticdcfake.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
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
final class GoJsonWriter {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** How one record class is written; computed once per class. */
  private record Property(String name, Method accessor, Include include) {}

  private static final ClassValue<List<Property>> PROPERTIES =
      new ClassValue<>() {
        @Override
        protected List<Property> computeValue(Class<?> type) {
          return describe(type);
        }
      };

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
  private final String indent;

  private GoJsonWriter(String indent) {
    this.indent = indent;
  }

  /** Compact when {@code indent} is null, else {@code MarshalIndent(v, "", indent)}. */
  static byte[] write(Object value, String indent) {
    GoJsonWriter writer = new GoJsonWriter(indent);
    writer.value(value, 0);
    return writer.out.toByteArray();
  }

  private void value(Object v, int depth) {
    if (v instanceof Optional<?> optional) {
      v = optional.orElse(null);
    }
    if (v == null) {
      ascii("null");
    } else if (v instanceof CharSequence s) {
      string(s.toString());
    } else if (v instanceof Boolean
        || v instanceof Integer
        || v instanceof Long
        || v instanceof Short
        || v instanceof Byte
        || v instanceof BigInteger) {
      ascii(v.toString());
    } else if (v instanceof BigDecimal || v instanceof Double || v instanceof Float) {
      ascii(v.toString());
    } else if (v instanceof Enum<?> e) {
      string(e.name());
    } else if (v instanceof Map<?, ?> map) {
      List<Object[]> entries = new ArrayList<>(map.size());
      map.forEach((k, val) -> entries.add(new Object[] {String.valueOf(k), val}));
      object(entries, depth);
    } else if (v instanceof Collection<?> collection) {
      array(collection, depth);
    } else if (v instanceof Object[] array) {
      array(Arrays.asList(array), depth);
    } else if (v.getClass().isRecord()) {
      List<Object[]> entries = new ArrayList<>();
      for (Property property : PROPERTIES.get(v.getClass())) {
        Object value = read(property.accessor(), v);
        if (included(property.include(), value)) {
          entries.add(new Object[] {property.name(), value});
        }
      }
      object(entries, depth);
    } else {
      throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
    }
  }

  private void object(List<Object[]> entries, int depth) {
    out.write('{');
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      newline(depth + 1);
      string((String) entries.get(i)[0]);
      out.write(':');
      if (indent != null) {
        out.write(' ');
      }
      value(entries.get(i)[1], depth + 1);
    }
    if (!entries.isEmpty()) {
      newline(depth);
    }
    out.write('}');
  }

  private void array(Collection<?> values, int depth) {
    out.write('[');
    int i = 0;
    for (Object element : values) {
      if (i++ > 0) {
        out.write(',');
      }
      newline(depth + 1);
      value(element, depth + 1);
    }
    if (i > 0) {
      newline(depth);
    }
    out.write(']');
  }

  private void newline(int depth) {
    if (indent == null) {
      return;
    }
    out.write('\n');
    for (int i = 0; i < depth; i++) {
      ascii(indent);
    }
  }

  private void ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      out.write(s.charAt(i));
    }
  }

  /** Go's {@code encodeState.string} with HTML escaping on. */
  private void string(String s) {
    out.write('"');
    for (int i = 0; i < s.length(); i++) {
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
            out.write(c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            byte[] bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
            i++;
          } else if (Character.isSurrogate(c)) {
            ascii("\\ufffd"); // Go replaces invalid UTF-8 with U+FFFD
          } else {
            byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
          }
        }
      }
    }
    out.write('"');
  }

  private void unicodeEscape(char c) {
    ascii("\\u");
    out.write(HEX[(c >> 12) & 0xF]);
    out.write(HEX[(c >> 8) & 0xF]);
    out.write(HEX[(c >> 4) & 0xF]);
    out.write(HEX[c & 0xF]);
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
      properties.add(
          new Property(name, accessor, include == null ? defaultInclude : include.value()));
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
