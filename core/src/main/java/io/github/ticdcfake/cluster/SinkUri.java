package io.github.ticdcfake.cluster;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sink URI parsed like Go's {@code net/url.Parse}, classified like TiCDC's sink factory, and
 * masked like tiflow's {@code MaskSinkURI} (pingcap/tiflow cdc/api/v2/model.go; pingcap/tiflow
 * pkg/config/sink.go, cdc/sink/validator/validator.go).
 */
final class SinkUri {
  static final List<String> MYSQL_SCHEMES = List.of("mysql", "mysql+ssl", "tidb", "tidb+ssl");
  static final List<String> MQ_SCHEMES =
      List.of("kafka", "kafka+ssl", "pulsar", "pulsar+ssl", "pulsar+http", "pulsar+https");
  static final List<String> STORAGE_SCHEMES =
      List.of("s3", "file", "gcs", "gs", "azblob", "azure", "noop");

  /** Thrown with the cause text of Go's {@code *url.Error}, e.g. {@code missing ']' in host}. */
  static final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    ParseException(String message) {
      super(message, null, false, false);
    }
  }

  final String raw;
  final String scheme;
  final String opaque;
  final String user; // raw userinfo before '@', or null
  final String host; // host[:port] as written
  final String path;
  final String rawQuery; // null when there is no '?'
  final String fragment; // null when there is no '#'

  private SinkUri(
      String raw,
      String scheme,
      String opaque,
      String user,
      String host,
      String path,
      String rawQuery,
      String fragment) {
    this.raw = raw;
    this.scheme = scheme;
    this.opaque = opaque;
    this.user = user;
    this.host = host;
    this.path = path;
    this.rawQuery = rawQuery;
    this.fragment = fragment;
  }

  static SinkUri parse(String raw) throws ParseException {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new ParseException("net/url: invalid control character in URL");
      }
    }
    String rest = raw;
    String fragment = null;
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      fragment = rest.substring(hash + 1);
      rest = rest.substring(0, hash);
      checkEscapes(fragment);
    }
    String scheme = "";
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (Character.isLetter(c) && c < 128) {
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          break;
        }
        continue;
      }
      if (c == ':') {
        if (i == 0) {
          throw new ParseException("missing protocol scheme");
        }
        scheme = rest.substring(0, i).toLowerCase(Locale.ROOT);
        rest = rest.substring(i + 1);
      }
      break;
    }
    String rawQuery = null;
    int question = rest.indexOf('?');
    if (question >= 0) {
      rawQuery = rest.substring(question + 1);
      rest = rest.substring(0, question);
    }
    if (!rest.startsWith("/") && !scheme.isEmpty()) {
      return new SinkUri(raw, scheme, rest, null, "", "", rawQuery, fragment);
    }
    String user = null;
    String host = "";
    if (rest.startsWith("//")) {
      String authorityAndPath = rest.substring(2);
      int slash = authorityAndPath.indexOf('/');
      String authority = slash < 0 ? authorityAndPath : authorityAndPath.substring(0, slash);
      rest = slash < 0 ? "" : authorityAndPath.substring(slash);
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        user = authority.substring(0, at);
        validateUserinfo(user);
        host = authority.substring(at + 1);
      } else {
        host = authority;
      }
      validateHost(host);
    } else if (scheme.isEmpty()) {
      int slash = rest.indexOf('/');
      String first = slash < 0 ? rest : rest.substring(0, slash);
      if (first.contains(":")) {
        throw new ParseException("first path segment in URL cannot contain colon");
      }
    }
    checkEscapes(rest);
    return new SinkUri(raw, scheme, null, user, host, rest, rawQuery, fragment);
  }

  private static void validateUserinfo(String userinfo) throws ParseException {
    for (int i = 0; i < userinfo.length(); i++) {
      char c = userinfo.charAt(i);
      boolean ok =
          Character.isLetterOrDigit(c) || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0 || c >= 0x80;
      if (!ok) {
        throw new ParseException("net/url: invalid userinfo");
      }
    }
    checkEscapes(userinfo);
  }

  private static void validateHost(String host) throws ParseException {
    if (host.startsWith("[")) {
      int close = host.lastIndexOf(']');
      if (close < 0) {
        throw new ParseException("missing ']' in host");
      }
      String port = host.substring(close + 1);
      if (!validOptionalPort(port)) {
        throw new ParseException("invalid port \"" + port + "\" after host");
      }
      return;
    }
    int colon = host.lastIndexOf(':');
    if (colon >= 0) {
      String port = host.substring(colon);
      if (!validOptionalPort(port)) {
        throw new ParseException("invalid port \"" + port + "\" after host");
      }
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok =
          Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:[]%".indexOf(c) >= 0 || c >= 0x80;
      if (!ok) {
        throw new ParseException("invalid character \"" + c + "\" in host name");
      }
    }
    checkEscapes(host);
  }

  static boolean validOptionalPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    if (port.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static void checkEscapes(String s) throws ParseException {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '%') {
        if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
          String bad = s.substring(i, Math.min(s.length(), i + 3));
          throw new ParseException("invalid URL escape \"" + bad + "\"");
        }
      }
    }
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  // ---- classification -------------------------------------------------------------------------

  boolean isMySqlCompatible() {
    return MYSQL_SCHEMES.contains(scheme);
  }

  boolean isMq() {
    return MQ_SCHEMES.contains(scheme);
  }

  boolean isStorage() {
    return STORAGE_SCHEMES.contains(scheme);
  }

  boolean isBlackhole() {
    return scheme.equals("blackhole");
  }

  boolean isKnownScheme() {
    return isMySqlCompatible() || isMq() || isStorage() || isBlackhole();
  }

  /** The hostname without port and brackets (empty when absent). */
  String hostname() {
    String h = host;
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      return close < 0 ? h.substring(1) : h.substring(1, close);
    }
    int colon = h.lastIndexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  /** The port text, or empty. */
  String port() {
    int close = host.lastIndexOf(']');
    int colon = host.lastIndexOf(':');
    return colon > close ? host.substring(colon + 1) : "";
  }

  /** The first value of a query parameter, decoded, or {@code null}. */
  String queryParameter(String name) {
    List<String> values = query().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Go's {@code url.ParseQuery}: keys in sorted order (as {@code url.Values} encodes them). */
  Map<String, List<String>> query() {
    return new TreeMap<>(GoQuery.parse(rawQuery));
  }

  /**
   * The URI as TiCDC shows it outside {@code meta_info}: the password and any {@code sasl-password}
   * replaced by {@code xxxxx}, re-serialised by Go's {@code URL.String}, which drops {@code //}
   * when host, path and user are all empty ({@code blackhole://} → {@code blackhole:}).
   */
  String masked() {
    String query = rawQuery;
    Map<String, List<String>> values = query();
    if (values.containsKey("sasl-password")) {
      values.put("sasl-password", List.of("xxxxx"));
      query = encodeQuery(values);
    }
    StringBuilder out = new StringBuilder();
    if (!scheme.isEmpty()) {
      out.append(scheme).append(':');
    }
    if (opaque != null) {
      out.append(opaque);
    } else {
      if (!host.isEmpty() || !path.isEmpty() || user != null) {
        out.append("//");
      }
      if (user != null) {
        int colon = user.indexOf(':');
        out.append(colon < 0 ? user : user.substring(0, colon) + ":xxxxx").append('@');
      }
      out.append(host);
      if (!path.isEmpty() && path.charAt(0) != '/' && !host.isEmpty()) {
        out.append('/');
      }
      out.append(path);
    }
    if (query != null && !query.isEmpty()) {
      out.append('?').append(query);
    }
    if (fragment != null && !fragment.isEmpty()) {
      out.append('#').append(fragment);
    }
    return out.toString();
  }

  private static String encodeQuery(Map<String, List<String>> values) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      for (String value : entry.getValue()) {
        if (out.length() > 0) {
          out.append('&');
        }
        out.append(queryEscape(entry.getKey())).append('=').append(queryEscape(value));
      }
    }
    return out.toString();
  }

  static String queryEscape(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
      }
    }
    return out.toString();
  }
}
