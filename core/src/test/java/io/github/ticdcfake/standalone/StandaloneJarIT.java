package io.github.ticdcfake.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.TestHttp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The standalone jar as a newcomer runs it: ready lines, real answers, clean SIGTERM. */
class StandaloneJarIT {
  private static final Pattern READY =
      Pattern.compile("ticdc-fake capture (\\S+) listening on (http://\\S+)");

  @Test
  void startsCapturesPrintsReadyLinesAndStopsOnSigterm() throws Exception {
    Path jar = Path.of(System.getProperty("standalone.jar"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(), "-jar", jar.toString(), "--addr", "127.0.0.1:0", "--captures", "2")
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      List<URI> urls = new ArrayList<>();
      String line;
      while (urls.size() < 2 && (line = out.readLine()) != null) {
        Matcher m = READY.matcher(line);
        if (m.find()) {
          urls.add(URI.create(m.group(2)));
        }
      }
      assertThat(urls).hasSize(2);

      TestHttp follower = TestHttp.pooled(urls.get(1));
      assertThat(follower.get("/api/v2/status").json().get("is_owner").asBoolean()).isFalse();
      assertThat(follower.get("/api/v2/captures").json().get("total").asInt()).isEqualTo(2);
      assertThat(
              follower
                  .post(
                      "/api/v2/changefeeds",
                      "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}")
                  .status())
          .isEqualTo(200);

      process.destroy(); // SIGTERM
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void unknownOptionExitsWith2AndSaysWhy() throws Exception {
    Path jar = Path.of(System.getProperty("standalone.jar"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--bogus")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("unknown option '--bogus'");
  }
}
