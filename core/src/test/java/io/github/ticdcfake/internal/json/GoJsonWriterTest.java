package io.github.ticdcfake.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link GoJsonWriter} writes Go's {@code encoding/json} bytes: gin's compact {@code c.JSON}, gin's
 * {@code IndentedJSON} ({@code MarshalIndent(v, "", " ")}), HTML-safe escapes, U+2028/U+2029,
 * invalid UTF-8 as {@code \ufffd}, integers beyond int64 and Go's float forms. Vectors marked Go's
 * are from {@code golang/go src/encoding/json/encode_test.go}; a seeded differential run compares
 * strings with a reference that follows Go's {@code appendString} over bytes.
 */
class GoJsonWriterTest {
  @JsonPropertyOrder({"name", "count", "tags", "none", "empty", "nested"})
  record Sample(
      @JsonProperty("name") String name,
      @JsonProperty("count") long count,
      @JsonProperty("tags") List<String> tags,
      @JsonProperty("none") List<String> none,
      @JsonProperty("empty") Map<String, Object> empty,
      @JsonProperty("nested") Map<String, Object> nested) {}

  @JsonInclude(Include.NON_EMPTY)
  record Omitting(
      @JsonProperty("a") String a,
      @JsonProperty("b") List<String> b,
      @JsonProperty("c") Map<String, Object> c,
      @JsonProperty("d") @JsonInclude(Include.NON_NULL) String d,
      @JsonProperty("e") String e) {}

  private static Sample sample() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("ok", true);
    nested.put("list", List.of(1, 2));
    nested.put("missing", null);
    return new Sample("cf-<1>", 42, List.of("a", "b"), null, Map.of(), nested);
  }

  private static String compact(Object value) {
    return new String(GoJsonWriter.write(value, null), StandardCharsets.UTF_8);
  }

  private static String indented(Object value, String indent) {
    return new String(GoJsonWriter.write(value, indent), StandardCharsets.UTF_8);
  }

  // ---- layout ---------------------------------------------------------------------------------

  @Test
  void compactIsGinsJsonWithoutSpacesOrTrailingNewline() {
    assertThat(compact(sample()))
        .isEqualTo(
            "{\"name\":\"cf-\\u003c1\\u003e\",\"count\":42,\"tags\":[\"a\",\"b\"],\"none\":null,"
                + "\"empty\":{},\"nested\":{\"ok\":true,\"list\":[1,2],\"missing\":null}}");
  }

  @Test
  void indentedIsMarshalIndentWithFourSpaces() {
    assertThat(indented(sample(), "    "))
        .isEqualTo(
            String.join(
                "\n",
                "{",
                "    \"name\": \"cf-\\u003c1\\u003e\",",
                "    \"count\": 42,",
                "    \"tags\": [",
                "        \"a\",",
                "        \"b\"",
                "    ],",
                "    \"none\": null,",
                "    \"empty\": {},",
                "    \"nested\": {",
                "        \"ok\": true,",
                "        \"list\": [",
                "            1,",
                "            2",
                "        ],",
                "        \"missing\": null",
                "    }",
                "}"));
  }

  @Test
  void oneSpaceIndentAndEmptyContainersAtTheTop() {
    assertThat(indented(Map.of("a", 1), " ")).isEqualTo("{\n \"a\": 1\n}");
    assertThat(indented(List.of(), "    ")).isEqualTo("[]");
    assertThat(indented(Map.of(), "    ")).isEqualTo("{}");
    assertThat(compact(List.of())).isEqualTo("[]");
    assertThat(compact(null)).isEqualTo("null");
  }

  @Test
  void emptySlicesAreArraysAndNilSlicesNull() {
    assertThat(compact(Arrays.asList("x", null))).isEqualTo("[\"x\",null]");
    assertThat(compact(new String[0])).isEqualTo("[]");
    assertThat(compact(new Omitting("", List.of(), Map.of(), null, "x")))
        .isEqualTo("{\"e\":\"x\"}");
    assertThat(compact(new Omitting("a", List.of("b"), Map.of("c", 1), "", null)))
        .isEqualTo("{\"a\":\"a\",\"b\":[\"b\"],\"c\":{\"c\":1},\"d\":\"\"}");
  }

  // ---- strings --------------------------------------------------------------------------------

  @Test
  void controlCharactersAsGoSince122() {
    // Go's encodeStringTests; Go 1.22 (TiCDC v8.5 and the new architecture build with Go 1.23)
    // writes \b and \f where older releases wrote \u0008 and \u000c.
    for (int c = 0; c < 0x20; c++) {
      String expected =
          switch (c) {
            case '\t' -> "\"\\t\"";
            case '\n' -> "\"\\n\"";
            case '\r' -> "\"\\r\"";
            case '\b' -> "\"\\b\"";
            case '\f' -> "\"\\f\"";
            default -> String.format("\"\\u%04x\"", c);
          };
      assertThat(compact(String.valueOf((char) c))).as("U+%04X", c).isEqualTo(expected);
    }
    assertThat(compact("\"\\/\u007f")).isEqualTo("\"\\\"\\\\/\u007f\"");
    assertThat(compact("")).isEqualTo("\"\"");
  }

  @Test
  void htmlCharactersAndLineSeparatorsAreEscapedAsGoesHtmlEscape() {
    // Go's TestHTMLEscape vector.
    assertThat(compact(Map.of("M", "<html>foo &\u2028 \u2029</html>")))
        .isEqualTo("{\"M\":\"\\u003chtml\\u003efoo \\u0026\\u2028 \\u2029\\u003c/html\\u003e\"}");
    assertThat(compact(Map.of("<k>", "v"))).isEqualTo("{\"\\u003ck\\u003e\":\"v\"}");
    assertThat(compact("kafka://h:9092/t?protocol=canal-json&partition-num=3"))
        .isEqualTo("\"kafka://h:9092/t?protocol=canal-json\\u0026partition-num=3\"");
  }

  @Test
  void otherCharactersAreRawUtf8AndInvalidOnesReplaced() {
    assertThat(GoJsonWriter.write("\u00e9\u20ac\uD83D\uDE00\uFFFD", null))
        .isEqualTo("\"\u00e9\u20ac\uD83D\uDE00\uFFFD\"".getBytes(StandardCharsets.UTF_8));
    // An unpaired surrogate stands for bytes that are not UTF-8 (see GoStrings): \ufffd each.
    assertThat(compact("a\uDCFFb\uD800")).isEqualTo("\"a\\ufffdb\\ufffd\"");
    assertThat(compact("\uDE00\uD83D")).isEqualTo("\"\\ufffd\\ufffd\"");
  }

  // ---- numbers --------------------------------------------------------------------------------

  @Test
  void integersKeepAllTheirDigits() {
    assertThat(compact(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0, -1)))
        .isEqualTo("[-9223372036854775808,9223372036854775807,0,-1]");
    assertThat(compact(List.of(Json.uint64(-1L), Json.uint64(Long.MIN_VALUE))))
        .isEqualTo("[18446744073709551615,9223372036854775808]");
    assertThat(compact(new BigInteger("123456789012345678901234567890")))
        .isEqualTo("123456789012345678901234567890");
    assertThat(compact(List.of((short) 7, (byte) -3, 5))).isEqualTo("[7,-3,5]");
    assertThat(compact(new BigDecimal("1E+3"))).isEqualTo("1000");
  }

  @Test
  void floatsAsGoesFloatEncoder() {
    // 'f' between 1e-6 and 1e21, else 'e' with e-07 cleaned to e-7; shortest digits.
    Object[][] vectors = {
      {0.0, "0"},
      {-0.0, "-0"},
      {1.0, "1"},
      {-2.5, "-2.5"},
      {0.1, "0.1"},
      {0.3, "0.3"},
      {100.0, "100"},
      {123456.789, "123456.789"},
      {1e20, "100000000000000000000"},
      {1e21, "1e+21"},
      {1.5e300, "1.5e+300"},
      {0.000001, "0.000001"},
      {1e-7, "1e-7"},
      {1.25e-10, "1.25e-10"},
      {5e-324, "5e-324"},
      {Double.MAX_VALUE, "1.7976931348623157e+308"},
      {9007199254740993.0, "9007199254740992"},
      {2e-7, "2e-7"},
      {0.1f, "0.1"},
      {3.4028235e38f, "3.4028235e+38"},
      {16777217f, "16777216"},
      {1e-7f, "1e-7"},
      {new BigDecimal("2.50"), "2.5"},
    };
    for (Object[] vector : vectors) {
      assertThat(compact(vector[0])).as(String.valueOf(vector[0])).isEqualTo(vector[1]);
    }
  }

  @Test
  void nanAndInfinitiesAreRefusedLikeGoesUnsupportedValueError() {
    assertThatThrownBy(() -> GoJsonWriter.write(Double.NaN, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("json: unsupported value: NaN");
    assertThatThrownBy(() -> GoJsonWriter.write(Double.NEGATIVE_INFINITY, null))
        .hasMessage("json: unsupported value: -Inf");
    assertThatThrownBy(() -> GoJsonWriter.write(Float.POSITIVE_INFINITY, null))
        .hasMessage("json: unsupported value: +Inf");
  }

  // ---- differential ---------------------------------------------------------------------------

  @Test
  void stringsAgreeWithAReferenceFollowingGoesAppendString() {
    Random random = new Random(14);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < 20_000 && mismatches.size() < 10; i++) {
      String s = randomString(random);
      byte[] expected = Reference.string(Reference.goBytes(s));
      byte[] actual = GoJsonWriter.write(s, null);
      if (!Arrays.equals(expected, actual)) {
        mismatches.add(
            s.codePoints().mapToObj(Integer::toHexString).toList()
                + ": Go "
                + new String(expected, StandardCharsets.UTF_8)
                + ", fake "
                + new String(actual, StandardCharsets.UTF_8));
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void integersAgreeWithGoesDecimalForm() {
    Random random = new Random(15);
    for (int i = 0; i < 20_000; i++) {
      long value = random.nextLong() >> random.nextInt(64);
      assertThat(compact(value)).isEqualTo(Long.toString(value));
      assertThat(compact(Json.uint64(value))).isEqualTo(Long.toUnsignedString(value));
    }
  }

  private static final int[] INTERESTING = {
    0, 7, 8, 9, 10, 12, 13, 0x1f, ' ', '"', '&', '/', '<', '>', '\\', 'a', 0x7f, 0x80, 0xe9, 0x7ff,
    0x800, 0x2027, 0x2028, 0x2029, 0x202a, 0xfffd, 0xffff, 0x10000, 0x1f600, 0x10ffff
  };

  private static String randomString(Random random) {
    StringBuilder out = new StringBuilder();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(6)) {
        case 0 -> out.appendCodePoint(INTERESTING[random.nextInt(INTERESTING.length)]);
        case 1 -> out.append((char) (0xD800 + random.nextInt(0x800))); // an unpaired surrogate
        case 2 -> out.appendCodePoint(random.nextInt(0x80));
        case 3 -> {
          int cp = random.nextInt(0x10000);
          out.appendCodePoint(Character.isSurrogate((char) cp) ? 'x' : cp);
        }
        case 4 -> out.appendCodePoint(0x10000 + random.nextInt(0x100000));
        default -> out.append("abc");
      }
    }
    return out.toString();
  }

  /** Go's rules, written out independently of the writer. */
  private static final class Reference {
    /** A Java string as Go holds it: UTF-8, each unpaired surrogate one byte that is not UTF-8. */
    static byte[] goBytes(String s) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        i += Character.charCount(cp);
        if (cp >= 0xD800 && cp <= 0xDFFF) {
          out.write(0xFF);
        } else {
          out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        }
      }
      return out.toByteArray();
    }

    /** {@code encodeState.string} with escapeHTML (Go 1.22+) over Go's bytes. */
    static byte[] string(byte[] s) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write('"');
      for (int i = 0; i < s.length; ) {
        int b = s[i] & 0xFF;
        if (b < 0x80) {
          boolean safe = b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&';
          if (safe) {
            out.write(b);
          } else {
            switch (b) {
              case '\\', '"' -> out.writeBytes(new byte[] {'\\', (byte) b});
              case '\b' -> out.writeBytes("\\b".getBytes(StandardCharsets.US_ASCII));
              case '\f' -> out.writeBytes("\\f".getBytes(StandardCharsets.US_ASCII));
              case '\n' -> out.writeBytes("\\n".getBytes(StandardCharsets.US_ASCII));
              case '\r' -> out.writeBytes("\\r".getBytes(StandardCharsets.US_ASCII));
              case '\t' -> out.writeBytes("\\t".getBytes(StandardCharsets.US_ASCII));
              default ->
                  out.writeBytes(String.format("\\u00%02x", b).getBytes(StandardCharsets.US_ASCII));
            }
          }
          i++;
          continue;
        }
        int width = utf8Width(s, i);
        if (width == 0) {
          out.writeBytes("\\ufffd".getBytes(StandardCharsets.US_ASCII));
          i++;
          continue;
        }
        String rune = new String(s, i, width, StandardCharsets.UTF_8);
        if (rune.equals("\u2028") || rune.equals("\u2029")) {
          out.writeBytes(
              String.format("\\u%04x", rune.codePointAt(0)).getBytes(StandardCharsets.US_ASCII));
        } else {
          out.write(s, i, width);
        }
        i += width;
      }
      out.write('"');
      return out.toByteArray();
    }

    /** The width of a valid UTF-8 sequence at {@code i}, or 0. */
    static int utf8Width(byte[] s, int i) {
      for (int width = 2; width <= 4 && i + width <= s.length; width++) {
        byte[] candidate = Arrays.copyOfRange(s, i, i + width);
        String decoded = new String(candidate, StandardCharsets.UTF_8);
        if (decoded.codePointCount(0, decoded.length()) == 1
            && decoded.codePointAt(0) != 0xFFFD
            && Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), candidate)) {
          return width;
        }
        if (Arrays.equals(candidate, new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD})) {
          return 3; // U+FFFD itself is valid
        }
      }
      return 0;
    }
  }
}
