package io.github.ticdcfake.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The standalone jar as another language's test suite would use it: a separate process, scripted
 * over HTTP through {@code /__fake}, stopped with SIGTERM.
 */
class StandaloneJarTest {
  private static final Pattern READY =
      Pattern.compile("ticdc-fake capture (\\S+) listening on (http://\\S+)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private Process fake;
  private URI url;

  @BeforeEach
  void startTheJar() throws Exception {
    Path jar = Path.of(System.getProperty("standalone.jar", "missing.jar"));
    assumeTrue(
        Files.isRegularFile(jar),
        "standalone jar not built at "
            + jar
            + "; run the whole reactor (mvn -B verify) or build core first");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // tag::standalone-process[]
    fake =
        new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--addr", "127.0.0.1:0")
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while (url == null && (line = out.readLine()) != null) {
      Matcher ready = READY.matcher(line); // "ticdc-fake capture <id> listening on http://..."
      if (ready.find()) {
        url = URI.create(ready.group(2));
      }
    }
    // end::standalone-process[]
    assertThat(url).as("ready line of the standalone jar").isNotNull();
  }

  @AfterEach
  void stopTheJar() throws Exception {
    if (fake != null) {
      fake.destroy(); // SIGTERM: the fake stops cleanly
      assertThat(fake.waitFor(10, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    }
  }

  @Test
  void drivenOverHttpThroughTheAdminApi() throws Exception {
    ChangefeedManager manager =
        ChangefeedManager.builder(url).sleeper(duration -> {}).build(); // the code under test
    manager.create("orders", "blackhole://");

    // Script a failure the way a Python or Go test would: POST /__fake/faults.
    send(
        "POST",
        "/__fake/faults",
        "{\"route\": \"POST /api/v2/changefeeds/{changefeed_id}/pause\", \"times\": 1,"
            + " \"respond\": {\"status\": 500, \"error_code\": \"CDC:ErrOwnerNotFound\","
            + " \"error_msg\": \"owner not found\"}}");
    manager.pause("orders");

    String journal = send("GET", "/__fake/requests", null);
    assertThat(journal).contains("\"status\":500").contains("rule 1: error 500");
    assertThat(send("GET", "/__fake/state", null)).contains("\"state\": \"stopped\"");

    send("POST", "/__fake/reset", "");
    assertThat(manager.list()).isEmpty();
  }

  private String send(String method, String path, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + path))
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(200);
    return response.body();
  }
}
