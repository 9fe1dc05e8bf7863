package io.github.ticdcfake.bench.jmh;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.bench.load.RawHttp;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.FakeCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Shared set-up: a fake holding {@code cf-0 … cf-(n-1)}, marked as its initial state. */
final class Fixtures {
  private Fixtures() {}

  static FakeTiCdcServer fakeWith(int captures, int changefeeds) {
    FakeTiCdcServer server = FakeTiCdcServer.builder().captures(captures).seed(1).start();
    FakeCluster cluster = server.cluster();
    for (int i = 0; i < changefeeds; i++) {
      cluster.createChangefeed(
          ChangefeedSpec.builder().changefeedId("cf-" + i).sinkUri("blackhole://").build());
    }
    cluster.markInitialState();
    return server;
  }

  static byte[] get(FakeTiCdcServer server, String target) {
    return RawHttp.request("GET", target, server.url().getPort(), null);
  }

  static byte[] post(FakeTiCdcServer server, String target, String body) {
    return RawHttp.request(
        "POST", target, server.url().getPort(), body.getBytes(StandardCharsets.UTF_8));
  }

  static int ok(RawHttp client, byte[] request) throws IOException {
    int status = client.exchange(request, false);
    if (status != 200) {
      throw new IllegalStateException("HTTP " + status);
    }
    return status;
  }
}
