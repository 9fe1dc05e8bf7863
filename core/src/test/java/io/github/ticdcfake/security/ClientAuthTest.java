package io.github.ticdcfake.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TiCDC's client authentication on exactly the routes it protects (pingcap/tiflow
 * cdc/api/middleware/middleware.go AuthenticateMiddleware).
 */
class ClientAuthTest {
  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder()
          .captures(2)
          .server(server -> server.clientUsers(Map.of("ops", "s3cret")))
          .build();

  private final FakeTiCdcServer server = fake.server();
  private final TestHttp owner = fake.http(fake.captures().get(0).id());
  private final TestHttp follower = fake.http(fake.captures().get(1).id());

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static Reply create(TestHttp http, String... headers) {
    return http.send(
        "POST",
        "/api/v2/changefeeds",
        "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}",
        headers);
  }

  private static void assertUnauthorized(Reply reply, String code, String message) {
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).isNull();
    assertThat(reply.body())
        .isEqualTo(
            "{\n    \"error_msg\": \"" + message + "\",\n    \"error_code\": \"" + code + "\"\n}");
  }

  @Test
  void protectedRouteWithoutCredentialsAnswers401CredentialNotFound() {
    assertUnauthorized(
        create(owner),
        "CDC:ErrCredentialNotFound",
        "[CDC:ErrCredentialNotFound]credential not found: please specify the user and password via"
            + " authorization header");
    assertThat(server.cluster().changefeeds()).isEmpty();
  }

  @Test
  void unknownUserIsNotAllowed() {
    assertUnauthorized(
        create(owner, "Authorization", basic("eve", "x")),
        "CDC:ErrUnauthorized",
        "[CDC:ErrUnauthorized]user eve unauthorized, error: The user is not allowed.");
  }

  @Test
  void emptyUserIsRefused() {
    assertUnauthorized(
        create(owner, "Authorization", basic("", "x")),
        "CDC:ErrUnauthorized",
        "[CDC:ErrUnauthorized]user  unauthorized, error: Empty username is not allowed.");
  }

  @Test
  void wrongPasswordIsRefusedLikeTiDbsLogin() {
    Reply reply = create(owner, "Authorization", basic("ops", "wrong"));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().get("error_msg").asText())
        .isEqualTo(
            "[CDC:ErrUnauthorized]user ops unauthorized, error: Error 1045 (28000): Access denied"
                + " for user 'ops'@'127.0.0.1' (using password: YES)");
  }

  @Test
  void rightCredentialsPassAlsoWhenForwardedFromANonOwner() {
    assertThat(create(follower, "Authorization", basic("ops", "s3cret")).status()).isEqualTo(200);
    assertThat(
            follower
                .send(
                    "POST",
                    "/api/v2/changefeeds/cf/pause",
                    null,
                    "Authorization",
                    basic("ops", "s3cret"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void readsDrainResignTsoAndLogStayOpen() {
    for (String path : new String[] {"/api/v2/changefeeds", "/api/v2/captures", "/api/v2/health"}) {
      assertThat(owner.get(path).status()).as(path).isEqualTo(200);
    }
    assertThat(owner.post("/api/v2/tso", "{}").status()).isEqualTo(200);
    assertThat(owner.post("/api/v2/log", "{\"log_level\":\"info\"}").status()).isEqualTo(200);
    assertThat(owner.post("/api/v2/owner/resign", null).status()).isEqualTo(200);
  }

  @Test
  void unsafeRoutesAreProtected() {
    assertThat(owner.get("/api/v2/unsafe/metadata").status()).isEqualTo(401);
    assertThat(
            owner
                .send(
                    "GET", "/api/v2/unsafe/metadata", null, "Authorization", basic("ops", "s3cret"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void v73HasNoAuthentication() {
    try (FakeTiCdcServer old =
        FakeTiCdcServer.builder()
            .version(TiCdcVersion.V7_3)
            .clientUsers(Map.of("ops", "s3cret"))
            .start()) {
      assertThat(create(TestHttp.pooled(old.url())).status()).isEqualTo(200);
    }
  }
}
