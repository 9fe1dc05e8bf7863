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
      Usage: java -jar ticdc-fake-core-<version>-standalone.jar [options]
        --addr HOST:PORT     first capture's address (default 127.0.0.1:8300; port 0 = ephemeral)
        --captures N         number of captures (default 1); capture i listens on PORT+i
        --version VERSION    TiCDC version to mimic: v8.5 (default, %s) or v7.3
        --scenario FILE      JSON file that seeds the cluster (captures, version, upstream
                             tables, changefeeds, faults); POST /__fake/reset goes back to it;
                             its "captures" and "version" win over --captures and --version
        --sink-probe MODE    none (default) | tcp: really connect to mysql/tidb/kafka/pulsar sink
                             hosts at create/update and fail like TiCDC when nothing listens
        --admin MODE         on (default) | off | token:SECRET: the /__fake admin API on every
                             capture's port (token: requires "Authorization: Bearer SECRET")
        --tls                serve https with a self-signed certificate generated at start
        --tls-cert-out FILE  with --tls: write that certificate's CA as PEM for clients to trust
        --tls-keystore FILE --tls-keystore-password PW
                             serve https with this PKCS12 key store
        --client-auth USER:PASSWORD[,USER:PASSWORD...]
                             require HTTP Basic on the routes TiCDC protects (v8.x)
        --help               print this help
      """;

  private Main() {}

  public static void main(String[] args) {
    System.setProperty("org.jboss.logging.provider", "slf4j");
    // Undertow and XNIO announce their versions at INFO; the ready lines are what users need.
    for (String noisy : new String[] {"org.xnio", "org.jboss.threads", "io.undertow"}) {
      System.setProperty("org.slf4j.simpleLogger.log." + noisy, "warn");
    }
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
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
    }
    if (options.help()) {
      out.print(String.format(USAGE, TiCdcVersion.latest().version()));
      return 0;
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
