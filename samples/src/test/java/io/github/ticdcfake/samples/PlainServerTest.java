package io.github.ticdcfake.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.FakeCluster;
import org.junit.jupiter.api.Test;

/** {@link FakeTiCdcServer} on its own: no JUnit extension, works in any test framework or main. */
class PlainServerTest {
  @Test
  void startsServesAndStops() {
    // tag::programmatic[]
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().captures(3).start()) {
      ChangefeedManager manager = new ChangefeedManager(server.url()); // the owner's base URL
      FakeCluster cluster = server.cluster(); // scripting and inspection

      manager.create("orders", "blackhole://");
      manager.pause("orders");
      server.reset(); // back to the state right after start

      assertThat(cluster.changefeeds()).isEmpty();
      assertThat(server.captureUrls()).hasSize(3); // one port per capture
    }
    // end::programmatic[]
  }
}
