package io.github.ticdcfake.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.junit5.TiCdcServer;
import io.github.ticdcfake.junit5.TiCdcUrl;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Real-cluster mode: the same test class runs against a real TiCDC when {@code ticdc.fake.target}
 * is set ({@code mvn verify -Dticdc.fake.target=http://cdc:8300}). Here a second fake plays the
 * real TiCDC, and the class is run through JUnit's engine with the parameter set, as a build would.
 */
class RealClusterModeTest {
  static final List<URI> urlsSeen = new CopyOnWriteArrayList<>();

  // tag::real-cluster[]
  @TiCdcServer
  static class ChangefeedContractTestCase { // runs against the fake, or a real TiCDC if targeted
    @Test
    void createsPausesAndDeletes(@TiCdcUrl URI url) {
      urlsSeen.add(url);
      ChangefeedManager manager = new ChangefeedManager(url);

      manager.create("contract-check", "blackhole://");
      assertThat(manager.pause("contract-check").state()).isEqualTo("stopped");
      manager.delete("contract-check");
    }

    @Test
    void scriptsAFailure(FakeCluster cluster) { // needs the fake: skipped against a real TiCDC
      cluster.setHealthy(false);
    }
  }

  // end::real-cluster[]
  @Test
  void theSameClassRunsAgainstTheTarget() {
    urlsSeen.clear();
    try (FakeTiCdcServer real = FakeTiCdcServer.builder().start()) {
      EngineExecutionResults results =
          EngineTestKit.engine("junit-jupiter")
              .configurationParameter("ticdc.fake.target", real.url().toString())
              .selectors(DiscoverySelectors.selectClass(ChangefeedContractTestCase.class))
              .execute();

      results.testEvents().assertStatistics(stats -> stats.succeeded(1).skipped(1).failed(0));
      assertThat(urlsSeen).containsExactly(real.url());
      assertThat(real.cluster().journal().requests()).isNotEmpty(); // it really talked to "real"
    }
  }

  @Test
  void andAgainstItsOwnFakeWithoutOne() {
    urlsSeen.clear();

    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(DiscoverySelectors.selectClass(ChangefeedContractTestCase.class))
            .execute();

    results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
    assertThat(urlsSeen).singleElement().isNotNull();
  }
}
