package io.github.ticdcfake.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.OpensslPki;
import io.github.ticdcfake.TestHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone jar as a newcomer runs it: ready lines, real answers, clean SIGTERM. */
class StandaloneJarIT {
  private static final Pattern READY =
      Pattern.compile("ticdc-fake capture (\\S+) listening on (http://\\S+)");
  private static final Pattern READY_ANY =
      Pattern.compile("ticdc-fake capture (\\S+) listening on (https?://\\S+)");

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

  @Test
  void startsLikeCdcServerWithTlsConfigAndUserAuth(@TempDir Path dir) throws Exception {
    // As tiflow tests/integration_tests/http_api_tls_with_user_auth/run.sh starts cdc server.
    OpensslPki pki = OpensslPki.create(dir);
    Path toml = dir.resolve("server.toml");
    Files.writeString(
        toml,
        "  [security]\n"
            + "   ca-path = \""
            + pki.file("ca.pem")
            + "\"\n   cert-path = \""
            + pki.file("server.pem")
            + "\"\n   key-path = \""
            + pki.file("server-key.pem")
            + "\"\n   cert-allowed-cn = [\"fake_cn\"]\n"
            + "   client-user-required = true\n"
            + "   client-allowed-user=[\"ticdc\"]\n  \n");
    Path jar = Path.of(System.getProperty("standalone.jar"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-jar",
                jar.toString(),
                "server",
                "--log-file",
                dir.resolve("cdc.log").toString(),
                "--log-level",
                "debug",
                "--data-dir",
                dir.resolve("data").toString(),
                "--cluster-id",
                "c1",
                "--config",
                toml.toString(),
                "--cert-allowed-cn",
                "client",
                "--addr",
                "127.0.0.1:0",
                "--pd",
                "https://127.0.0.1:2579",
                "--upstream-user",
                "ticdc:ticdc_secret")
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      URI url = null;
      StringBuilder seen = new StringBuilder();
      String line;
      while (url == null && (line = out.readLine()) != null) {
        seen.append(line).append('\n');
        Matcher m = READY_ANY.matcher(line);
        if (m.find()) {
          url = URI.create(m.group(2));
        }
      }
      assertThat(url).as(seen.toString()).isNotNull();
      assertThat(url.getScheme()).isEqualTo("https");
      HttpClient client = client(pki.client("client"));
      String auth =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("ticdc:ticdc_secret".getBytes(StandardCharsets.UTF_8));

      HttpResponse<String> captures = send(client, "GET", url, "/api/v2/captures", null, null);
      HttpResponse<String> tso =
          send(
              client,
              "POST",
              url,
              "/api/v2/tso",
              "{\"pd_addrs\":[\"https://127.0.0.1:2579\"]}",
              null);
      String create =
          "{\"changefeed_id\":\"changefeed-test1\",\"sink_uri\":\"blackhole://\","
              + "\"pd_addrs\":[\"https://127.0.0.1:2579\"]}";
      HttpResponse<String> anonymous =
          send(client, "POST", url, "/api/v2/changefeeds", create, null);
      HttpResponse<String> created = send(client, "POST", url, "/api/v2/changefeeds", create, auth);

      assertThat(captures.statusCode()).isEqualTo(200);
      assertThat(captures.body()).contains("\"cluster_id\":\"c1\"");
      assertThat(tso.statusCode()).as(tso.body()).isEqualTo(200);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.body()).contains("CDC:ErrCredentialNotFound");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      URI base = url;
      assertThatThrownBy(
              () -> send(client(pki.client(null)), "GET", base, "/api/v2/status", null, null))
          .as("no client certificate: refused at the handshake")
          .isInstanceOf(IOException.class);

      process.destroy();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void badCdcServerFlagsExitWith2(@TempDir Path dir) throws Exception {
    Path jar = Path.of(System.getProperty("standalone.jar"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(), "-jar", jar.toString(), "server", "--pd", "https://127.0.0.1:2579")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("PD endpoint scheme is https, please provide certificate");
  }

  private static HttpClient client(SSLContext ssl) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(ssl)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static HttpResponse<String> send(
      HttpClient client, String method, URI base, String path, String body, String auth)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
