package io.github.ticdcfake.internal.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one JSON object of a parsed tree (see {@link Json#parse}) with strict checks: known keys
 * only, typed values, and errors that name the field by its path.
 */
public final class JsonFields {
  private final String path;
  private final Map<String, Object> object;

  private JsonFields(String path, Map<String, Object> object) {
    this.path = path;
    this.object = object;
  }

  /** The object at {@code path}; fails unless {@code tree} is a JSON object. */
  @SuppressWarnings("unchecked")
  public static JsonFields of(String path, Object tree) {
    if (!(tree instanceof Map<?, ?>)) {
      throw new FieldException(path.isEmpty() ? "body" : path, "expected a JSON object");
    }
    return new JsonFields(path, (Map<String, Object>) tree);
  }

  /** Parses a request or file body into the object at the root. */
  public static JsonFields parse(byte[] body, String what) {
    try {
      return of("", Json.parse(body));
    } catch (Json.SyntaxException e) {
      throw new FieldException(what, "not valid JSON: " + e.getMessage());
    }
  }

  /** This object's path, {@code body} at the root. */
  public String path() {
    return path.isEmpty() ? "body" : path;
  }

  /** The field path of {@code key}, for messages. */
  public String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Fails naming the first key that is not in {@code known}. */
  public JsonFields allowOnly(Set<String> known) {
    for (String key : object.keySet()) {
      if (!known.contains(key)) {
        throw new FieldException(pathOf(key), "unknown field; known: " + String.join(", ", known));
      }
    }
    return this;
  }

  public boolean has(String key) {
    return object.containsKey(key) && object.get(key) != null;
  }

  public boolean isEmpty() {
    return object.isEmpty();
  }

  /** The raw values, for bodies decoded elsewhere (a copy). */
  public Map<String, Object> raw() {
    return new LinkedHashMap<>(object);
  }

  public Object value(String key) {
    return object.get(key);
  }

  public String string(String key) {
    Object v = object.get(key);
    if (!(v instanceof String s)) {
      throw new FieldException(pathOf(key), v == null ? "required" : "expected a string");
    }
    return s;
  }

  public String string(String key, String fallback) {
    return has(key) ? string(key) : fallback;
  }

  public boolean bool(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    if (!(object.get(key) instanceof Boolean b)) {
      throw new FieldException(pathOf(key), "expected true or false");
    }
    return b;
  }

  /** A whole number in {@code min..max}. */
  public long integer(String key, long min, long max) {
    Object v = object.get(key);
    if (!(v instanceof BigDecimal n)) {
      throw new FieldException(pathOf(key), v == null ? "required" : "expected a number");
    }
    try {
      long value = n.longValueExact();
      if (value < min || value > max) {
        throw new FieldException(pathOf(key), "must be " + min + ".." + max + ", got " + n);
      }
      return value;
    } catch (ArithmeticException e) {
      throw new FieldException(pathOf(key), "expected a whole number, got " + n);
    }
  }

  public long integer(String key, long min, long max, long fallback) {
    return has(key) ? integer(key, min, max) : fallback;
  }

  /** An unsigned 64-bit number such as a TSO. */
  public long uint64(String key) {
    Object v = object.get(key);
    if (!(v instanceof BigDecimal n)
        || n.signum() < 0
        || n.scale() > 0 && n.stripTrailingZeros().scale() > 0) {
      throw new FieldException(pathOf(key), v == null ? "required" : "expected a TSO (uint64)");
    }
    try {
      return Long.parseUnsignedLong(n.toBigInteger().toString());
    } catch (NumberFormatException e) {
      throw new FieldException(pathOf(key), "expected a TSO (uint64), got " + n);
    }
  }

  public double number(String key) {
    Object v = object.get(key);
    if (!(v instanceof BigDecimal n)) {
      throw new FieldException(pathOf(key), v == null ? "required" : "expected a number");
    }
    return n.doubleValue();
  }

  public List<String> strings(String key) {
    if (!has(key)) {
      return List.of();
    }
    if (!(object.get(key) instanceof List<?> list)) {
      throw new FieldException(pathOf(key), "expected an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String s)) {
        throw new FieldException(pathOf(key) + "[" + i + "]", "expected a string");
      }
      out.add(s);
    }
    return out;
  }

  /** The elements of an array field (empty when absent). */
  public List<Object> array(String key) {
    if (!has(key)) {
      return List.of();
    }
    if (!(object.get(key) instanceof List<?> list)) {
      throw new FieldException(pathOf(key), "expected an array");
    }
    return new ArrayList<>(list);
  }

  public JsonFields object(String key) {
    return of(pathOf(key), object.get(key));
  }
}
