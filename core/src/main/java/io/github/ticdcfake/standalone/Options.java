package io.github.ticdcfake.standalone;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.FakeTls;
import io.github.ticdcfake.cluster.SinkProbe;
import io.github.ticdcfake.cluster.TiCdcVersion;
import io.github.ticdcfake.internal.json.ServerConfigToml;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The standalone runner's command line: the fake's own options and {@code cdc server}'s flags with
 * their meaning (tiflow {@code pkg/cmd/server/server.go}), optionally after a leading {@code
 * server} word, as {@code --flag value} or {@code --flag=value}. {@code --config FILE} reads
 * TiCDC's server TOML; flags win over the file, as in cdc.
 *
 * @param host the address to bind
 * @param port the first capture's port
 * @param advertiseAddress the first capture's reported address, or {@code null} for the bound one
 * @param pdEndpoints the upstream PD's endpoints ({@code --pd})
 * @param clusterId TiCDC's cluster id
 * @param timeZone {@code --tz} as given (validated; it sets the sink zone in TiCDC, which the fake
 *     does not model)
 * @param logLevel the log level ({@code --log-level})
 * @param gcTtlSeconds {@code --gc-ttl} (validated, otherwise unused)
 * @param pemTls TLS from PEM files ({@code --ca}, {@code --cert}, {@code --key}), or {@code null}
 * @param clientAllowedUsers users client authentication lets in; empty: authentication off
 * @param upstreamUsers the fake upstream TiDB's users and passwords
 * @param warnings what cdc would also warn about, printed at start
 */
record Options(
    String host,
    int port,
    String advertiseAddress,
    List<String> pdEndpoints,
    String clusterId,
    String timeZone,
    String logLevel,
    long gcTtlSeconds,
    int captures,
    TiCdcVersion version,
    SinkProbe sinkProbe,
    boolean help,
    Path scenario,
    boolean admin,
    String adminToken,
    boolean tls,
    Path tlsCertOut,
    Path tlsKeystore,
    String tlsKeystorePassword,
    PemTls pemTls,
    Set<String> clientAllowedUsers,
    Map<String, String> upstreamUsers,
    List<String> warnings) {

  /**
   * TiCDC's {@code security} section: the PEM files and the client-certificate rules.
   *
   * @param allowedCns {@code cert-allowed-cn}: clients need a certificate with one of these CNs
   * @param mtls {@code mtls}: clients need a certificate from the CA
   */
  record PemTls(Path ca, Path cert, Path key, List<String> allowedCns, boolean mtls) {}

  private static final String DEFAULT_PD = "http://127.0.0.1:2379";
  private static final Pattern CLUSTER_ID = Pattern.compile("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$");
  private static final List<String> RESERVED_CLUSTER_IDS =
      List.of("owner", "capture", "task", "changefeed", "job", "meta");
  private static final Set<String> LOG_LEVELS =
      Set.of("debug", "info", "warn", "error", "dpanic", "panic", "fatal");

  /** Flags taking a value; the fake's own first, then cdc server's. */
  private static final Set<String> VALUE_FLAGS =
      Set.of(
          "--captures",
          "--version",
          "--scenario",
          "--sink-probe",
          "--admin",
          "--tls-cert-out",
          "--tls-keystore",
          "--tls-keystore-password",
          "--client-auth",
          "--upstream-user",
          "--addr",
          "--advertise-addr",
          "--pd",
          "--cluster-id",
          "--tz",
          "--log-level",
          "--gc-ttl",
          "--log-file",
          "--data-dir",
          "--sort-dir",
          "--owner-flush-interval",
          "--processor-flush-interval",
          "--config",
          "--ca",
          "--cert",
          "--key",
          "--cert-allowed-cn");

  private static final Set<String> BOOLEAN_FLAGS = Set.of("--help", "--tls", "--newarch");

  static Options parse(String[] args) {
    return parse(args, System.getenv());
  }

  /** Parses {@code args} with {@code env} as the environment ({@code TICDC_NEWARCH}). */
  static Options parse(String[] args, Map<String, String> env) {
    Map<String, String> given = new LinkedHashMap<>();
    Map<String, String> clientAuth = new LinkedHashMap<>();
    Map<String, String> upstreamUsers = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (i == 0 && arg.equals("server")) {
        continue; // cdc server …
      }
      if (arg.equals("-h")) {
        arg = "--help";
      }
      if (arg.equals("-x")) {
        arg = "--newarch"; // cdc server's shorthand
      }
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        value = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      if (BOOLEAN_FLAGS.contains(arg)) {
        given.put(arg, value == null ? "true" : booleanText(arg, value));
      } else if (VALUE_FLAGS.contains(arg)) {
        String v = value != null ? value : next(args, ++i, arg);
        switch (arg) {
          case "--client-auth" -> users(arg, v, clientAuth);
          case "--upstream-user" -> users(arg, v, upstreamUsers);
          default -> given.put(arg, v);
        }
      } else if (arg.startsWith("-")) {
        throw new IllegalArgumentException("unknown option '" + args[i] + "'");
      } else {
        throw new IllegalArgumentException(
            "unexpected argument '" + args[i] + "' (flags start with --)");
      }
    }
    ServerConfigToml.Settings file =
        given.containsKey("--config")
            ? ServerConfigToml.read(Path.of(given.get("--config")))
            : new ServerConfigToml.Settings(Map.of(), null, Map.of(), Map.of());
    // pingcap/ticdc cmd/cdc/server/server.go isNewArchEnabled: the flag, then TICDC_NEWARCH
    // (exactly "true"), then newarch = true in the config file
    if (!given.containsKey("--newarch")
        && ("true".equals(env.get("TICDC_NEWARCH"))
            || Boolean.TRUE.equals(file.booleans().get("newarch")))) {
      given.put("--newarch", "true");
    }
    return resolve(given, file, clientAuth, upstreamUsers);
  }

  private static Options resolve(
      Map<String, String> given,
      ServerConfigToml.Settings file,
      Map<String, String> clientAuth,
      Map<String, String> upstreamUsers) {
    List<String> warnings = new ArrayList<>();

    // The fake's own options.
    int captures =
        given.containsKey("--captures")
            ? parseInt(given.get("--captures"), "--captures", 1, 1000)
            : 1;
    TiCdcVersion version =
        "true".equals(given.get("--newarch"))
            ? TiCdcVersion.newArchitecture(given.get("--version"))
            : given.containsKey("--version")
                ? TiCdcVersion.parse(given.get("--version"))
                : TiCdcVersion.latest();
    SinkProbe sinkProbe =
        switch (given.getOrDefault("--sink-probe", "none")) {
          case "none" -> SinkProbe.none();
          case "tcp" -> SinkProbe.tcp();
          default ->
              throw new IllegalArgumentException(
                  "--sink-probe wants none or tcp, got '" + given.get("--sink-probe") + "'");
        };
    Path scenario = given.containsKey("--scenario") ? Path.of(given.get("--scenario")) : null;
    boolean admin = true;
    String adminToken = null;
    String adminMode = given.getOrDefault("--admin", "on");
    if (adminMode.equals("off")) {
      admin = false;
    } else if (adminMode.startsWith("token:") && adminMode.length() > "token:".length()) {
      adminToken = adminMode.substring("token:".length());
    } else if (!adminMode.equals("on")) {
      throw new IllegalArgumentException(
          "--admin wants on, off or token:SECRET, got '" + adminMode + "'");
    }
    boolean generatedTls = Boolean.parseBoolean(given.getOrDefault("--tls", "false"));
    Path tlsCertOut =
        given.containsKey("--tls-cert-out") ? Path.of(given.get("--tls-cert-out")) : null;
    Path tlsKeystore =
        given.containsKey("--tls-keystore") ? Path.of(given.get("--tls-keystore")) : null;
    String tlsKeystorePassword = given.get("--tls-keystore-password");
    if (tlsKeystore != null && tlsKeystorePassword == null) {
      throw new IllegalArgumentException("--tls-keystore needs --tls-keystore-password");
    }
    if (tlsCertOut != null && tlsKeystore != null) {
      throw new IllegalArgumentException(
          "--tls-cert-out writes the generated certificate; it cannot be used with --tls-keystore");
    }
    boolean fakeTls = generatedTls || tlsCertOut != null || tlsKeystore != null;

    // cdc server's flags, over the config file, over cdc's defaults (pkg/cmd/server/server.go).
    String addr = setting(given, "--addr", file, "addr", "127.0.0.1:8300");
    String advertise = setting(given, "--advertise-addr", file, "advertise-addr", "");
    String clusterId = setting(given, "--cluster-id", file, "cluster-id", "default");
    String tz = setting(given, "--tz", file, "tz", "System");
    String logLevel = setting(given, "--log-level", file, "log-level", "info");
    String gcTtlText =
        given.containsKey("--gc-ttl")
            ? given.get("--gc-ttl")
            : file.gcTtl() != null ? Long.toString(file.gcTtl()) : "86400";
    String ca = setting(given, "--ca", file, "security.ca-path", "");
    String cert = setting(given, "--cert", file, "security.cert-path", "");
    String key = setting(given, "--key", file, "security.key-path", "");
    List<String> allowedCns =
        given.containsKey("--cert-allowed-cn")
            ? splitCns(given.get("--cert-allowed-cn"))
            : file.lists().getOrDefault("security.cert-allowed-cn", List.of());
    boolean mtls = file.booleans().getOrDefault("security.mtls", false);
    boolean clientUserRequired =
        file.booleans().getOrDefault("security.client-user-required", false);
    List<String> fileAllowedUsers =
        file.lists().getOrDefault("security.client-allowed-user", List.of());
    // --log-file, --data-dir and --sort-dir are accepted for cdc's command line: the fake writes
    // no files. cdc warns about a sort-dir (tiflow pkg/cmd/server/server.go complete); so do we.
    String sortDir = setting(given, "--sort-dir", file, "sorter.sort-dir", "/tmp/sorter");
    if (!sortDir.equals("/tmp/sorter")) {
      warnings.add(
          "--sort-dir is deprecated in server settings. sort-dir will be set to"
              + " `{data-dir}/tmp/sorter`. The sort-dir here will be no-op");
    }
    if (given.containsKey("--owner-flush-interval")) {
      goDuration(given.get("--owner-flush-interval"), "--owner-flush-interval");
    }
    if (given.containsKey("--processor-flush-interval")) {
      goDuration(given.get("--processor-flush-interval"), "--processor-flush-interval");
    }

    // tiflow pkg/config/server_config.go ValidateAndAdjust, in its order.
    if (!validClusterId(clusterId)) {
      throw new IllegalArgumentException(
          "[CDC:ErrInvalidServerOption]bad cluster-idplease match the pattern"
              + " \"^[a-zA-Z0-9]+(\\-[a-zA-Z0-9]+)*$\", and not the list of following reserved"
              + " world: "
              + String.join(",", RESERVED_CLUSTER_IDS)
              + "eg, \"simple-cluster-id\"");
    }
    if (addr.isEmpty()) {
      throw new IllegalArgumentException("[CDC:ErrInvalidServerOption]empty address");
    }
    int colon = addr.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("--addr wants HOST:PORT, got '" + addr + "'");
    }
    String host = addr.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = parseInt(addr.substring(colon + 1), "--addr port", 0, 65535);
    if (port != 0 && port + captures - 1 > 65535) {
      throw new IllegalArgumentException(
          "ports " + port + ".." + (port + captures - 1) + " do not fit");
    }
    String advertiseAddress = null;
    if (!advertise.isEmpty()) {
      int c = advertise.lastIndexOf(':');
      if (c < 0) {
        throw new IllegalArgumentException(
            "[CDC:ErrInvalidServerOption]advertise address or address does not contain a port");
      }
      if (isUnspecifiedIp(advertise.substring(0, c))) {
        throw new IllegalArgumentException(
            "[CDC:ErrInvalidServerOption]advertise address must be specified as a valid IP");
      }
      parseInt(advertise.substring(c + 1), "--advertise-addr port", 0, 65535);
      advertiseAddress = advertise;
    }
    long gcTtl;
    try {
      gcTtl = Long.parseLong(gcTtlText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid argument \"" + gcTtlText + "\" for \"--gc-ttl\" flag: must be an integer");
    }
    if (gcTtl == 0) {
      throw new IllegalArgumentException("[CDC:ErrInvalidServerOption]empty GC TTL is not allowed");
    }
    Set<String> allowedUsers = new LinkedHashSet<>(clientAuth.keySet());
    if (clientUserRequired) {
      if (fileAllowedUsers.isEmpty()) {
        throw new IllegalArgumentException(
            "[CDC:ErrInvalidServerOption]client-allowed-user should not be empty when"
                + " client-user-required is true");
      }
      allowedUsers.addAll(fileAllowedUsers);
    }
    Map<String, String> upstream = new LinkedHashMap<>(clientAuth);
    upstream.putAll(upstreamUsers);

    // security.Credential IsTLSEnabled: all three paths, otherwise plain HTTP.
    PemTls pemTls = null;
    boolean anyPem = !ca.isEmpty() || !cert.isEmpty() || !key.isEmpty();
    if (!ca.isEmpty() && !cert.isEmpty() && !key.isEmpty()) {
      if (fakeTls) {
        throw new IllegalArgumentException(
            "--ca/--cert/--key (security.ca-path, cert-path, key-path) cannot be combined with"
                + " --tls, --tls-cert-out or --tls-keystore");
      }
      pemTls = new PemTls(Path.of(ca), Path.of(cert), Path.of(key), allowedCns, mtls);
    } else {
      if (anyPem) {
        warnings.add(
            "TLS needs all of --ca, --cert and --key (security.ca-path, cert-path, key-path);"
                + " serving plain HTTP like cdc");
      }
      if (!allowedCns.isEmpty() || mtls) {
        warnings.add(
            "cert-allowed-cn and mtls only apply with --ca, --cert and --key; ignored like cdc");
      }
    }

    if (clientUserRequired && pemTls == null && !fakeTls) {
      // tiflow pkg/config/server_config.go ValidateAndAdjust logs the same warning.
      warnings.add(
          "client-allowed-user is true, but tls is not enabled.It's highly recommended to enable"
              + " TLS to secure the communication");
    }

    // tiflow pkg/cmd/server/server.go validate and pkg/cmd/util/helper.go VerifyPdEndpoint.
    String pd = given.getOrDefault("--pd", DEFAULT_PD);
    if (pd.isEmpty()) {
      throw new IllegalArgumentException("[CDC:ErrInvalidServerOption]empty PD address");
    }
    List<String> pdEndpoints = List.of(pd.split(",", -1));
    for (String endpoint : pdEndpoints) {
      verifyPdEndpoint(endpoint, pemTls != null, fakeTls);
    }

    // tiflow pkg/cmd/server/server.go run: the zone must load.
    checkTimeZone(tz);
    if (!LOG_LEVELS.contains(logLevel.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "--log-level wants debug, info, warn, error, dpanic, panic or fatal, got '"
              + logLevel
              + "'");
    }

    return new Options(
        host,
        port,
        advertiseAddress,
        pdEndpoints,
        clusterId,
        tz,
        logLevel.toLowerCase(Locale.ROOT),
        gcTtl,
        captures,
        version,
        sinkProbe,
        Boolean.parseBoolean(given.getOrDefault("--help", "false")),
        scenario,
        admin,
        adminToken,
        fakeTls || pemTls != null,
        tlsCertOut,
        tlsKeystore,
        tlsKeystorePassword,
        pemTls,
        Set.copyOf(allowedUsers),
        java.util.Collections.unmodifiableMap(upstream),
        List.copyOf(warnings));
  }

  /**
   * The server builder; a scenario's captures, version, PD endpoints, cluster id and advertise
   * address win over the flags.
   */
  FakeTiCdcServer.Builder builder() {
    FakeTiCdcServer.Builder builder =
        FakeTiCdcServer.builder()
            .host(host)
            .port(port)
            .captures(captures)
            .version(version)
            .sinkProbe(sinkProbe)
            .adminApi(admin)
            .pdEndpoints(pdEndpoints)
            .clusterId(clusterId);
    if (advertiseAddress != null) {
      builder.advertiseAddress(advertiseAddress);
    }
    if (adminToken != null) {
      builder.adminToken(adminToken);
    }
    upstreamUsers.forEach(builder::upstreamUser);
    if (!clientAllowedUsers.isEmpty()) {
      builder.clientAllowedUsers(clientAllowedUsers);
    }
    if (scenario != null) {
      builder.scenario(scenario);
    }
    if (pemTls != null) {
      FakeTls fromPem = FakeTls.fromPem(pemTls.ca(), pemTls.cert(), pemTls.key());
      if (!pemTls.allowedCns().isEmpty()) {
        fromPem = fromPem.allowedClientCns(pemTls.allowedCns().toArray(new String[0]));
      } else if (pemTls.mtls()) {
        fromPem = fromPem.requireClientCertificate();
      }
      builder.tls(fromPem);
    } else if (tls) {
      builder.tls(
          tlsKeystore != null
              ? FakeTls.fromKeyStore(tlsKeystore, tlsKeystorePassword.toCharArray())
              : FakeTls.selfSigned());
    }
    return builder;
  }

  private static String setting(
      Map<String, String> given,
      String flag,
      ServerConfigToml.Settings file,
      String key,
      String d) {
    if (given.containsKey(flag)) {
      return given.get(flag);
    }
    return file.strings().getOrDefault(key, d);
  }

  /** tiflow getCredential: the flag is split on commas (and each CN trimmed when checked). */
  private static List<String> splitCns(String value) {
    if (value.isEmpty()) {
      return List.of();
    }
    List<String> cns = new ArrayList<>();
    for (String cn : value.split(",", -1)) {
      cns.add(cn.strip());
    }
    return List.copyOf(cns);
  }

  private static boolean validClusterId(String id) {
    return !id.isEmpty()
        && id.length() <= 128
        && CLUSTER_ID.matcher(id).matches()
        && !RESERVED_CLUSTER_IDS.contains(id);
  }

  private static boolean isUnspecifiedIp(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (!h.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
      return false; // a host name: no lookup, as Go's net.ParseIP does none
    }
    try {
      return InetAddress.getByName(h).isAnyLocalAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void verifyPdEndpoint(String endpoint, boolean pemTls, boolean fakeTls) {
    String scheme;
    String authority;
    try {
      URI uri = new URI(endpoint);
      scheme = uri.getScheme() == null ? "" : uri.getScheme();
      authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "[CDC:ErrInvalidServerOption]parse PD endpoint: " + e.getMessage());
    }
    if (!(scheme.equals("http") || scheme.equals("https")) || authority.isEmpty()) {
      throw new IllegalArgumentException(
          "[CDC:ErrInvalidServerOption]PD endpoint should be a valid http or https URL");
    }
    if (pemTls && scheme.equals("http")) {
      throw new IllegalArgumentException(
          "[CDC:ErrInvalidServerOption]PD endpoint scheme should be https");
    }
    if (!pemTls && !fakeTls && scheme.equals("https")) {
      throw new IllegalArgumentException(
          "[CDC:ErrInvalidServerOption]PD endpoint scheme is https, please provide certificate");
    }
  }

  /** tiflow pkg/util/tz.go GetTimezone: System, Local or empty, else an IANA name. */
  private static void checkTimeZone(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.isEmpty() || lower.equals("system") || lower.equals("local")) {
      return;
    }
    if (name.equals("UTC") || ZoneId.getAvailableZoneIds().contains(name)) {
      return;
    }
    throw new IllegalArgumentException(
        "can not load timezone, Please specify the time zone through environment variable `TZ`"
            + " or command line parameters `--tz`: [CDC:ErrLoadTimezone]unknown time zone "
            + name);
  }

  private static void goDuration(String text, String flag) {
    if (!text.matches("([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+|0")) {
      throw new IllegalArgumentException(
          "invalid argument \"" + text + "\" for \"" + flag + "\" flag: time: invalid duration");
    }
  }

  private static void users(String flag, String list, Map<String, String> into) {
    for (String pair : list.split(",")) {
      int colon = pair.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            flag + " wants USER:PASSWORD[,USER:PASSWORD...], got '" + pair + "'");
      }
      into.put(pair.substring(0, colon), pair.substring(colon + 1));
    }
  }

  private static String booleanText(String flag, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "t" -> "true";
      case "false", "0", "f" -> "false";
      default ->
          throw new IllegalArgumentException(
              "invalid argument \"" + value + "\" for \"" + flag + "\" flag: want true or false");
    };
  }

  private static String next(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }

  private static int parseInt(String text, String what, int min, int max) {
    try {
      int value = Integer.parseInt(text);
      if (value < min || value > max) {
        throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", got " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a number, got '" + text + "'");
    }
  }
}
