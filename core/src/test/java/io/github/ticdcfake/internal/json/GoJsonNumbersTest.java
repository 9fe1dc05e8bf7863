package io.github.ticdcfake.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Longs and plain strings, written in place by the JSON writer, read as Go prints them. */
class GoJsonNumbersTest {
  private static String compact(Object value) {
    return new String(Json.compact(value), StandardCharsets.UTF_8);
  }

  @Test
  void longsPrintTheirDecimalDigits() {
    List<Long> values =
        List.of(
            0L,
            7L,
            9L,
            10L,
            -1L,
            -10L,
            999L,
            1000L,
            449883773337600000L,
            999999999999999999L,
            1000000000000000000L,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            Long.MIN_VALUE + 1);
    StringBuilder expected = new StringBuilder("[");
    for (Long v : values) {
      expected.append(expected.length() == 1 ? "" : ",").append(v);
    }

    assertThat(compact(values)).isEqualTo(expected.append(']').toString());
  }

  @Test
  void stringsCopyTheirSafePrefixAndEscapeTheRest() {
    assertThat(compact(Map.of("k", "plain-ascii 123"))).isEqualTo("{\"k\":\"plain-ascii 123\"}");
    assertThat(compact(List.of("a<b", "\"q\"", "é", "")))
        .isEqualTo("[\"a\\u003cb\",\"\\\"q\\\"\",\"é\",\"\"]");
  }
}
