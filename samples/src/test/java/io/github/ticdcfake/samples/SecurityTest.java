package io.github.ticdcfake.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.FakeTls;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HTTPS with client certificates, and TiCDC v8's user/password authentication. */
class SecurityTest {
  @Test
  void mutualTlsWithAnAllowedCommonName() throws Exception {
    // tag::tls[]
    FakeTls tls = FakeTls.selfSigned().allowedClientCns("ops-service");
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
      HttpClient client =
          HttpClient.newBuilder()
              .sslContext(tls.clientSslContext("ops-service")) // a client cert the fake's CA signed
              .build();
      HttpResponse<String> status =
          client.send(
              HttpRequest.newBuilder(server.url().resolve("/api/v2/status")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(server.url().getScheme()).isEqualTo("https");
      assertThat(status.statusCode()).isEqualTo(200);
    }
    // end::tls[]
  }

  @Test
  void clientsWithAnotherCommonNameFailTheHandshake() {
    FakeTls tls = FakeTls.selfSigned().allowedClientCns("ops-service");
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().tls(tls).start()) {
      HttpClient intruder =
          HttpClient.newBuilder().sslContext(tls.clientSslContext("intruder")).build();

      assertThatThrownBy(
              () ->
                  intruder.send(
                      HttpRequest.newBuilder(server.url().resolve("/api/v2/status")).build(),
                      HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void userAndPasswordOnTheRoutesTiCdcProtects() throws Exception {
    // tag::client-auth[]
    try (FakeTiCdcServer server =
        FakeTiCdcServer.builder().clientUsers(Map.of("ops", "s3cret")).start()) {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest.Builder create =
          HttpRequest.newBuilder(server.url().resolve("/api/v2/changefeeds"))
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"changefeed_id\":\"orders\",\"sink_uri\":\"blackhole://\"}"));

      HttpResponse<String> anonymous =
          client.send(create.build(), HttpResponse.BodyHandlers.ofString());
      String basic =
          Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> authorized =
          client.send(
              create.header("Authorization", "Basic " + basic).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(anonymous.statusCode()).isEqualTo(401); // CDC:ErrCredentialNotFound
      assertThat(authorized.statusCode()).isEqualTo(200);
    }
    // end::client-auth[]
  }
}
