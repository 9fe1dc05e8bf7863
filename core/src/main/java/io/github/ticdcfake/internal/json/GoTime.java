package io.github.ticdcfake.internal.json;

import io.github.ticdcfake.cluster.Tso;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** TiCDC's two time renderings (reference §7.3). */
public final class GoTime {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private GoTime() {}

  /** {@code checkpoint_time}: the TSO's physical time as {@code 2006-01-02 15:04:05.000}, local. */
  public static String tsoLocal(long tso, ZoneId zone) {
    return LOCAL.format(ZonedDateTime.ofInstant(Tso.toInstant(tso), zone));
  }

  /** An instant as {@code 2006-01-02 15:04:05.000} in local time. */
  public static String local(Instant instant, ZoneId zone) {
    return LOCAL.format(ZonedDateTime.ofInstant(instant, zone));
  }

  /** Go's RFC3339Nano: fraction with trailing zeros trimmed, numeric offset or {@code Z} in UTC. */
  public static String rfc3339Nano(Instant instant, ZoneId zone) {
    ZonedDateTime time = ZonedDateTime.ofInstant(instant, zone);
    StringBuilder out = new StringBuilder(SECONDS.format(time));
    int nanos = time.getNano();
    if (nanos != 0) {
      String digits = String.format("%09d", nanos);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(digits, 0, end);
    }
    ZoneOffset offset = time.getOffset();
    out.append(offset.getTotalSeconds() == 0 ? "Z" : offset.getId());
    return out.toString();
  }
}
