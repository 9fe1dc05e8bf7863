package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where the new architecture's coordinator runs a changefeed's maintainer, as {@code
 * maintainer_addr} shows it (pingcap/ticdc {@code coordinator/scheduler/basic.go@v26.3.4}: an
 * absent changefeed goes to a live node; the fake takes the live captures in turn).
 */
class NewArchMaintainerTest {
  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder()
          .version(TiCdcVersion.V26_3_NEWARCH)
          .captures(2)
          .manualClock(Instant.parse("2024-05-20T02:00:00Z"))
          .seed(7)
          .build();

  private final FakeCluster cluster = fake.cluster();
  private final TestHttp owner = fake.http(fake.captures().get(0).id());

  private void create(String id) {
    assertThat(
            owner
                .post(
                    "/api/v2/changefeeds",
                    "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"}")
                .status())
        .isEqualTo(200);
  }

  private String maintainerOf(String id) {
    return owner.get("/api/v2/changefeeds/" + id).json().path("maintainer_addr").asText(null);
  }

  @Test
  void maintainersAreSpreadOverTheLiveCaptures() {
    create("cf-1");
    create("cf-2");

    assertThat(maintainerOf("cf-1")).isEqualTo(fake.captures().get(0).address());
    assertThat(maintainerOf("cf-2")).isEqualTo(fake.captures().get(1).address());
  }

  @Test
  void aMaintainerMovesWhenItsCaptureDies() {
    create("cf-1");
    create("cf-2");

    cluster.killCapture(fake.captures().get(1).id());

    assertThat(maintainerOf("cf-2")).isEqualTo(fake.captures().get(0).address());
  }

  @Test
  void pauseStopsTheMaintainerAndResumePlacesANewOne() {
    create("cf-1");
    owner.post("/api/v2/changefeeds/cf-1/pause", null);

    assertThat(maintainerOf("cf-1")).isNull();

    owner.post("/api/v2/changefeeds/cf-1/resume", null);

    assertThat(maintainerOf("cf-1")).isEqualTo(fake.captures().get(1).address());
  }
}
