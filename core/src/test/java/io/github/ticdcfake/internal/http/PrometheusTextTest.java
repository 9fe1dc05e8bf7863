package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.internal.http.PrometheusText.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exposition writer byte for byte, and the Go renderings the debug dump uses. */
class PrometheusTextTest {
  @Test
  void escapesLabelValuesAndHelpLikeExpfmt() {
    PrometheusText text =
        new PrometheusText()
            .declare("x_total", Type.COUNTER, "a \\ help\nwith \"quotes\"")
            .sample("x_total", Map.of("namespace", "n", "changefeed", "a\"b\\c\nd"), 2);

    assertThat(new String(text.render(), StandardCharsets.UTF_8))
        .isEqualTo(
            "# HELP x_total a \\\\ help\\nwith \"quotes\"\n"
                + "# TYPE x_total counter\n"
                + "x_total{changefeed=\"a\\\"b\\\\c\\nd\",namespace=\"n\"} 2\n");
  }

  @Test
  void sortsFamiliesByNameAndSamplesByLabelValuesAndDropsEmptyFamilies() {
    PrometheusText text =
        new PrometheusText()
            .declare("b", Type.GAUGE, "B")
            .declare("a", Type.GAUGE, "A")
            .declare("empty", Type.GAUGE, "never sampled")
            .sample("b", Map.of("k", "2"), 1)
            .sample("b", Map.of("k", "1"), 0)
            .sample("a", 0.5);

    assertThat(new String(text.render(), StandardCharsets.UTF_8))
        .isEqualTo(
            "# HELP a A\n# TYPE a gauge\na 0.5\n"
                + "# HELP b B\n# TYPE b gauge\nb{k=\"1\"} 0\nb{k=\"2\"} 1\n");
    assertThatThrownBy(() -> text.sample("c", 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void writesValuesLikeGoShortestG() {
    assertThat(PrometheusText.goFloat(1716170400000.0)).isEqualTo("1.7161704e+12");
    assertThat(PrometheusText.goFloat(1234567)).isEqualTo("1.234567e+06");
    assertThat(PrometheusText.goFloat(123456)).isEqualTo("123456");
    assertThat(PrometheusText.goFloat(90)).isEqualTo("90");
    assertThat(PrometheusText.goFloat(1.5)).isEqualTo("1.5");
    assertThat(PrometheusText.goFloat(-2.25)).isEqualTo("-2.25");
    assertThat(PrometheusText.goFloat(0.0001)).isEqualTo("0.0001");
    assertThat(PrometheusText.goFloat(0.000015)).isEqualTo("1.5e-05");
    assertThat(PrometheusText.goFloat(1)).isEqualTo("1");
    assertThat(PrometheusText.goFloat(0)).isEqualTo("0");
    assertThat(PrometheusText.goFloat(-1)).isEqualTo("-1");
    assertThat(PrometheusText.goFloat(Double.NaN)).isEqualTo("NaN");
    assertThat(PrometheusText.goFloat(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(PrometheusText.goFloat(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }

  @Test
  void encodesTableRangesInTiKvsComparableForm() {
    assertThat(ObservabilityHandlers.comparableTableKey(104, 'r'))
        .isEqualTo("7480000000000000ff685f720000000000fa");
    assertThat(ObservabilityHandlers.comparableTableKey(104, 's'))
        .isEqualTo("7480000000000000ff685f730000000000fa");
  }

  @Test
  void rendersTimesLikeGoTimeString() {
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    assertThat(ObservabilityHandlers.goTimeString(Instant.parse("2024-05-20T02:00:00Z"), shanghai))
        .isEqualTo("2024-05-20 10:00:00 +0800 CST");
    assertThat(
            ObservabilityHandlers.goTimeString(
                Instant.parse("2024-05-20T02:00:00.120Z"), ZoneId.of("UTC")))
        .isEqualTo("2024-05-20 02:00:00.12 +0000 UTC");
    assertThat(
            ObservabilityHandlers.goTimeString(
                Instant.parse("2024-05-20T02:00:00.000000001Z"), ZoneId.of("Europe/Berlin")))
        .isEqualTo("2024-05-20 04:00:00.000000001 +0200 CEST");
  }
}
