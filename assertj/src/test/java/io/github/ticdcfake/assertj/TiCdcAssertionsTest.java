package io.github.ticdcfake.assertj;

import static io.github.ticdcfake.assertj.TiCdcAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.fault.Operation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TiCdcAssertionsTest {
  private final FakeTiCdcServer server = FakeTiCdcServer.builder().captures(2).start();
  private final FakeCluster cluster = server.cluster();

  @AfterEach
  void close() {
    server.close();
  }

  private void pause(String id) throws IOException, InterruptedException {
    URI uri = server.url().resolve("/api/v2/changefeeds/" + id + "/pause");
    HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.discarding());
  }

  @Test
  void changefeedStateAndRequestCounts() throws Exception {
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
    pause("cf-1");
    pause("cf-1");

    assertThat(cluster).changefeed("cf-1").hasState(ChangefeedState.STOPPED).hasNoError();
    assertThat(cluster)
        .hasReceived(Operation.PAUSE_CHANGEFEED, "cf-1", 2)
        .hasNotReceived(Operation.RESUME_CHANGEFEED)
        .hasOwner(cluster.captures().get(0).id())
        .hasLiveCaptures(2)
        .hasNoChangefeed("cf-2");
  }

  @Test
  void failuresSayWhatWasSeen() {
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
    cluster.forceState(
        "default",
        "cf-1",
        ChangefeedState.FAILED,
        CdcException.of("CDC:ErrGCTTLExceeded", "gc ttl"));

    assertThat(cluster).changefeed("cf-1").hasErrorCode("CDC:ErrGCTTLExceeded");
    assertThatThrownBy(
            () -> assertThat(cluster).changefeed("cf-1").hasState(ChangefeedState.NORMAL))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected changefeed cf-1 to be normal but was failed");
    assertThatThrownBy(() -> assertThat(cluster).changefeed("cf-9"))
        .hasMessageContaining(
            "Expected changefeed default/cf-9 to exist but the cluster has [default/cf-1]");
    assertThatThrownBy(() -> assertThat(cluster).hasReceived(Operation.PAUSE_CHANGEFEED, "cf-1", 2))
        .hasMessageContaining(
            "Expected POST /api/v2/changefeeds/{changefeed_id}/pause for cf-1 to be called exactly 2 times but it was called 0 times");
  }
}
