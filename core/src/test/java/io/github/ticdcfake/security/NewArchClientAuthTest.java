package io.github.ticdcfake.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Client authentication in the new architecture (pingcap/ticdc {@code api/v2/api.go@v26.3.4},
 * {@code api/middleware/authenticate_middleware.go}): the protected set adds {@code …/status},
 * {@code …/synced} and {@code move_table}; every failure is a 401.
 */
class NewArchClientAuthTest {
  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder()
          .version(TiCdcVersion.V26_3_NEWARCH)
          .server(b -> b.clientUsers(Map.of("alice", "secret")))
          .build();

  private final TestHttp http = fake.http();

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @BeforeEach
  void aChangefeed() {
    Reply created =
        http.send(
            "POST",
            "/api/v2/changefeeds",
            "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}",
            "Authorization",
            basic("alice", "secret"));
    assertThat(created.status()).isEqualTo(200);
  }

  @Test
  void statusSyncedAndMoveTableNeedCredentials() {
    for (Reply reply :
        new Reply[] {
          http.get("/api/v2/changefeeds/cf/status"),
          http.get("/api/v2/changefeeds/cf/synced"),
          http.post("/api/v2/changefeeds/cf/move_table?tableID=1", null)
        }) {
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.json().get("error_msg").asText())
          .isEqualTo(
              "[CDC:ErrCredentialNotFound]credential not found: please specify the user and"
                  + " password via authorization header");
    }
  }

  @Test
  void readsAndTheInternalCountsAreOpen() {
    assertThat(http.get("/api/v2/changefeeds/cf").status()).isEqualTo(200);
    assertThat(http.get("/api/v2/changefeeds").status()).isEqualTo(200);
    assertThat(http.get("/api/v2/changefeeds/cf/tables").status()).isEqualTo(200);
    assertThat(http.get("/api/v2/changefeeds/cf/get_dispatcher_count").status()).isEqualTo(200);
  }

  @Test
  void everyFailureIsA401() {
    Reply stranger =
        http.send("GET", "/api/v2/changefeeds/cf/status", null, "Authorization", basic("bob", "x"));
    Reply wrongPassword =
        http.send(
            "GET", "/api/v2/changefeeds/cf/status", null, "Authorization", basic("alice", "nope"));

    assertThat(stranger.status()).isEqualTo(401);
    assertThat(stranger.json().get("error_msg").asText())
        .isEqualTo("[CDC:ErrUnauthorized]user bob unauthorized, error: The user is not allowed.");
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(wrongPassword.json().get("error_msg").asText())
        .startsWith(
            "[CDC:ErrUnauthorized]user alice unauthorized, error: Error 1045 (28000): Access"
                + " denied for user 'alice'@");
  }
}
