package io.github.ticdcfake.cluster;

import java.util.List;
import java.util.Locale;

/** Go's {@code fmt.Sprintf} for the verbs TiCDC's templates use, including Go's odd markers. */
final class GoFormat {
  private GoFormat() {}

  static String sprintf(String template, Object... args) {
    StringBuilder out = new StringBuilder();
    int argIndex = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '%' || i + 1 >= template.length()) {
        out.append(c);
        continue;
      }
      char verb = template.charAt(++i);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (argIndex >= args.length) {
        out.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      out.append(render(args[argIndex++], verb));
    }
    // Go appends surplus arguments as %!(EXTRA type=value) (Go's fmt; TiCDC
    // formats its messages with pingcap/errors normalize.go GetMsg).
    if (argIndex < args.length) {
      out.append("%!(EXTRA ");
      for (int i = argIndex; i < args.length; i++) {
        if (i > argIndex) {
          out.append(", ");
        }
        out.append(goTypeName(args[i])).append('=').append(render(args[i], 'v'));
      }
      out.append(')');
    }
    return out.toString();
  }

  private static String render(Object arg, char verb) {
    if (arg instanceof Long l && verb == 'd') {
      return Long.toUnsignedString(l);
    }
    if (arg instanceof List<?> list) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          b.append(' ');
        }
        b.append(list.get(i));
      }
      return b.append(']').toString();
    }
    if (arg instanceof Double d && verb == 'f') {
      return String.format(Locale.ROOT, "%f", d);
    }
    return String.valueOf(arg);
  }

  private static String goTypeName(Object arg) {
    if (arg instanceof String) {
      return "string";
    }
    if (arg instanceof Long) {
      return "uint64";
    }
    if (arg instanceof Integer) {
      return "int";
    }
    return "interface {}";
  }
}
