package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.cluster.TiCdcVersion;
import io.github.ticdcfake.fault.Operation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The route tables as data: every operation routed once, the middlewares where tiflow has them. */
class RouteTablesTest {
  private static List<Route> routes(TiCdcVersion version) {
    return Router.of(ApiSurface.of(version)).tables().stream()
        .flatMap(t -> t.routes().stream())
        .toList();
  }

  @ParameterizedTest
  @EnumSource(TiCdcVersion.class)
  void everyOperationTheReleaseHasIsRoutedOnceAtItsOwnPath(TiCdcVersion version) {
    Set<Operation> expected = EnumSet.allOf(Operation.class);
    if (!ApiSurface.of(version).hasSyncedRoute()) {
      expected.remove(Operation.GET_CHANGEFEED_SYNCED);
    }
    if (ApiSurface.of(version).coordinatorApi()) {
      // pingcap/ticdc api/v2/api.go@v26.3.4: no meta_info, no v2 drain
      expected.remove(Operation.GET_CHANGEFEED_META_INFO);
      expected.remove(Operation.DRAIN_CAPTURE);
    } else {
      expected.remove(Operation.SET_REDACT_MODE);
      expected.remove(Operation.GET_ALL_TABLES);
      expected.remove(Operation.MOVE_TABLE);
      expected.remove(Operation.LIST_TABLES);
      expected.remove(Operation.GET_DISPATCHER_COUNT);
    }
    List<Route> routes = routes(version);
    assertThat(routes).extracting(Route::operation).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(routes)
        .allSatisfy(
            r -> {
              assertThat(r.method()).isEqualTo(r.operation().method());
              assertThat(r.path().text()).isEqualTo(r.operation().pathTemplate());
            });
  }

  @Test
  void v73HasNoSyncedRouteAndDoesNotForwardResign() {
    Map<Operation, Route> byOperation =
        routes(TiCdcVersion.V7_3).stream().collect(Collectors.toMap(Route::operation, r -> r));
    assertThat(byOperation).doesNotContainKey(Operation.GET_CHANGEFEED_SYNCED);
    assertThat(byOperation.get(Operation.RESIGN_OWNER).has(RouteFlag.FORWARDED_TO_OWNER)).isFalse();
    assertThat(
            routes(TiCdcVersion.V8_5).stream()
                .filter(r -> r.operation() == Operation.RESIGN_OWNER)
                .allMatch(r -> r.has(RouteFlag.FORWARDED_TO_OWNER)))
        .isTrue();
  }

  @Test
  void everyApiV2RouteIsReadinessGatedAndTheRootRoutesAreNot() {
    assertThat(routes(TiCdcVersion.latest()))
        .allSatisfy(
            r ->
                assertThat(r.has(RouteFlag.READINESS_GATED))
                    .as(r.operation().route())
                    .isEqualTo(!r.operation().isRootRoute()));
  }

  @Test
  void onlyStatusLogTsoAndVerifyTableAreAnsweredByTheCaptureHit() {
    assertThat(routes(TiCdcVersion.latest()))
        .filteredOn(r -> !r.has(RouteFlag.FORWARDED_TO_OWNER))
        .extracting(Route::operation)
        .containsExactlyInAnyOrder(
            Operation.STATUS,
            Operation.SET_LOG_LEVEL,
            Operation.VERIFY_TABLE,
            Operation.QUERY_TSO,
            Operation.ROOT_STATUS,
            Operation.DEBUG_INFO,
            Operation.METRICS,
            // tiflow cdc/api/v1/api.go: status and log are node-local too
            Operation.V1_STATUS,
            Operation.V1_SET_LOG_LEVEL);
  }

  @Test
  void authenticatedRoutesAreTheWritesTheUnsafeOnesAndDebugInfo() {
    assertThat(routes(TiCdcVersion.latest()))
        .filteredOn(r -> r.has(RouteFlag.AUTHENTICATED))
        .extracting(Route::operation)
        .containsExactlyInAnyOrder(
            Operation.CREATE_CHANGEFEED,
            Operation.UPDATE_CHANGEFEED,
            Operation.DELETE_CHANGEFEED,
            Operation.RESUME_CHANGEFEED,
            Operation.PAUSE_CHANGEFEED,
            Operation.GET_UNSAFE_METADATA,
            Operation.RESOLVE_LOCK,
            Operation.DELETE_SERVICE_GC_SAFEPOINT,
            // tiflow cdc/api/status/status.go: /debug/info behind AuthenticateMiddleware
            Operation.DEBUG_INFO,
            // tiflow cdc/api/v1/api.go: the changefeed mutations, not drain nor owner resign
            Operation.V1_CREATE_CHANGEFEED,
            Operation.V1_UPDATE_CHANGEFEED,
            Operation.V1_DELETE_CHANGEFEED,
            Operation.V1_RESUME_CHANGEFEED,
            Operation.V1_PAUSE_CHANGEFEED,
            Operation.V1_REBALANCE_TABLES,
            Operation.V1_MOVE_TABLE);
  }

  @Test
  void thePathBinderBindsNonEmptySegmentsOnly() {
    PathTemplate template = new PathTemplate("/api/v2/processors/{changefeed_id}/{capture_id}");
    assertThat(template.bind(PathTemplate.segments("/api/v2/processors/cf/c1")))
        .isEqualTo(Map.of("changefeed_id", "cf", "capture_id", "c1"));
    assertThat(template.bind(PathTemplate.segments("/api/v2/processors//c1"))).isNull();
    assertThat(template.bind(PathTemplate.segments("/api/v2/processors/cf"))).isNull();
    assertThat(Arrays.asList(PathTemplate.segments("/a/b/"))).containsExactly("a", "b", "");
  }
}
