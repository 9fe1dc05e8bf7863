package io.github.ticdcfake.internal.json.v2;

import static io.github.ticdcfake.cluster.ChangefeedState.FAILED;
import static io.github.ticdcfake.cluster.ChangefeedState.NORMAL;
import static io.github.ticdcfake.cluster.ChangefeedState.PENDING;
import static io.github.ticdcfake.cluster.ChangefeedState.WARNING;

import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.util.EnumSet;
import java.util.Set;

/**
 * How one TiCDC release renders the v2 bodies where releases differ: which changefeed states show
 * their {@code error}. The one place of the v2 views that asks which flavour it serves; the views
 * get it from the server, never from the changefeed.
 *
 * @param errorInGet states in which {@code ChangeFeedInfo} (GET, meta_info, create, update) shows
 *     the changefeed's error (tiflow {@code cdc/api/v2/changefeed.go} getChangeFeed)
 * @param errorInList states in which a list item shows an error (tiflow {@code
 *     cdc/api/v2/changefeed.go} listChangeFeeds)
 * @param listErrorFallsBackToWarning a list item without an error shows the last warning instead
 * @param keyspaceModels the new architecture's models (pingcap/ticdc {@code
 *     api/v2/model.go@v26.3.4}): {@code keyspace} after {@code id} instead of {@code namespace},
 *     {@code gid} and {@code maintainer_addr}, never a {@code task_status}, {@code resolved_ts}
 *     equal to {@code checkpoint_ts}, and GET's {@code error.time} printed as Go's zero time
 */
public record V2ViewFlavour(
    Set<ChangefeedState> errorInGet,
    Set<ChangefeedState> errorInList,
    boolean listErrorFallsBackToWarning,
    boolean keyspaceModels) {

  public V2ViewFlavour {
    errorInGet = Set.copyOf(errorInGet);
    errorInList = Set.copyOf(errorInList);
  }

  /** The views of one release, decided by one exhaustive switch. */
  public static V2ViewFlavour of(TiCdcVersion version) {
    return switch (version) {
      case V7_3 -> new V2ViewFlavour(allBut(NORMAL), allBut(NORMAL), false, false);
      case V8_5 ->
          new V2ViewFlavour(
              EnumSet.of(PENDING, WARNING, FAILED),
              EnumSet.of(WARNING, PENDING, FAILED),
              true,
              false);
      // pingcap/ticdc api/v2/changefeed.go@v26.3.4: GET shows the error unless normal, stopped,
      // finished or removed; a list item always shows its error, else its warning
      case V26_3_NEWARCH ->
          new V2ViewFlavour(
              EnumSet.of(PENDING, WARNING, FAILED),
              EnumSet.allOf(ChangefeedState.class),
              true,
              true);
    };
  }

  private static Set<ChangefeedState> allBut(ChangefeedState state) {
    return EnumSet.complementOf(EnumSet.of(state));
  }
}
