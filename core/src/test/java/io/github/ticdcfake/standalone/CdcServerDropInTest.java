package io.github.ticdcfake.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.Capture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fake started with {@code cdc server}'s flags answers with what they configure. */
class CdcServerDropInTest {
  private static FakeTiCdcServer start(String... args) {
    return Options.parse(args).builder().start();
  }

  @Test
  void capturesReportTheAdvertiseAddressAndClusterId() {
    try (FakeTiCdcServer server =
        start(
            "server",
            "--addr",
            "127.0.0.1:0",
            "--captures",
            "2",
            "--advertise-addr",
            "cdc.example:8300",
            "--cluster-id",
            "c1")) {
      TestHttp http = TestHttp.pooled(server.url());

      JsonNode captures = http.get("/api/v2/captures").json().get("items");
      List<String> addresses = new ArrayList<>();
      captures.forEach(c -> addresses.add(c.get("address").asText()));

      assertThat(addresses).containsExactlyInAnyOrder("cdc.example:8300", "cdc.example:8301");
      captures.forEach(c -> assertThat(c.get("cluster_id").asText()).isEqualTo("c1"));
      assertThat(http.get("/api/v2/status").json().get("cluster_id").asText()).isEqualTo("c1");
      assertThat(server.url().getHost())
          .as("URLs use the listening address")
          .isEqualTo("127.0.0.1");
    }
  }

  @Test
  void aKilledCaptureComesBackOnItsPortBehindItsAdvertisedAddress() {
    try (FakeTiCdcServer server =
        start("--addr", "127.0.0.1:0", "--captures", "2", "--advertise-addr", "cdc:9000")) {
      Capture second = server.cluster().captures().get(1);
      int port = server.url(second.id()).getPort();

      server.cluster().killCapture(second.id());
      server.reset();

      assertThat(server.url(second.id()).getPort()).isEqualTo(port);
      assertThat(server.cluster().capture(second.id()).orElseThrow().address())
          .isEqualTo("cdc:9001");
      assertThat(TestHttp.pooled(server.url(second.id())).get("/api/v2/status").status())
          .isEqualTo(200);
    }
  }

  @Test
  void pdAddrsMustNameTheConfiguredPd() {
    try (FakeTiCdcServer server =
        start("--addr", "127.0.0.1:0", "--pd", "http://10.0.0.1:2379,http://10.0.0.2:2379")) {
      TestHttp http = TestHttp.pooled(server.url());

      Reply configured =
          http.post(
              "/api/v2/changefeeds",
              "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\","
                  + "\"pd_addrs\":[\"http://10.0.0.2:2379\"]}");
      Reply theOldDefault =
          http.post(
              "/api/v2/changefeeds",
              "{\"changefeed_id\":\"cf2\",\"sink_uri\":\"blackhole://\","
                  + "\"pd_addrs\":[\"http://127.0.0.1:2379\"]}");

      assertThat(configured.status()).as(configured.body()).isEqualTo(200);
      assertThat(theOldDefault.status()).isEqualTo(500);
      assertThat(theOldDefault.json().get("error_code").asText())
          .isEqualTo("CDC:ErrAPIGetPDClientFailed");
      assertThat(server.cluster().pdEndpoints())
          .containsExactly("http://10.0.0.1:2379", "http://10.0.0.2:2379");
    }
  }

  @Test
  void upstreamUsersAnswerForTheAllowedUsersOfAConfigFile(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path toml = dir.resolve("server.toml");
    java.nio.file.Files.writeString(
        toml,
        "[security]\nclient-user-required = true\nclient-allowed-user = [\"ticdc\", \"ghost\"]\n");
    try (FakeTiCdcServer server =
        start(
            "--addr",
            "127.0.0.1:0",
            "--config",
            toml.toString(),
            "--upstream-user",
            "ticdc:ticdc_secret,root:")) {
      TestHttp http = TestHttp.pooled(server.url());
      String body = "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}";

      Reply right =
          http.send(
              "POST", "/api/v2/changefeeds", body, "Authorization", basic("ticdc", "ticdc_secret"));
      Reply wrong =
          http.send("POST", "/api/v2/changefeeds", body, "Authorization", basic("ticdc", "nope"));
      Reply unknownUpstream =
          http.send("POST", "/api/v2/changefeeds", body, "Authorization", basic("ghost", "x"));
      Reply notAllowed =
          http.send("POST", "/api/v2/changefeeds", body, "Authorization", basic("root", ""));

      assertThat(right.status()).as(right.body()).isEqualTo(200);
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.json().get("error_msg").asText())
          .startsWith("[CDC:ErrUnauthorized]user ticdc unauthorized, error: Error 1045 (28000)");
      assertThat(unknownUpstream.json().get("error_msg").asText())
          .startsWith("[CDC:ErrUnauthorized]user ghost unauthorized, error: Error 1045 (28000)");
      assertThat(notAllowed.json().get("error_msg").asText())
          .isEqualTo(
              "[CDC:ErrUnauthorized]user root unauthorized, error: The user is not allowed.");
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
