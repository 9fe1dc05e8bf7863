package io.github.ticdcfake.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.cluster.TiCdcVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone command line: the fake's options and {@code cdc server}'s flags. */
class OptionsTest {
  @Test
  void defaultsToOneCaptureOnLoopback8300() {
    Options options = Options.parse(new String[0]);

    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.port()).isEqualTo(8300);
    assertThat(options.captures()).isEqualTo(1);
    assertThat(options.version()).isEqualTo(TiCdcVersion.latest());
  }

  @Test
  void parsesAddrCapturesAndVersionInBothForms() {
    Options options =
        Options.parse(new String[] {"--addr", "0.0.0.0:0", "--captures=3", "--version", "v8.5.0"});

    assertThat(options.host()).isEqualTo("0.0.0.0");
    assertThat(options.port()).isZero();
    assertThat(options.captures()).isEqualTo(3);
  }

  @Test
  void rejectsUnknownOptionsAndBadValues() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--nope"}))
        .hasMessage("unknown option '--nope'");
    assertThatThrownBy(() -> Options.parse(new String[] {"--captures", "0"}))
        .hasMessage("--captures must be 1..1000, got 0");
    assertThatThrownBy(() -> Options.parse(new String[] {"--addr", "nohost"}))
        .hasMessage("--addr wants HOST:PORT, got 'nohost'");
    assertThatThrownBy(() -> Options.parse(new String[] {"--version", "v1.0"}))
        .hasMessageStartingWith("unsupported TiCDC version 'v1.0'; supported: v7.3.0, v8.5.4");
  }

  @Test
  void tlsAndClientAuthOptions() {
    Options options =
        Options.parse(new String[] {"--tls", "--client-auth", "ops:pw,ci:other:colon"});

    assertThat(options.tls()).isTrue();
    assertThat(options.clientAllowedUsers()).containsExactlyInAnyOrder("ops", "ci");
    assertThat(options.upstreamUsers())
        .containsEntry("ops", "pw")
        .containsEntry("ci", "other:colon");
    assertThat(Options.parse(new String[] {"--tls-cert-out", "/tmp/ca.pem"}).tls()).isTrue();
    assertThatThrownBy(() -> Options.parse(new String[] {"--tls-keystore", "k.p12"}))
        .hasMessage("--tls-keystore needs --tls-keystore-password");
    assertThatThrownBy(() -> Options.parse(new String[] {"--client-auth", "nopassword"}))
        .hasMessageStartingWith("--client-auth wants USER:PASSWORD");
  }

  @Test
  void misuseExitsWith2AndHelpWith0() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

    assertThat(Main.run(new String[] {"--bogus"}, o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--bogus'");
    assertThat(Main.run(new String[] {"--help"}, o, e)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--captures N");
  }

  // ---- cdc server's command line (tiflow pkg/cmd/server/server.go) ----------------------------

  private static Options parse(String... args) {
    return Options.parse(args);
  }

  @Test
  void acceptsALeadingServerWordAndBothFlagSyntaxes() {
    Options spaced =
        parse(
            "server",
            "--addr",
            "127.0.0.1:0",
            "--advertise-addr",
            "cdc-1.example:8300",
            "--pd",
            "http://10.0.0.1:2379,http://10.0.0.2:2379",
            "--cluster-id",
            "c1",
            "--tz",
            "Asia/Shanghai",
            "--log-level",
            "debug",
            "--gc-ttl",
            "3600");
    Options joined =
        parse(
            "server",
            "--addr=127.0.0.1:0",
            "--advertise-addr=cdc-1.example:8300",
            "--pd=http://10.0.0.1:2379,http://10.0.0.2:2379",
            "--cluster-id=c1",
            "--tz=Asia/Shanghai",
            "--log-level=debug",
            "--gc-ttl=3600");

    for (Options options : List.of(spaced, joined)) {
      assertThat(options.port()).isZero();
      assertThat(options.advertiseAddress()).isEqualTo("cdc-1.example:8300");
      assertThat(options.pdEndpoints())
          .containsExactly("http://10.0.0.1:2379", "http://10.0.0.2:2379");
      assertThat(options.clusterId()).isEqualTo("c1");
      assertThat(options.timeZone()).isEqualTo("Asia/Shanghai");
      assertThat(options.logLevel()).isEqualTo("debug");
      assertThat(options.gcTtlSeconds()).isEqualTo(3600);
    }
  }

  @Test
  void cdcDefaults() {
    Options options = parse("server");

    assertThat(options.pdEndpoints()).containsExactly("http://127.0.0.1:2379");
    assertThat(options.clusterId()).isEqualTo("default");
    assertThat(options.advertiseAddress()).isNull();
    assertThat(options.timeZone()).isEqualTo("System");
    assertThat(options.logLevel()).isEqualTo("info");
    assertThat(options.gcTtlSeconds()).isEqualTo(86400);
    assertThat(options.pemTls()).isNull();
    assertThat(options.clientAllowedUsers()).isEmpty();
  }

  @Test
  void filesFlagsAreAcceptedAndIgnored() {
    Options options =
        parse(
            "--log-file",
            "/var/log/cdc.log",
            "--data-dir=/data/cdc",
            "--owner-flush-interval",
            "50ms",
            "--processor-flush-interval=100ms");

    assertThat(options.warnings()).isEmpty();
    assertThat(parse("--sort-dir", "/data/sort").warnings())
        .containsExactly(
            "--sort-dir is deprecated in server settings. sort-dir will be set to"
                + " `{data-dir}/tmp/sorter`. The sort-dir here will be no-op");
  }

  @Test
  void pemTlsFlagsAndAllowedCns() {
    Options options =
        parse(
            "--ca",
            "ca.pem",
            "--cert=server.pem",
            "--key",
            "server-key.pem",
            "--cert-allowed-cn",
            "client, ops",
            "--pd",
            "https://127.0.0.1:2579");

    assertThat(options.pemTls())
        .isEqualTo(
            new Options.PemTls(
                Path.of("ca.pem"),
                Path.of("server.pem"),
                Path.of("server-key.pem"),
                List.of("client", "ops"),
                false));
    assertThat(options.tls()).isTrue();
    assertThat(options.pdEndpoints()).containsExactly("https://127.0.0.1:2579");
  }

  @Test
  void partialPemTlsServesPlainHttpAndSaysSo() {
    Options options = parse("--cert", "server.pem", "--cert-allowed-cn", "client");

    assertThat(options.pemTls()).isNull();
    assertThat(options.tls()).isFalse();
    assertThat(options.warnings()).hasSize(2);
  }

  @Test
  void refusesWhatCdcServerRefuses() {
    assertThatThrownBy(() -> parse("--cluster-id", "owner"))
        .hasMessageStartingWith("[CDC:ErrInvalidServerOption]bad cluster-idplease match");
    assertThatThrownBy(() -> parse("--cluster-id=a_b"))
        .hasMessageStartingWith("[CDC:ErrInvalidServerOption]bad cluster-id");
    assertThatThrownBy(() -> parse("--pd", ""))
        .hasMessage("[CDC:ErrInvalidServerOption]empty PD address");
    assertThatThrownBy(() -> parse("--pd", "localhost:2379"))
        .hasMessage("[CDC:ErrInvalidServerOption]PD endpoint should be a valid http or https URL");
    assertThatThrownBy(() -> parse("--pd", "127.0.0.1:2379"))
        .hasMessageStartingWith("[CDC:ErrInvalidServerOption]parse PD endpoint: ");
    assertThatThrownBy(() -> parse("--pd", "https://127.0.0.1:2579"))
        .hasMessage(
            "[CDC:ErrInvalidServerOption]PD endpoint scheme is https, please provide certificate");
    assertThatThrownBy(() -> parse("--ca", "a", "--cert", "b", "--key", "c"))
        .as("TLS with the default http PD")
        .hasMessage("[CDC:ErrInvalidServerOption]PD endpoint scheme should be https");
    assertThatThrownBy(() -> parse("--advertise-addr", "0.0.0.0:8300"))
        .hasMessage(
            "[CDC:ErrInvalidServerOption]advertise address must be specified as a valid IP");
    assertThatThrownBy(() -> parse("--advertise-addr", "cdc-1"))
        .hasMessage(
            "[CDC:ErrInvalidServerOption]advertise address or address does not contain a port");
    assertThatThrownBy(() -> parse("--gc-ttl", "0"))
        .hasMessage("[CDC:ErrInvalidServerOption]empty GC TTL is not allowed");
    assertThatThrownBy(() -> parse("--gc-ttl=day"))
        .hasMessage("invalid argument \"day\" for \"--gc-ttl\" flag: must be an integer");
    assertThatThrownBy(() -> parse("--tz", "Mars/Olympus"))
        .hasMessage(
            "can not load timezone, Please specify the time zone through environment variable"
                + " `TZ` or command line parameters `--tz`: [CDC:ErrLoadTimezone]unknown time"
                + " zone Mars/Olympus");
    assertThatThrownBy(() -> parse("--log-level", "loud"))
        .hasMessageStartingWith("--log-level wants debug, info");
    assertThatThrownBy(() -> parse("--owner-flush-interval", "soon"))
        .hasMessageContaining("time: invalid duration");
  }

  @Test
  void fakeTlsCountsAsACertificateForHttpsPd() {
    assertThat(parse("--tls", "--pd", "https://127.0.0.1:2579").pdEndpoints())
        .containsExactly("https://127.0.0.1:2579");
    assertThat(parse("--tls").pdEndpoints()).containsExactly("http://127.0.0.1:2379");
    assertThatThrownBy(
            () -> parse("--tls", "--ca", "a", "--cert", "b", "--key", "c", "--pd", "https://h:1"))
        .hasMessageStartingWith("--ca/--cert/--key");
  }

  @Test
  void reportsMisuseClearly() {
    assertThatThrownBy(() -> parse("--addr")).hasMessage("--addr needs a value");
    assertThatThrownBy(() -> parse("--tls=maybe"))
        .hasMessage("invalid argument \"maybe\" for \"--tls\" flag: want true or false");
    assertThatThrownBy(() -> parse("--cluster-id", "c1", "extra"))
        .hasMessage("unexpected argument 'extra' (flags start with --)");
    assertThatThrownBy(() -> parse("--addr", "127.0.0.1:0", "server"))
        .as("server is only a leading word")
        .hasMessageStartingWith("unexpected argument 'server'");
    assertThatThrownBy(() -> parse("--pd-addr", "x")).hasMessage("unknown option '--pd-addr'");
    assertThat(parse("--tls=false").tls()).isFalse();
    assertThat(parse("-h").help()).isTrue();
  }

  @Test
  void upstreamUsersAreNotAllowedUsersByThemselves() {
    Options options = parse("--upstream-user", "ticdc:ticdc_secret");

    assertThat(options.upstreamUsers()).containsEntry("ticdc", "ticdc_secret");
    assertThat(options.clientAllowedUsers()).isEmpty();
  }

  // ---- --config: TiCDC's server TOML ----------------------------------------------------------

  @Test
  void configFileSetsWhatFlagsDoNot(@TempDir Path dir) throws Exception {
    Path toml = dir.resolve("server.toml");
    Files.writeString(
        toml,
        """
        addr = "127.0.0.1:0"
        advertise-addr = "cdc-0:8300"
        cluster-id = "from-file"
        tz = "UTC"
        log-level = "warn"
        gc-ttl = 600
        data-dir = "/data"
        capture-session-ttl = 10

        [log.file]
        max-size = 300

        [sorter]
        sort-dir = "/tmp/sorter"

        [security]
        ca-path = "ca.pem"
        cert-path = "server.pem"
        key-path = "server-key.pem"
        cert-allowed-cn = ["fake_cn"]
        client-user-required = true
        client-allowed-user = ["ticdc"]

        [debug]
        whatever = 1

        [newarch]
        anything = true
        """);

    Options fromFile = parse("--config", toml.toString(), "--pd", "https://127.0.0.1:2579");
    Options overridden =
        parse(
            "server",
            "--config=" + toml,
            "--pd",
            "https://127.0.0.1:2579",
            "--addr",
            "127.0.0.1:8400",
            "--cluster-id",
            "c1",
            "--cert-allowed-cn",
            "client",
            "--upstream-user",
            "ticdc:ticdc_secret");

    assertThat(fromFile.port()).isZero();
    assertThat(fromFile.advertiseAddress()).isEqualTo("cdc-0:8300");
    assertThat(fromFile.clusterId()).isEqualTo("from-file");
    assertThat(fromFile.timeZone()).isEqualTo("UTC");
    assertThat(fromFile.logLevel()).isEqualTo("warn");
    assertThat(fromFile.gcTtlSeconds()).isEqualTo(600);
    assertThat(fromFile.pemTls().allowedCns()).containsExactly("fake_cn");
    assertThat(fromFile.pemTls().ca()).isEqualTo(Path.of("ca.pem"));
    assertThat(fromFile.clientAllowedUsers()).containsExactly("ticdc");

    assertThat(overridden.port()).isEqualTo(8400);
    assertThat(overridden.clusterId()).isEqualTo("c1");
    assertThat(overridden.pemTls().allowedCns()).containsExactly("client");
    assertThat(overridden.upstreamUsers()).containsEntry("ticdc", "ticdc_secret");
  }

  @Test
  void configFileIsReadStrictlyLikeCdc(@TempDir Path dir) throws Exception {
    Path unknown = dir.resolve("unknown.toml");
    Files.writeString(unknown, "addr = \"127.0.0.1:0\"\nlisten = 1\n[security]\nssl = true\n");
    Path badType = dir.resolve("bad-type.toml");
    Files.writeString(badType, "gc-ttl = \"1h\"\n");
    Path noUsers = dir.resolve("no-users.toml");
    Files.writeString(noUsers, "[security]\nclient-user-required = true\n");
    Path broken = dir.resolve("broken.toml");
    Files.writeString(broken, "addr = \n");

    assertThatThrownBy(() -> parse("--config", unknown.toString()))
        .hasMessage(
            "component TiCDC server's config file "
                + unknown
                + " contained unknown configuration options: listen, security.ssl");
    assertThatThrownBy(() -> parse("--config", badType.toString()))
        .hasMessageEndingWith(
            "(last key \"gc-ttl\"): incompatible types: TOML value has type string; destination"
                + " has type integer");
    Path noTls = dir.resolve("no-tls.toml");
    Files.writeString(
        noTls, "[security]\nclient-user-required = true\nclient-allowed-user = [\"ticdc\"]\n");
    assertThat(parse("--config", noTls.toString()).warnings())
        .containsExactly(
            "client-allowed-user is true, but tls is not enabled.It's highly recommended to"
                + " enable TLS to secure the communication");
    assertThatThrownBy(() -> parse("--config", noUsers.toString()))
        .hasMessage(
            "[CDC:ErrInvalidServerOption]client-allowed-user should not be empty when"
                + " client-user-required is true");
    assertThatThrownBy(() -> parse("--config", broken.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("config file " + broken + ": ");
    assertThatThrownBy(() -> parse("--config", dir.resolve("missing.toml").toString()))
        .isInstanceOf(java.io.UncheckedIOException.class);
  }

  @Test
  void helpNamesEveryCdcServerFlag() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);

    assertThat(Main.run(new String[] {"server", "--help"}, o, o)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "--addr",
            "--advertise-addr",
            "--pd",
            "--cluster-id",
            "--tz",
            "--log-level",
            "--gc-ttl",
            "--ca",
            "--cert",
            "--key",
            "--cert-allowed-cn",
            "--config",
            "--log-file",
            "--data-dir",
            "--sort-dir",
            "accepted and ignored");
  }
}
