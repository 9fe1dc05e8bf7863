package io.github.ticdcfake.internal.json.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.TiCdcVersion;
import io.github.ticdcfake.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The new architecture's list items take the direct writer too: {@code keyspace} after {@code id}
 * and no {@code namespace} (pingcap/ticdc api/v2/model.go@v26.3.4 ChangefeedCommonInfo), byte for
 * byte as the declared record writes them, shared upstream and checkpoint runs included.
 */
class KeyspaceListBytesTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final V2ViewFlavour NEWARCH = V2ViewFlavour.of(TiCdcVersion.V26_3_NEWARCH);

  private static Changefeed changefeed(String keyspace, String id, long upstreamId, long ts) {
    return new Changefeed(
        keyspace,
        id,
        upstreamId,
        "blackhole://",
        Instant.EPOCH,
        ts,
        0,
        ChangefeedState.NORMAL,
        Optional.empty(),
        Optional.empty(),
        ts,
        ts,
        null,
        "v26.3.4",
        Map.of(),
        TiCdcVersion.V26_3_NEWARCH,
        null,
        Optional.empty());
  }

  @Test
  void itemsNameTheKeyspaceAfterTheIdLikeTheDeclaredRecord() {
    List<Changefeed> cfs =
        List.of(
            changefeed("default", "cf-1", 7L, 450_000_000_000_000_000L),
            changefeed("default", "cf-2", 7L, 450_000_000_000_000_000L),
            changefeed("ks-<2>", "cf-3", 8L, 450_000_000_000_000_001L));

    String written =
        new String(ChangefeedCommonInfo.compactList(cfs, NEWARCH, UTC), StandardCharsets.UTF_8);

    String declared =
        new String(
            Json.compact(
                ListResponse.of(
                    cfs.stream().map(cf -> ChangefeedCommonInfo.from(cf, NEWARCH, UTC)).toList())),
            StandardCharsets.UTF_8);
    assertThat(written)
        .isEqualTo(declared)
        .startsWith(
            "{\"total\":3,\"items\":[{\"upstream_id\":7,\"id\":\"cf-1\",\"keyspace\":\"default\",")
        .contains("{\"upstream_id\":8,\"id\":\"cf-3\",\"keyspace\":\"ks-\\u003c2\\u003e\",")
        .doesNotContain("\"namespace\"");
  }
}
