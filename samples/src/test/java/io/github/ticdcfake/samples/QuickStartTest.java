package io.github.ticdcfake.samples;

// tag::quick-start[]
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.junit5.TiCdcServer;
import io.github.ticdcfake.junit5.TiCdcUrl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@TiCdcServer
class QuickStartTest {
  @Test
  void pausesAChangefeed(FakeCluster cluster, @TiCdcUrl URI url) throws Exception {
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("orders").sinkUri("blackhole://").build());

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "/api/v2/changefeeds/orders/pause"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(cluster.changefeed("orders").orElseThrow().state())
        .isEqualTo(ChangefeedState.STOPPED);
  }
}
// end::quick-start[]
