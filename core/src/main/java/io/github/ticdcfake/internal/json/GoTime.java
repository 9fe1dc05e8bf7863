package io.github.ticdcfake.internal.json;

import io.github.ticdcfake.cluster.Tso;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * TiCDC's two time renderings (tiflow {@code cdc/model/changefeed.go}, {@code
 * cdc/api/v2/model.go}).
 *
 * <p>Written digit by digit rather than through {@link DateTimeFormatter}: a list of 10 000
 * changefeeds renders 10 000 {@code checkpoint_time}s, and the formatter was a fifth of that
 * request's cost. Years outside 0–9999 fall back to the formatter.
 */
public final class GoTime {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private GoTime() {}

  /** {@code checkpoint_time}: the TSO's physical time as {@code 2006-01-02 15:04:05.000}, local. */
  public static String tsoLocal(long tso, ZoneId zone) {
    long millis = Tso.physicalMillis(tso);
    return local(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000), zone);
  }

  /** An instant as {@code 2006-01-02 15:04:05.000} in local time. */
  public static String local(Instant instant, ZoneId zone) {
    return local(instant.getEpochSecond(), instant.getNano() / 1_000_000, zone);
  }

  private static String local(long epochSecond, int millis, ZoneId zone) {
    ZoneOffset offset = offset(epochSecond, zone);
    long local = epochSecond + offset.getTotalSeconds();
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, 86_400));
    if (date.getYear() < 0 || date.getYear() > 9999) {
      return LOCAL.format(ZonedDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone));
    }
    char[] out = new char[23];
    date(out, date, (int) Math.floorMod(local, 86_400), ' ');
    out[19] = '.';
    digits(out, 20, millis, 3);
    return new String(out);
  }

  /** Go's RFC3339Nano: fraction with trailing zeros trimmed, numeric offset or {@code Z} in UTC. */
  public static String rfc3339Nano(Instant instant, ZoneId zone) {
    long epochSecond = instant.getEpochSecond();
    ZoneOffset offset = offset(epochSecond, zone);
    long local = epochSecond + offset.getTotalSeconds();
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, 86_400));
    StringBuilder out = new StringBuilder(36);
    if (date.getYear() < 0 || date.getYear() > 9999) {
      out.append(SECONDS.format(ZonedDateTime.ofInstant(instant, zone)));
    } else {
      char[] head = new char[19];
      date(head, date, (int) Math.floorMod(local, 86_400), 'T');
      out.append(head);
    }
    int nanos = instant.getNano();
    if (nanos != 0) {
      char[] fraction = new char[9];
      digits(fraction, 0, nanos, 9);
      int end = 9;
      while (fraction[end - 1] == '0') {
        end--;
      }
      out.append('.').append(fraction, 0, end);
    }
    out.append(offset.getTotalSeconds() == 0 ? "Z" : offset.getId());
    return out.toString();
  }

  private static ZoneOffset offset(long epochSecond, ZoneId zone) {
    return zone instanceof ZoneOffset fixed
        ? fixed
        : zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond));
  }

  /** {@code yyyy-MM-dd?HH:mm:ss} into the first 19 chars. */
  private static void date(char[] out, LocalDate date, int secondOfDay, char separator) {
    digits(out, 0, date.getYear(), 4);
    out[4] = '-';
    digits(out, 5, date.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, date.getDayOfMonth(), 2);
    out[10] = separator;
    digits(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    digits(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, secondOfDay % 60, 2);
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
