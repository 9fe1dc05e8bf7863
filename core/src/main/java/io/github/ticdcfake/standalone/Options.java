package io.github.ticdcfake.standalone;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.FakeTls;
import io.github.ticdcfake.cluster.SinkProbe;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The standalone runner's command line (architecture.md, "The standalone runner"). */
record Options(
    String host,
    int port,
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
    Map<String, String> clientUsers) {

  static Options parse(String[] args) {
    String host = "127.0.0.1";
    int port = 8300;
    int captures = 1;
    TiCdcVersion version = TiCdcVersion.latest();
    SinkProbe sinkProbe = SinkProbe.none();
    boolean help = false;
    Path scenario = null;
    boolean admin = true;
    String adminToken = null;
    boolean tls = false;
    Path tlsCertOut = null;
    Path tlsKeystore = null;
    String tlsKeystorePassword = null;
    Map<String, String> clientUsers = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        value = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--addr" -> {
          String addr = value != null ? value : next(args, ++i, arg);
          int colon = addr.lastIndexOf(':');
          if (colon <= 0) {
            throw new IllegalArgumentException("--addr wants HOST:PORT, got '" + addr + "'");
          }
          host = addr.substring(0, colon);
          if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
          }
          port = parseInt(addr.substring(colon + 1), "--addr port", 0, 65535);
        }
        case "--captures" ->
            captures = parseInt(value != null ? value : next(args, ++i, arg), arg, 1, 1000);
        case "--version" -> {
          String text = value != null ? value : next(args, ++i, arg);
          version = TiCdcVersion.parse(text);
        }
        case "--sink-probe" -> {
          String mode = value != null ? value : next(args, ++i, arg);
          sinkProbe =
              switch (mode) {
                case "none" -> SinkProbe.none();
                case "tcp" -> SinkProbe.tcp();
                default ->
                    throw new IllegalArgumentException(
                        "--sink-probe wants none or tcp, got '" + mode + "'");
              };
        }
        case "--scenario" -> scenario = Path.of(value != null ? value : next(args, ++i, arg));
        case "--admin" -> {
          String mode = value != null ? value : next(args, ++i, arg);
          if (mode.equals("on")) {
            admin = true;
          } else if (mode.equals("off")) {
            admin = false;
          } else if (mode.startsWith("token:") && mode.length() > "token:".length()) {
            admin = true;
            adminToken = mode.substring("token:".length());
          } else {
            throw new IllegalArgumentException(
                "--admin wants on, off or token:SECRET, got '" + mode + "'");
          }
        }
        case "--tls" -> tls = true;
        case "--tls-cert-out" -> tlsCertOut = Path.of(value != null ? value : next(args, ++i, arg));
        case "--tls-keystore" ->
            tlsKeystore = Path.of(value != null ? value : next(args, ++i, arg));
        case "--tls-keystore-password" ->
            tlsKeystorePassword = value != null ? value : next(args, ++i, arg);
        case "--client-auth" -> {
          String list = value != null ? value : next(args, ++i, arg);
          for (String pair : list.split(",")) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
              throw new IllegalArgumentException(
                  "--client-auth wants USER:PASSWORD[,USER:PASSWORD...], got '" + pair + "'");
            }
            clientUsers.put(pair.substring(0, colon), pair.substring(colon + 1));
          }
        }
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
      }
    }
    if (port != 0 && port + captures - 1 > 65535) {
      throw new IllegalArgumentException(
          "ports " + port + ".." + (port + captures - 1) + " do not fit");
    }
    if (tlsKeystore != null && tlsKeystorePassword == null) {
      throw new IllegalArgumentException("--tls-keystore needs --tls-keystore-password");
    }
    if (tlsCertOut != null && tlsKeystore != null) {
      throw new IllegalArgumentException(
          "--tls-cert-out writes the generated certificate; it cannot be used with --tls-keystore");
    }
    return new Options(
        host,
        port,
        captures,
        version,
        sinkProbe,
        help,
        scenario,
        admin,
        adminToken,
        tls || tlsCertOut != null || tlsKeystore != null,
        tlsCertOut,
        tlsKeystore,
        tlsKeystorePassword,
        Map.copyOf(clientUsers));
  }

  /** The server builder; a scenario's captures and version win over the flags. */
  FakeTiCdcServer.Builder builder() {
    FakeTiCdcServer.Builder builder =
        FakeTiCdcServer.builder()
            .host(host)
            .port(port)
            .captures(captures)
            .version(version)
            .sinkProbe(sinkProbe)
            .adminApi(admin);
    if (adminToken != null) {
      builder.adminToken(adminToken);
    }
    if (scenario != null) {
      builder.scenario(scenario);
    }
    if (!clientUsers.isEmpty()) {
      builder.clientUsers(clientUsers);
    }
    if (tls) {
      builder.tls(
          tlsKeystore != null
              ? FakeTls.fromKeyStore(tlsKeystore, tlsKeystorePassword.toCharArray())
              : FakeTls.selfSigned());
    }
    return builder;
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
