package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Golden JSON files under {@code src/test/resources/golden}: the expected wire form, compared field
 * by field <em>and in order</em> (Go emits struct fields in declaration order).
 */
public final class Golden {
  private Golden() {}

  /** Asserts {@code actualJson} equals the golden file after {@code ${name}} substitutions. */
  public static void assertMatches(
      String name, String actualJson, Map<String, String> substitutions) {
    String expected = read(name);
    for (Map.Entry<String, String> s : substitutions.entrySet()) {
      expected = expected.replace("${" + s.getKey() + "}", s.getValue());
    }
    assertThat(canonical(actualJson)).as("golden/" + name).isEqualTo(canonical(expected));
  }

  public static void assertMatches(String name, String actualJson) {
    assertMatches(name, actualJson, Map.of());
  }

  /** Re-serialised with keys in their original order, so order differences show up. */
  private static String canonical(String json) {
    try {
      JsonNode tree = TestHttp.MAPPER.readTree(json);
      return TestHttp.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
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
