package io.github.ticdcfake.bench.servers;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.FakeCluster;

/**
 * The fake under measurement: {@code --port P [--captures C] [--changefeeds N]}; N blackhole
 * changefeeds {@code cf-0 … cf-(N-1)} are created in-process before it reports ready.
 */
public final class FakeServerMain {
  private FakeServerMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(ServerControl.arg(args, "--port", "0"));
    int captures = Integer.parseInt(ServerControl.arg(args, "--captures", "1"));
    int changefeeds = Integer.parseInt(ServerControl.arg(args, "--changefeeds", "0"));
    int before = ServerControl.threads();
    FakeTiCdcServer server =
        FakeTiCdcServer.builder().port(port).captures(captures).seed(1).start();
    FakeCluster cluster = server.cluster();
    for (int i = 0; i < changefeeds; i++) {
      cluster.createChangefeed(
          ChangefeedSpec.builder().changefeedId("cf-" + i).sinkUri("blackhole://").build());
    }
    ServerControl.serve(before, server);
  }
}
