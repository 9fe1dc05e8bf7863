package io.github.ticdcfake.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link GoQuery} decodes bytes like Go's {@code net/url} ({@code ParseQuery}, {@code
 * QueryUnescape}, {@code PathUnescape}), which gin's {@code c.Query} and TiCDC's sink URI parsing
 * use.
 */
class GoQueryTest {
  @Test
  void nonBmpCharactersSurviveNextToAnEscape() {
    assertThat(GoQuery.parse("id=\uD83D\uDE00%21")).containsExactly(entry("id", "\uD83D\uDE00!"));
    assertThat(GoQuery.parse("id=\uD83D\uDE00")).containsExactly(entry("id", "\uD83D\uDE00"));
    assertThat(GoQuery.parse("id=%F0%9F%98%80")).containsExactly(entry("id", "\uD83D\uDE00"));
    assertThat(GoQuery.unescapePath("/api/v2/changefeeds/\uD83D\uDE00%2D"))
        .isEqualTo("/api/v2/changefeeds/\uD83D\uDE00-");
  }

  @Test
  void escapedBytesFormUtf8Characters() {
    assertThat(GoQuery.parse("s=%E2%82%AC%C3%A9")).containsExactly(entry("s", "\u20ac\u00e9"));
  }

  @Test
  void bytesThatAreNotUtf8AreKeptAsGoKeepsThem() {
    String value = GoQuery.parse("a=%FF").get("a").get(0);

    // Go's string is the single byte 0xFF; each invalid byte stays one byte, as utf8.DecodeRune
    // reads them, where Java's decoder would merge E2 82 into one replacement character.
    assertThat(GoStrings.bytes(value)).containsExactly(0xFF);
    assertThat(GoStrings.bytes(GoQuery.parse("a=%E2%82A").get("a").get(0)))
        .containsExactly(0xE2, 0x82, 'A');
    assertThat(GoStrings.bytes(GoQuery.parse("a=%ED%A0%80").get("a").get(0)))
        .containsExactly(0xED, 0xA0, 0x80);
    assertThat(value).isNotEqualTo("\uFFFD");
  }

  @Test
  void plusIsASpaceInQueriesOnly() {
    assertThat(GoQuery.parse("a+b=c+d%2B")).containsExactly(entry("a b", "c d+"));
    assertThat(GoQuery.unescapePath("/a+b%20c")).isEqualTo("/a+b c");
  }

  @Test
  void pairsWithBadEscapesOrSemicolonsAreDroppedAndTheRestKept() {
    assertThat(GoQuery.parse("a=%zz&b=1&c=%&d=%4&e=x;y&b=2&=v&f"))
        .containsExactly(entry("b", "1", "2"), entry("", "v"), entry("f", ""));
    assertThat(GoQuery.unescapePath("/x/%zz")).isNull();
  }

  @Test
  void badEscapesAreWordedAsGoesEscapeError() {
    assertThat(error("%zz")).isEqualTo("invalid URL escape \"%zz\"");
    assertThat(error("abc%4")).isEqualTo("invalid URL escape \"%4\"");
    assertThat(error("%")).isEqualTo("invalid URL escape \"%\"");
    assertThat(error("%4g1")).isEqualTo("invalid URL escape \"%4g\"");
    // Go cuts three bytes, here inside a character, and strconv.Quote shows the stray bytes.
    assertThat(error("%\uD83D\uDE00")).isEqualTo("invalid URL escape \"%\\xf0\\x9f\"");
    assertThat(error("%\u00e9")).isEqualTo("invalid URL escape \"%\u00e9\"");
    assertThatThrownBy(() -> GoQuery.pathUnescape("/a/%g0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid URL escape \"%g0\"");
    assertThat(GoQuery.queryUnescape("a%20b+c")).isEqualTo("a b c");
  }

  private static String error(String text) {
    try {
      GoQuery.queryUnescape(text);
      throw new AssertionError(text + " was accepted");
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static Map.Entry<String, List<String>> entry(String key, String... values) {
    return Map.entry(key, List.of(values));
  }
}
