package io.github.ticdcfake.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sink_config} of a v1 body: tiflow's internal {@code pkg/config/sink.go} {@code
 * SinkConfig}, whose JSON keys are the TOML-style hyphenated names. Its shape is derived from the
 * v2 sink section of the same release (v2's {@code snake_case} name with hyphens), except for the
 * fields the two APIs name differently; decoded values are translated back to v2's names.
 */
final class V1SinkConfig {
  private V1SinkConfig() {}

  /** v2 name → internal name where the two differ by more than {@code _} → {@code -}. */
  private static final Map<String, String> RENAMED =
      Map.of(
          "v2.SinkConfig.file_index_width", "file-index-digit",
          "v2.SinkConfig.advance_timeout", "advance-timeout-in-sec",
          "v2.MySQLConfig.max_multi_update_row_count", "max-multi-update-row",
          "v2.PulsarConfig.tls-certificate-path", "tls-certificate-file",
          "v2.PulsarConfig.tls-private-key-path", "tls-key-file-path");

  private static final String DISPATCH_RULE = "v2.DispatchRule";

  private static String internalName(GoType.Struct v2, GoType.Field field) {
    String renamed = RENAMED.get(v2.name + "." + field.json());
    return renamed != null ? renamed : field.json().replace('_', '-');
  }

  /** The internal struct for a v2 struct: hyphenated keys, plus the legacy {@code dispatcher}. */
  static GoType.Struct internalShape(GoType.Struct v2) {
    List<GoType.Field> fields = new ArrayList<>();
    for (GoType.Field f : v2.fields) {
      fields.add(new GoType.Field(internalName(v2, f), internal(f.type()), f.omitempty()));
      if (v2.name.equals(DISPATCH_RULE) && f.json().equals("matcher")) {
        fields.add(GoType.field("dispatcher", GoType.STRING));
      }
    }
    return GoType.struct(v2.name.replace("v2.", "config."), fields);
  }

  private static GoType internal(GoType type) {
    if (type instanceof GoType.Ptr p) {
      return GoType.ptr(internal(p.elem));
    }
    if (type instanceof GoType.Slice s) {
      return GoType.slice(internal(s.elem));
    }
    if (type instanceof GoType.Struct st) {
      return internalShape(st);
    }
    return type;
  }

  /**
   * A decoded internal value under v2's names; a legacy {@code dispatcher} becomes the rule's
   * {@code partition} when that is empty (tiflow's {@code validateAndAdjust} does the same).
   */
  static Map<String, Object> toV2(GoType.Struct v2, Object value) {
    return struct(v2, value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> struct(GoType.Struct v2, Object value) {
    Map<String, Object> in = (Map<String, Object>) value;
    Map<String, Object> out = new LinkedHashMap<>();
    for (GoType.Field f : v2.fields) {
      out.put(f.json(), convert(f.type(), in.get(internalName(v2, f))));
    }
    if (v2.name.equals(DISPATCH_RULE)) {
      Object legacy = in.get("dispatcher");
      Object partition = out.get("partition");
      if (legacy instanceof String d
          && !d.isEmpty()
          && (partition == null || ((String) partition).isEmpty())) {
        out.put("partition", d);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object convert(GoType type, Object value) {
    if (value == null) {
      return null;
    }
    if (type instanceof GoType.Ptr p) {
      return convert(p.elem, value);
    }
    if (type instanceof GoType.Slice s) {
      List<Object> out = new ArrayList<>();
      for (Object element : (List<Object>) value) {
        out.add(convert(s.elem, element));
      }
      return out;
    }
    if (type instanceof GoType.Struct st) {
      return struct(st, value);
    }
    return value;
  }
}
