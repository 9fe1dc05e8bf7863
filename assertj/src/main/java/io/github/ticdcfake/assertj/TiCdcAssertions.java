package io.github.ticdcfake.assertj;

import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.FakeCluster;

/**
 * Entry point of the AssertJ assertions for a fake TiCDC cluster; import its {@code assertThat}
 * statically next to AssertJ's.
 *
 * <pre>{@code
 * assertThat(cluster).changefeed("cf-1").hasState(ChangefeedState.STOPPED);
 * assertThat(cluster).hasReceived(Operation.PAUSE_CHANGEFEED, "cf-1", 2);
 * }</pre>
 */
public final class TiCdcAssertions {
  private TiCdcAssertions() {}

  /** Assertions about a cluster's current state and the requests it received. */
  public static FakeClusterAssert assertThat(FakeCluster actual) {
    return new FakeClusterAssert(actual);
  }

  /** Assertions about a changefeed snapshot. */
  public static ChangefeedAssert assertThat(Changefeed actual) {
    return new ChangefeedAssert(actual);
  }
}
