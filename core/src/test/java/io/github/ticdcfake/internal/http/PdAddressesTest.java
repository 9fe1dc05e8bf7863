package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.TiCdcVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code pd_addrs} in bodies: the fake's own PD endpoint works, any other address fails like an
 * unreachable PD (pingcap/tiflow cdc/api/v2/api_helpers.go verifyCreateChangefeedConfig;
 * pingcap/tiflow cdc/api/v2/capture.go, owner.go, health.go, status.go, unsafe.go; pingcap/tiflow
 * cdc/api/v2@v7.3.0), as PingCAP's API test scripts expect.
 */
class PdAddressesTest {
  @RegisterExtension static final FakeServerFixture fake = FakeServerFixture.builder().build();

  private final TestHttp http = fake.http();

  @Test
  void tsoWithTheFakesPdAnswersAndWithAnotherFails() {
    assertThat(http.post("/api/v2/tso", "{\"pd_addrs\":[\"http://127.0.0.1:2379\"]}").status())
        .isEqualTo(200);
    Reply wrong = http.post("/api/v2/tso", "{\"pd_addrs\":[\"http://127.0.0.1:2390\"]}");
    assertThat(wrong.status()).isEqualTo(500);
    assertThat(wrong.json().get("error_msg").asText())
        .isEqualTo(
            "[CDC:ErrInternalServerError]internal server error: [CDC:ErrAPIGetPDClientFailed]failed"
                + " to get PDClient to connect PD, please recheck: context deadline exceeded");
  }

  @Test
  void createWithAnUnreachablePdFailsBeforeAnythingElse() {
    Reply reply = http.post("/api/v2/changefeeds", "{\"pd_addrs\":[\"10.0.0.1:2379\"]}");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.json().get("error_code").asText()).isEqualTo("CDC:ErrAPIGetPDClientFailed");
  }

  @Test
  void resumeWithAnUnreachablePdIs500AndWas400InV73() {
    // the new architecture never reads the PD fields (NewArchApiTest)
    for (TiCdcVersion version : java.util.List.of(TiCdcVersion.V7_3, TiCdcVersion.V8_5)) {
      try (FakeTiCdcServer server = FakeTiCdcServer.builder().version(version).start()) {
        TestHttp http = TestHttp.pooled(server.url());
        http.post(
            "/api/v2/changefeeds", "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
        http.post("/api/v2/changefeeds/cf/pause", null);

        Reply reply = http.post("/api/v2/changefeeds/cf/resume", "{\"pd_addrs\":[\"pd:1\"]}");

        assertThat(reply.status())
            .as(version.name())
            .isEqualTo(version == TiCdcVersion.V7_3 ? 400 : 500);
        assertThat(reply.body()).contains("CDC:ErrAPIGetPDClientFailed");
      }
    }
  }
}
