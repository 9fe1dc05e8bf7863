package io.github.ticdcfake.cluster;

import java.io.ByteArrayOutputStream;

/**
 * Go strings are bytes, Java strings are UTF-16: a byte that is not part of valid UTF-8 (Go keeps
 * it, e.g. from {@code %FF} in a URL) is carried as the unpaired surrogate {@code U+DC00 + byte},
 * like Python's {@code surrogateescape}, so it round-trips and the JSON writer prints it as Go's
 * encoder does, {@code \ufffd}.
 */
final class GoStrings {
  private GoStrings() {}

  /** The bytes Go would hold: UTF-8, with carried bytes restored. */
  static byte[] bytes(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out.write(c);
      } else if (c < 0x800) {
        out.write(0xC0 | (c >> 6));
        out.write(0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        out.write(0xF0 | (cp >> 18));
        out.write(0x80 | ((cp >> 12) & 0x3F));
        out.write(0x80 | ((cp >> 6) & 0x3F));
        out.write(0x80 | (cp & 0x3F));
      } else if (c >= 0xDC80 && c <= 0xDCFF) {
        out.write(c & 0xFF); // a carried byte
      } else if (Character.isSurrogate(c)) {
        out.write(0xEF); // Go turns an unpaired surrogate into U+FFFD
        out.write(0xBF);
        out.write(0xBD);
      } else {
        out.write(0xE0 | (c >> 12));
        out.write(0x80 | ((c >> 6) & 0x3F));
        out.write(0x80 | (c & 0x3F));
      }
    }
    return out.toByteArray();
  }

  /**
   * Decodes like Go's {@code utf8.DecodeRune}: a byte that does not start a valid, shortest,
   * non-surrogate sequence is invalid on its own (so {@code E2 82 41} is two carried bytes and
   * {@code A}), where Java's decoder would merge them into one U+FFFD.
   */
  static String fromBytes(byte[] b, int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      int b0 = b[i] & 0xFF;
      if (b0 < 0x80) {
        out.append((char) b0);
        i++;
        continue;
      }
      int n = sequenceLength(b, i, to);
      if (n == 0) {
        out.append((char) (0xDC00 | b0));
        i++;
        continue;
      }
      int cp =
          switch (n) {
            case 2 -> ((b0 & 0x1F) << 6) | (b[i + 1] & 0x3F);
            case 3 -> ((b0 & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
            default ->
                ((b0 & 0x07) << 18)
                    | ((b[i + 1] & 0x3F) << 12)
                    | ((b[i + 2] & 0x3F) << 6)
                    | (b[i + 3] & 0x3F);
          };
      out.appendCodePoint(cp);
      i += n;
    }
    return out.toString();
  }

  /** The length of the valid UTF-8 sequence at {@code i}, or 0 (Go's accept ranges). */
  private static int sequenceLength(byte[] b, int i, int to) {
    int b0 = b[i] & 0xFF;
    int n;
    int lo = 0x80;
    int hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      n = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      n = 3;
      if (b0 == 0xE0) {
        lo = 0xA0;
      } else if (b0 == 0xED) {
        hi = 0x9F;
      }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      n = 4;
      if (b0 == 0xF0) {
        lo = 0x90;
      } else if (b0 == 0xF4) {
        hi = 0x8F;
      }
    } else {
      return 0;
    }
    if (i + n > to) {
      return 0;
    }
    int b1 = b[i + 1] & 0xFF;
    if (b1 < lo || b1 > hi) {
      return 0;
    }
    for (int k = 2; k < n; k++) {
      int bk = b[i + k] & 0xFF;
      if (bk < 0x80 || bk > 0xBF) {
        return 0;
      }
    }
    return n;
  }

  /**
   * Go's {@code strconv.Quote} of raw bytes: printable characters as they are, {@code "} and {@code
   * \\} escaped, control characters as {@code \\n}-style or {@code \\xNN}, other non-printable
   * characters as {@code \\uXXXX}, and bytes that are not UTF-8 as {@code \\xNN}.
   */
  static String quote(byte[] b) {
    String decoded = fromBytes(b, 0, b.length);
    StringBuilder out = new StringBuilder(decoded.length() + 2).append('"');
    for (int i = 0; i < decoded.length(); ) {
      int cp = decoded.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0xDC80 && cp <= 0xDCFF) {
        hexByte(out.append("\\x"), cp & 0xFF);
      } else if (cp == '"' || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (isPrint(cp)) {
        out.appendCodePoint(cp);
      } else {
        switch (cp) {
          case 0x07 -> out.append("\\a");
          case '\b' -> out.append("\\b");
          case '\f' -> out.append("\\f");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case 0x0B -> out.append("\\v");
          default -> {
            if (cp < ' ' || cp == 0x7F) {
              hexByte(out.append("\\x"), cp);
            } else if (cp < 0x10000) {
              out.append(String.format("\\u%04x", cp));
            } else {
              out.append(String.format("\\U%08x", cp));
            }
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void hexByte(StringBuilder out, int b) {
    out.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
  }

  /**
   * Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space.
   */
  private static boolean isPrint(int cp) {
    if (cp < 0x80) {
      return cp >= 0x20 && cp < 0x7F;
    }
    return switch (Character.getType(cp)) {
      case Character.UNASSIGNED,
          Character.CONTROL,
          Character.FORMAT,
          Character.PRIVATE_USE,
          Character.SURROGATE,
          Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          false;
      default -> true;
    };
  }
}
