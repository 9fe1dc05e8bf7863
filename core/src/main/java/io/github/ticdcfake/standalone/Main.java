package io.github.ticdcfake.standalone;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone runner: {@code java -jar ticdc-fake-core-<version>-standalone.jar [options]}
 * serves a fake cluster until SIGINT/SIGTERM, so tests in any language can use it.
 */
public final class Main {
  static final String USAGE =
      """
      Usage: java -jar ticdc-fake-core-<version>-standalone.jar [server] [options]
      Options take a value as "--flag value" or "--flag=value". The optional leading "server"
      word and the cdc server flags below let a script that starts "cdc server" start the fake.

      cdc server flags (tiflow pkg/cmd/server/server.go):
        --addr HOST:PORT     first capture's address (default 127.0.0.1:8300; port 0 = ephemeral);
                             capture i listens on PORT+i
        --advertise-addr HOST:PORT
                             the address captures report (capture i: PORT+i); default: --addr
        --pd URL[,URL...]    the upstream PD's endpoints; pd_addrs in request bodies must name one
                             (default http://127.0.0.1:2379; https needs TLS, like cdc)
        --cluster-id ID      TiCDC cluster id reported in status and captures (default "default")
        --ca FILE --cert FILE --key FILE
                             serve https only, with these PEM files (keys: PKCS#8, PKCS#1 RSA or
                             EC, unencrypted); client certificates are verified against --ca
        --cert-allowed-cn CN[,CN...]
                             with --ca/--cert/--key: require a client certificate from the CA
                             with one of these CNs (the server's own CN is allowed too); others
                             fail the TLS handshake
        --config FILE        TiCDC's server TOML: addr, advertise-addr, cluster-id, tz, log-level,
                             gc-ttl and [security] ca-path, cert-path, key-path, cert-allowed-cn,
                             mtls, client-user-required, client-allowed-user; other known keys are
                             ignored, unknown keys fail; flags win over the file
        --tz ZONE            checked like cdc (System, Local or an IANA name); it is the sinks'
                             zone in TiCDC, which the fake does not model. Local times in
                             responses use the process's zone, as TiCDC's do: set TZ=ZONE
        --log-level LEVEL    debug | info (default) | warn | error | dpanic | panic | fatal
        --gc-ttl SECONDS     checked like cdc (not 0; default 86400), otherwise unused
        --log-file FILE, --data-dir DIR, --sort-dir DIR
                             accepted and ignored: the fake writes no files

      Fake options:
        --captures N         number of captures (default 1)
        --version VERSION    TiCDC version to mimic: v8.5 (default, %s) or v7.3
        --newarch, -x        the new architecture as released in v26.3.4 (also TICDC_NEWARCH=true
                             or newarch = true in --config); not with --version v7.3
        --scenario FILE      JSON file that seeds the cluster (captures, version, pd_endpoints,
                             cluster_id, time_zone, advertise_addr, upstream tables and users,
                             changefeeds, faults); POST /__fake/reset goes back to it; its
                             settings win over the flags
        --sink-probe MODE    none (default) | tcp: really connect to mysql/tidb/kafka/pulsar sink
                             hosts at create/update and fail like TiCDC when nothing listens
        --admin MODE         on (default) | off | token:SECRET: the /__fake admin API on every
                             capture's port (token: requires "Authorization: Bearer SECRET")
        --tls                serve https with a self-signed certificate generated at start
        --tls-cert-out FILE  with --tls: write that certificate's CA as PEM for clients to trust
        --tls-keystore FILE --tls-keystore-password PW
                             serve https with this PKCS12 key store
        --client-auth USER:PASSWORD[,USER:PASSWORD...]
                             require HTTP Basic on the routes TiCDC protects (v8.x) from these
                             users, who exist in the fake upstream TiDB with these passwords
        --upstream-user USER:PASSWORD[,USER:PASSWORD...]
                             users of the fake upstream TiDB, for client-allowed-user of --config
        --help               print this help
      """;

  private Main() {}

  public static void main(String[] args) {
    System.setProperty("org.jboss.logging.provider", "slf4j");
    // Undertow and XNIO announce their versions at INFO; the ready lines are what users need.
    for (String noisy :
        new String[] {"org.xnio", "org.jboss.threads", "org.jboss.logging", "io.undertow"}) {
      System.setProperty("org.slf4j.simpleLogger.log." + noisy, "warn");
    }
    String level = logLevel(args);
    if (level != null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    }
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The slf4j-simple level for {@code --log-level}, or {@code null}; misuse is reported by run. */
  private static String logLevel(String[] args) {
    try {
      return switch (Options.parse(args).logLevel()) {
        case "debug" -> "debug";
        case "info" -> "info";
        case "warn" -> "warn";
        default -> "error";
      };
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Parses, starts and blocks until the JVM is asked to stop; returns an exit code on misuse. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("ticdc-fake: " + e.getMessage());
      err.println("Try --help.");
      return 2;
    } catch (java.io.UncheckedIOException e) {
      err.println("ticdc-fake: " + e.getMessage() + ": " + e.getCause().getMessage());
      return 2;
    }
    if (options.help()) {
      out.print(String.format(USAGE, TiCdcVersion.latest().version()));
      return 0;
    }
    for (String warning : options.warnings()) {
      err.println("ticdc-fake: [WARN] " + warning);
    }
    FakeTiCdcServer server;
    try {
      server = options.builder().start();
    } catch (RuntimeException e) {
      err.println("ticdc-fake: cannot start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "ticdc-fake-shutdown"));
    if (options.tlsCertOut() != null) {
      try {
        java.nio.file.Files.writeString(
            options.tlsCertOut(), server.tls().orElseThrow().caCertificatePem());
      } catch (java.io.IOException e) {
        server.close();
        err.println("ticdc-fake: cannot write " + options.tlsCertOut() + ": " + e.getMessage());
        return 1;
      }
    }
    for (Capture capture : server.cluster().captures()) {
      out.println(
          "ticdc-fake capture " + capture.id() + " listening on " + server.url(capture.id()));
    }
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
