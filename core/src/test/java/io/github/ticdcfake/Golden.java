package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Golden files under {@code src/test/resources/golden}: the exact bytes TiCDC sends (Go's {@code
 * encoding/json}: compact for {@code c.JSON}, 4-space {@code MarshalIndent} for {@code
 * IndentedJSON}), compared byte for byte, so escapes, number forms, key order and layout all count.
 * The only normalisation is one trailing newline in the file, which the wire never has.
 */
public final class Golden {
  private Golden() {}

  /**
   * Asserts {@code actualJson} is the golden file, byte for byte, after {@code ${name}}
   * substitutions.
   */
  public static void assertMatches(
      String name, String actualJson, Map<String, String> substitutions) {
    String expected = read(name);
    if (expected.endsWith("\n")) {
      expected = expected.substring(0, expected.length() - 1);
    }
    for (Map.Entry<String, String> s : substitutions.entrySet()) {
      expected = expected.replace("${" + s.getKey() + "}", s.getValue());
    }
    assertThat(actualJson.getBytes(StandardCharsets.UTF_8))
        .as("golden/%s, expected:%n%s%nbut was:%n%s", name, expected, actualJson)
        .isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }

  public static void assertMatches(String name, String actualJson) {
    assertMatches(name, actualJson, Map.of());
  }

  /**
   * The raw bytes of member {@code key} of the top-level object {@code rawJson}, as sent (not
   * re-serialised), so a golden file can pin one part of a response.
   */
  public static String member(String rawJson, String key) {
    String wanted = "\"" + key + "\"";
    int depth = 0;
    for (int i = 0; i < rawJson.length(); i++) {
      char c = rawJson.charAt(i);
      if (c == '"') {
        int end = endOfString(rawJson, i);
        if (depth == 1 && rawJson.startsWith(wanted, i) && end == i + wanted.length()) {
          int colon = rawJson.indexOf(':', end);
          int start = colon + 1;
          while (Character.isWhitespace(rawJson.charAt(start))) {
            start++;
          }
          return rawJson.substring(start, endOfValue(rawJson, start));
        }
        i = end - 1;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    throw new AssertionError("no member " + key + " in " + rawJson);
  }

  /** The index just past the string literal starting at {@code quote}. */
  private static int endOfString(String json, int quote) {
    for (int i = quote + 1; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    throw new AssertionError("unterminated string in " + json);
  }

  /** The index just past the JSON value starting at {@code start}. */
  private static int endOfValue(String json, int start) {
    int depth = 0;
    for (int i = start; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '"') {
        i = endOfString(json, i) - 1;
        if (depth == 0) {
          return i + 1;
        }
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      } else if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
        return i;
      }
    }
    return json.length();
  }

  public static String read(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
