package io.github.ticdcfake.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.cluster.Tso;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written renderings agree with java.time's formatters they replaced. */
class GoTimeTest {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneOffset.UTC,
          ZoneId.of("Asia/Shanghai"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneOffset.ofHoursMinutes(-3, -30));

  @Test
  void localMatchesTheFormatterAcrossZonesAndDstChanges() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000_000));
      for (ZoneId zone : ZONES) {
        assertThat(GoTime.local(instant, zone))
            .isEqualTo(LOCAL.format(ZonedDateTime.ofInstant(instant, zone)));
        long tso = Tso.compose(instant.toEpochMilli(), 3);
        assertThat(GoTime.tsoLocal(tso, zone))
            .isEqualTo(LOCAL.format(ZonedDateTime.ofInstant(Tso.toInstant(tso), zone)));
      }
    }
  }

  @Test
  void rfc3339NanoTrimsTheFractionAndWritesTheOffset() {
    assertThat(GoTime.rfc3339Nano(Instant.parse("2024-05-20T02:00:00Z"), ZoneOffset.UTC))
        .isEqualTo("2024-05-20T02:00:00Z");
    assertThat(
            GoTime.rfc3339Nano(
                Instant.parse("2024-05-20T02:00:00.120300Z"), ZoneId.of("Asia/Shanghai")))
        .isEqualTo("2024-05-20T10:00:00.1203+08:00");
    assertThat(GoTime.rfc3339Nano(Instant.parse("1970-01-01T00:00:00.000000001Z"), ZoneOffset.UTC))
        .isEqualTo("1970-01-01T00:00:00.000000001Z");
  }

  @Test
  void tsoZeroIsTheEpoch() {
    assertThat(GoTime.tsoLocal(0, ZoneOffset.UTC)).isEqualTo("1970-01-01 00:00:00.000");
  }
}
