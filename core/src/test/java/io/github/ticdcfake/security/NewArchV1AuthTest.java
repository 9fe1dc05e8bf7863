package io.github.ticdcfake.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which routes the new architecture authenticates outside {@code /api/v2} (pingcap/ticdc {@code
 * api/v1/api.go@v26.3.4}, {@code api/v2/api.go@v26.3.4}): the v1 shim's changefeed mutations,
 * rebalance and move_table; not drain, owner resign or the reads; {@code /debug/info} is open.
 */
class NewArchV1AuthTest {
  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder()
          .version(TiCdcVersion.V26_3_NEWARCH)
          .captures(2)
          .server(server -> server.clientUsers(Map.of("ops", "s3cret")))
          .build();

  private final TestHttp owner = fake.http(fake.captures().get(0).id());

  @Test
  void theShimsMutationsNeedCredentials() {
    assertThat(
            owner
                .post(
                    "/api/v1/changefeeds",
                    "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}")
                .status())
        .isEqualTo(401);
    assertThat(owner.post("/api/v1/changefeeds/cf/pause", "").status()).isEqualTo(401);
    assertThat(owner.post("/api/v1/changefeeds/cf/tables/rebalance_table", "").status())
        .isEqualTo(401);
  }

  @Test
  void drainResignReadsAndDebugInfoDoNot() {
    assertThat(owner.put("/api/v1/captures/drain", "{\"capture_id\":\"x\"}").status())
        .isEqualTo(202);
    assertThat(owner.get("/api/v1/changefeeds").status()).isEqualTo(200);
    assertThat(owner.get("/api/v1/captures").status()).isEqualTo(200);
    assertThat(owner.get("/debug/info").status()).isEqualTo(200);
    assertThat(owner.post("/api/v1/owner/resign", "").status()).isEqualTo(202);
  }
}
