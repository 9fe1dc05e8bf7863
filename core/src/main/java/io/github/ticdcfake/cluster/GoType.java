package io.github.ticdcfake.cluster;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shape of a Go struct as {@code encoding/json} sees it, so the fake decodes and renders
 * TiCDC's request and response bodies with Go's rules: case-insensitive keys, unknown keys ignored,
 * {@code null} clearing only pointers and slices, objects decoded on top of existing values
 * (merge), slices replaced, {@code omitempty}, and Go's error texts.
 *
 * <p>Values are plain Java: a struct is a {@link LinkedHashMap} holding every field in declaration
 * order, a nil pointer or slice is {@code null}, integers are {@link Long} (uint64 as unsigned
 * bits), durations are nanoseconds. Input trees use {@link Map}, {@link List}, {@link String},
 * {@link Boolean}, {@link BigDecimal} and {@code null}, as produced by the JSON layer.
 */
abstract sealed class GoType permits GoType.Scalar, GoType.Ptr, GoType.Slice, GoType.Struct {

  /** The type name Go prints in unmarshal errors. */
  abstract String goName();

  abstract Object zero();

  /** Thrown with Go's {@code encoding/json} error text. */
  static final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    DecodeException(String message) {
      super(message, null, false, false);
    }
  }

  enum Kind {
    BOOL("bool"),
    STRING("string"),
    INT("int"),
    INT32("int32"),
    INT64("int64"),
    UINT("uint"),
    UINT32("uint32"),
    UINT64("uint64"),
    /** tiflow's {@code JSONDuration}: nanoseconds, or a Go duration string on input. */
    DURATION("v2.JSONDuration"),
    /** {@code float64}: a {@link Double}. */
    FLOAT64("float64");

    final String goName;

    Kind(String goName) {
      this.goName = goName;
    }
  }

  static final class Scalar extends GoType {
    final Kind kind;

    Scalar(Kind kind) {
      this.kind = kind;
    }

    @Override
    String goName() {
      return kind.goName;
    }

    @Override
    Object zero() {
      return switch (kind) {
        case BOOL -> Boolean.FALSE;
        case STRING -> "";
        case FLOAT64 -> 0.0d;
        default -> 0L;
      };
    }
  }

  static final class Ptr extends GoType {
    final GoType elem;

    Ptr(GoType elem) {
      this.elem = elem;
    }

    @Override
    String goName() {
      return "*" + elem.goName();
    }

    @Override
    Object zero() {
      return null;
    }
  }

  static final class Slice extends GoType {
    final GoType elem;

    Slice(GoType elem) {
      this.elem = elem;
    }

    @Override
    String goName() {
      return "[]" + elem.goName();
    }

    @Override
    Object zero() {
      return null;
    }
  }

  record Field(String json, GoType type, boolean omitempty) {}

  static final class Struct extends GoType {
    final String name;
    final List<Field> fields;
    private final Map<String, Field> byName = new LinkedHashMap<>();

    Struct(String name, List<Field> fields) {
      this.name = name;
      this.fields = List.copyOf(fields);
      for (Field f : fields) {
        byName.put(f.json(), f);
      }
    }

    @Override
    String goName() {
      return name;
    }

    /** The simple type name Go uses in "Go struct field X.path" (without the package). */
    String simpleName() {
      int dot = name.lastIndexOf('.');
      return dot < 0 ? name : name.substring(dot + 1);
    }

    Field field(String json) {
      return byName.get(json);
    }

    /** Go matches keys exactly first, then case-insensitively. */
    Field match(String key) {
      Field exact = byName.get(key);
      if (exact != null) {
        return exact;
      }
      for (Field f : fields) {
        if (f.json().equalsIgnoreCase(key)) {
          return f;
        }
      }
      return null;
    }

    @Override
    Map<String, Object> zero() {
      Map<String, Object> value = new LinkedHashMap<>();
      for (Field f : fields) {
        value.put(f.json(), f.type().zero());
      }
      return value;
    }
  }

  // ---- construction helpers -------------------------------------------------------------------

  static final Scalar BOOL = new Scalar(Kind.BOOL);
  static final Scalar STRING = new Scalar(Kind.STRING);
  static final Scalar INT = new Scalar(Kind.INT);
  static final Scalar INT32 = new Scalar(Kind.INT32);
  static final Scalar INT64 = new Scalar(Kind.INT64);
  static final Scalar UINT = new Scalar(Kind.UINT);
  static final Scalar UINT32 = new Scalar(Kind.UINT32);
  static final Scalar UINT64 = new Scalar(Kind.UINT64);
  static final Scalar DURATION = new Scalar(Kind.DURATION);
  static final Scalar FLOAT64 = new Scalar(Kind.FLOAT64);

  static Ptr ptr(GoType elem) {
    return new Ptr(elem);
  }

  static Slice slice(GoType elem) {
    return new Slice(elem);
  }

  static Field field(String json, GoType type) {
    return new Field(json, type, false);
  }

  static Field omitempty(String json, GoType type) {
    return new Field(json, type, true);
  }

  static Struct struct(String name, Field... fields) {
    return new Struct(name, List.of(fields));
  }

  static Struct struct(String name, List<Field> fields) {
    return new Struct(name, fields);
  }

  // ---- decoding -------------------------------------------------------------------------------

  /**
   * Decodes a top-level JSON value into {@code target} (which is modified), like {@code
   * json.Unmarshal(body, &target)}.
   */
  static void decodeInto(Struct type, Object json, Map<String, Object> target)
      throws DecodeException {
    if (!(json instanceof Map<?, ?> object)) {
      if (json == null) {
        return;
      }
      throw new DecodeException(
          "json: cannot unmarshal " + jsonKind(json) + " into Go value of type " + type.goName());
    }
    decodeStruct(type, object, target, type.simpleName(), "");
  }

  private static void decodeStruct(
      Struct type, Map<?, ?> object, Map<String, Object> target, String structName, String path)
      throws DecodeException {
    for (Map.Entry<?, ?> entry : object.entrySet()) {
      Field field = type.match((String) entry.getKey());
      if (field == null) {
        continue; // unknown fields are ignored, as by gin's BindJSON
      }
      String fieldPath = path.isEmpty() ? field.json() : path + "." + field.json();
      Object existing = target.get(field.json());
      target.put(
          field.json(), decode(field.type(), entry.getValue(), existing, structName, fieldPath));
    }
  }

  @SuppressWarnings("unchecked")
  private static Object decode(
      GoType type, Object json, Object existing, String structName, String path)
      throws DecodeException {
    if (json == null) {
      // JSON null clears pointers and slices and leaves everything else alone.
      return (type instanceof Ptr || type instanceof Slice) ? null : existing;
    }
    if (type instanceof Ptr p) {
      Object base = existing != null ? existing : p.elem.zero();
      return decode(p.elem, json, base, structName, path);
    }
    if (type instanceof Slice s) {
      if (!(json instanceof List<?> list)) {
        throw typeError(json, structName, path, type);
      }
      List<Object> out = new ArrayList<>(list.size());
      for (Object element : list) {
        out.add(decode(s.elem, element, s.elem.zero(), structName, path));
      }
      return out;
    }
    if (type instanceof Struct st) {
      if (!(json instanceof Map<?, ?> object)) {
        throw typeError(json, structName, path, type);
      }
      Map<String, Object> base =
          existing instanceof Map<?, ?> m
              ? copyStruct(st, (Map<String, Object>) m)
              : (Map<String, Object>) st.zero();
      decodeStruct(st, object, base, st.simpleName(), path);
      return base;
    }
    return decodeScalar((Scalar) type, json, structName, path);
  }

  private static Object decodeScalar(Scalar type, Object json, String structName, String path)
      throws DecodeException {
    switch (type.kind) {
      case BOOL -> {
        if (json instanceof Boolean b) {
          return b;
        }
        throw typeError(json, structName, path, type);
      }
      case STRING -> {
        if (json instanceof String s) {
          return s;
        }
        throw typeError(json, structName, path, type);
      }
      case DURATION -> {
        if (json instanceof BigDecimal number) {
          return number.longValue();
        }
        if (json instanceof String s) {
          try {
            return GoDuration.parseOrThrow(s);
          } catch (IllegalArgumentException e) {
            throw new DecodeException(e.getMessage()); // Go's text, e.g. missing unit
          }
        }
        throw new DecodeException("invalid duration");
      }
      case FLOAT64 -> {
        if (json instanceof BigDecimal number) {
          return number.doubleValue();
        }
        throw typeError(json, structName, path, type);
      }
      default -> {
        if (!(json instanceof BigDecimal number)) {
          throw typeError(json, structName, path, type);
        }
        return integer(type, number, structName, path);
      }
    }
  }

  private static long integer(Scalar type, BigDecimal number, String structName, String path)
      throws DecodeException {
    if (number.scale() > 0) {
      throw numberError(number, structName, path, type);
    }
    BigInteger value;
    try {
      value = number.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw numberError(number, structName, path, type);
    }
    BigInteger min;
    BigInteger max;
    switch (type.kind) {
      case INT32 -> {
        min = BigInteger.valueOf(Integer.MIN_VALUE);
        max = BigInteger.valueOf(Integer.MAX_VALUE);
      }
      case UINT32 -> {
        min = BigInteger.ZERO;
        max = BigInteger.valueOf(0xFFFF_FFFFL);
      }
      case UINT, UINT64 -> {
        min = BigInteger.ZERO;
        max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
      }
      default -> {
        min = BigInteger.valueOf(Long.MIN_VALUE);
        max = BigInteger.valueOf(Long.MAX_VALUE);
      }
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw numberError(number, structName, path, type);
    }
    return value.longValue();
  }

  private static DecodeException typeError(
      Object json, String structName, String path, GoType type) {
    return new DecodeException(
        "json: cannot unmarshal "
            + jsonKind(json)
            + " into Go struct field "
            + structName
            + "."
            + path
            + " of type "
            + type.goName());
  }

  private static DecodeException numberError(
      BigDecimal number, String structName, String path, GoType type) {
    return new DecodeException(
        "json: cannot unmarshal number "
            + number
            + " into Go struct field "
            + structName
            + "."
            + path
            + " of type "
            + type.goName());
  }

  static String jsonKind(Object json) {
    if (json instanceof Map) {
      return "object";
    }
    if (json instanceof List) {
      return "array";
    }
    if (json instanceof String) {
      return "string";
    }
    if (json instanceof Boolean) {
      return "bool";
    }
    return "number";
  }

  // ---- copying and rendering ------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  static Object copy(GoType type, Object value) {
    if (value == null) {
      return null;
    }
    if (type instanceof Ptr p) {
      return copy(p.elem, value);
    }
    if (type instanceof Slice s) {
      List<Object> out = new ArrayList<>();
      for (Object element : (List<Object>) value) {
        out.add(copy(s.elem, element));
      }
      return out;
    }
    if (type instanceof Struct st) {
      return copyStruct(st, (Map<String, Object>) value);
    }
    return value;
  }

  static Map<String, Object> copyStruct(Struct type, Map<String, Object> value) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Field f : type.fields) {
      out.put(f.json(), copy(f.type(), value.get(f.json())));
    }
    return out;
  }

  /**
   * Renders a value the way {@code encoding/json} marshals it: fields in declaration order, {@code
   * omitempty} applied, nil pointers and slices as {@code null}, uint64 unsigned.
   */
  @SuppressWarnings("unchecked")
  static Object render(GoType type, Object value) {
    if (type instanceof Ptr p) {
      return value == null ? null : render(p.elem, value);
    }
    if (type instanceof Slice s) {
      if (value == null) {
        return null;
      }
      List<Object> out = new ArrayList<>();
      for (Object element : (List<Object>) value) {
        out.add(render(s.elem, element));
      }
      return out;
    }
    if (type instanceof Struct st) {
      Map<String, Object> struct = (Map<String, Object>) value;
      Map<String, Object> out = new LinkedHashMap<>();
      for (Field f : st.fields) {
        Object fieldValue = struct == null ? f.type().zero() : struct.get(f.json());
        if (f.omitempty() && isEmpty(f.type(), fieldValue)) {
          continue;
        }
        out.put(f.json(), render(f.type(), fieldValue));
      }
      return out;
    }
    Scalar scalar = (Scalar) type;
    if ((scalar.kind == Kind.UINT64 || scalar.kind == Kind.UINT)
        && value instanceof Long l
        && l < 0) {
      return new BigInteger(Long.toUnsignedString(l));
    }
    return value;
  }

  /** Go's omitempty test; structs are never empty. */
  static boolean isEmpty(GoType type, Object value) {
    if (type instanceof Ptr) {
      return value == null;
    }
    if (type instanceof Slice) {
      return value == null || ((List<?>) value).isEmpty();
    }
    if (type instanceof Struct) {
      return false;
    }
    if (value == null) {
      return true;
    }
    return value.equals(Boolean.FALSE)
        || value.equals("")
        || value.equals(0L)
        || value.equals(0.0d);
  }

  @Override
  public String toString() {
    return goName().toLowerCase(Locale.ROOT);
  }
}
