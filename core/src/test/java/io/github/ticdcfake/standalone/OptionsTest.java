package io.github.ticdcfake.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.cluster.TiCdcVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The standalone command line (architecture.md, "The standalone runner"). */
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
    assertThat(options.clientUsers()).containsEntry("ops", "pw").containsEntry("ci", "other:colon");
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
}
