package io.github.ticdcfake.internal.http;

import java.util.HashMap;
import java.util.Map;

/**
 * The one path binder: a template such as {@code /api/v2/changefeeds/{changefeed_id}} matched
 * segment by segment like gin's router (exact literals, a {@code {name}} binds one non-empty
 * segment, no wildcards).
 */
final class PathTemplate {
  private final String text;
  private final String[] template;

  PathTemplate(String text) {
    if (text.isEmpty() || text.charAt(0) != '/') {
      throw new IllegalArgumentException("a path template starts with /: " + text);
    }
    this.text = text;
    this.template = segments(text);
  }

  /** The segments of an absolute path: {@code /a/b/} is {@code ["a", "b", ""]}. */
  static String[] segments(String path) {
    return path.substring(1).split("/", -1);
  }

  /** The template as written. */
  String text() {
    return text;
  }

  /** The path parameters, or {@code null} when the segments do not fit the template. */
  Map<String, String> bind(String[] segments) {
    if (template.length != segments.length) {
      return null;
    }
    Map<String, String> params = null;
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{")) {
        if (segments[i].isEmpty()) {
          return null;
        }
        if (params == null) {
          params = new HashMap<>(4);
        }
        params.put(t.substring(1, t.length() - 1), segments[i]);
      } else if (!t.equals(segments[i])) {
        return null;
      }
    }
    return params == null ? Map.of() : params;
  }
}
