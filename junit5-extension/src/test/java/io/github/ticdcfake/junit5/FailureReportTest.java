package io.github.ticdcfake.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class FailureReportTest {
  static volatile FakeCluster lastCluster;

  @Test
  void failingTestReportsCapturesOwnerAndChangefeedsWithStateAndCheckpoint() {
    EngineExecutionResults results = EngineKit.run(FailingTestCase.class);

    Throwable failure = EngineKit.onlyFailure(results);
    assertThat(failure).hasMessageContaining("the client saw no changefeed");
    assertThat(failure.getSuppressed()).hasSize(1);
    String report = failure.getSuppressed()[0].getMessage();
    FakeCluster cluster = lastCluster;
    Capture owner = cluster.captures().get(1);
    assertThat(report)
        .startsWith("ticdc-fake state when seesChangefeed(FakeCluster) failed:")
        .contains("TiCDC v8.5.4, cluster id default, PD clock 2024-05-20T10:00")
        .contains("(manual)")
        .contains("captures (2):")
        .contains(owner.id() + "  " + owner.address() + "  owner")
        .contains("changefeeds (2):")
        .contains("default/cf-1  normal  checkpoint ")
        .contains("default/cf-2  failed  checkpoint ")
        .contains("error CDC:ErrGCTTLExceeded")
        .contains("fault rules: none")
        .contains("last requests:");
    assertThat(report.lines().filter(line -> line.contains("owner"))).hasSize(1);
  }

  @EngineKit.Fixture
  static class FailingTestCase {
    @RegisterExtension
    static final TiCdcExtension ticdc =
        TiCdcExtension.builder()
            .captures(2)
            .clock(() -> PdClock.manual(Instant.parse("2024-05-20T02:00:00Z")))
            .build();

    @Test
    void seesChangefeed(FakeCluster cluster) {
      lastCluster = cluster;
      for (String id : new String[] {"cf-1", "cf-2"}) {
        cluster.createChangefeed(
            ChangefeedSpec.builder().changefeedId(id).sinkUri("blackhole://").build());
      }
      cluster.forceState(
          "default",
          "cf-2",
          ChangefeedState.FAILED,
          CdcError.GC_TTL_EXCEEDED.raise("gc ttl exceeded"));
      cluster.electOwner(cluster.captures().get(1).id());
      fail("the client saw no changefeed");
    }
  }

  @Test
  void failingBeforeEachMethodAlsoReportsTheState() {
    EngineExecutionResults results = EngineKit.run(FailingBeforeEachTestCase.class);

    Throwable failure = EngineKit.onlyFailure(results);
    assertThat(failure.getSuppressed()).hasSize(1);
    assertThat(failure.getSuppressed()[0].getMessage())
        .contains("ticdc-fake state when")
        .contains("changefeeds (0):");
  }

  @EngineKit.Fixture
  @TiCdcServer
  static class FailingBeforeEachTestCase {
    @BeforeEach
    void prepare() {
      throw new IllegalStateException("setup broke");
    }

    @Test
    void test() {}
  }

  @Test
  void abortedAndPassingTestsGetNoReport() {
    EngineExecutionResults results = EngineKit.run(AbortedTestCase.class);

    assertThat(results.testEvents().aborted().count()).isEqualTo(1);
    assertThat(EngineKit.throwable(results.testEvents().aborted().list().get(0)).orElseThrow())
        .satisfies(aborted -> assertThat(aborted.getSuppressed()).isEmpty());
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
  }

  @EngineKit.Fixture
  @TiCdcServer
  static class AbortedTestCase {
    @Test
    void aborts() {
      Assumptions.assumeTrue(false, "not today");
    }

    @Test
    void passes() {}
  }
}
