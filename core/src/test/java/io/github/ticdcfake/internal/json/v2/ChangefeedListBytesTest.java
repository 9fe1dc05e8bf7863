package io.github.ticdcfake.internal.json.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.RunningError;
import io.github.ticdcfake.cluster.TiCdcVersion;
import io.github.ticdcfake.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ChangefeedCommonInfo#compactList} writes exactly the bytes of the declared wire records
 * ({@code ListResponse} of {@link ChangefeedCommonInfo#from}), for every state, error and warning
 * slot, both flavours, zones with and without daylight saving, uint64 ids above int64 and ids that
 * need Go's escapes; shared checkpoint and upstream prefixes must not leak between items.
 */
class ChangefeedListBytesTest {
  private static final List<ZoneId> ZONES =
      List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"));

  private static String declared(List<Changefeed> cfs, V2ViewFlavour flavour, ZoneId zone) {
    List<ChangefeedCommonInfo> items =
        cfs.stream().map(cf -> ChangefeedCommonInfo.from(cf, flavour, zone)).toList();
    return new String(Json.compact(ListResponse.of(items)), StandardCharsets.UTF_8);
  }

  private static String written(List<Changefeed> cfs, V2ViewFlavour flavour, ZoneId zone) {
    return new String(ChangefeedCommonInfo.compactList(cfs, flavour, zone), StandardCharsets.UTF_8);
  }

  private static Changefeed changefeed(
      String namespace,
      String id,
      long upstreamId,
      ChangefeedState state,
      long checkpointTs,
      RunningError error,
      RunningError warning,
      TiCdcVersion version) {
    return new Changefeed(
        namespace,
        id,
        upstreamId,
        "blackhole://",
        Instant.EPOCH,
        checkpointTs,
        0,
        state,
        Optional.ofNullable(error),
        Optional.ofNullable(warning),
        checkpointTs,
        checkpointTs,
        null,
        "v8.5.4",
        Map.of(),
        version,
        null,
        Optional.empty());
  }

  @Test
  void anEmptyListIsTotalZeroAndAnEmptyArray() {
    V2ViewFlavour flavour = V2ViewFlavour.of(TiCdcVersion.V8_5);

    assertThat(written(List.of(), flavour, ZoneId.of("UTC")))
        .isEqualTo(declared(List.of(), flavour, ZoneId.of("UTC")))
        .isEqualTo("{\"total\":0,\"items\":[]}");
  }

  @Test
  void randomListsMatchTheDeclaredRecordsByteForByte() {
    Random random = new Random(11);
    ChangefeedState[] states = ChangefeedState.values();
    String[] ids = {"cf-1", "cf-<&>", "cf-\"q\"", "ä-cf", "cf-2"};
    long[] upstreams = {7_000_000_000_000_000_001L, -1L, 42L};
    long[] checkpoints = {0L, 449_999_999_999_999_999L, -5L, 450_123_456_789_000_001L};
    for (int round = 0; round < 200; round++) {
      TiCdcVersion version = TiCdcVersion.values()[random.nextInt(TiCdcVersion.values().length)];
      V2ViewFlavour flavour = V2ViewFlavour.of(version);
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      List<Changefeed> cfs = new ArrayList<>();
      int size = random.nextInt(40);
      for (int i = 0; i < size; i++) {
        Instant at = Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000_000));
        RunningError error =
            random.nextBoolean() ? new RunningError(at, "127.0.0.1:8300", "CDC:ErrX", "<e>") : null;
        RunningError warning =
            random.nextBoolean() ? new RunningError(at, "127.0.0.1:8301", "CDC:ErrW", "w") : null;
        cfs.add(
            changefeed(
                random.nextInt(4) == 0 ? "ns-2" : "default",
                ids[random.nextInt(ids.length)] + i,
                upstreams[random.nextInt(random.nextInt(8) == 0 ? upstreams.length : 1)],
                states[random.nextInt(states.length)],
                checkpoints[random.nextInt(random.nextInt(3) == 0 ? checkpoints.length : 2)],
                error,
                warning,
                version));
      }

      assertThat(written(cfs, flavour, zone)).isEqualTo(declared(cfs, flavour, zone));
    }
  }

  /** {@link ChangefeedCommonInfo#listPieces} through a chunk of {@code chunkSize}: its pieces. */
  private static List<String> pieces(
      List<Changefeed> cfs, V2ViewFlavour flavour, ZoneId zone, int chunkSize) {
    List<String> pieces = new ArrayList<>();
    Json.Pieces source = ChangefeedCommonInfo.listPieces(cfs, flavour, zone, new byte[chunkSize]);
    for (Json.Bytes piece = source.next(); piece != null; piece = source.next()) {
      pieces.add(new String(piece.array(), 0, piece.length(), StandardCharsets.UTF_8));
    }
    return pieces;
  }

  @Test
  void aListInPiecesIsTheSameBytesEachPieceEndingAfterAnItem() {
    Random random = new Random(23);
    ChangefeedState[] states = ChangefeedState.values();
    for (int round = 0; round < 100; round++) {
      TiCdcVersion version = TiCdcVersion.values()[random.nextInt(TiCdcVersion.values().length)];
      V2ViewFlavour flavour = V2ViewFlavour.of(version);
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      List<Changefeed> cfs = new ArrayList<>();
      int size = 1 + random.nextInt(300);
      for (int i = 0; i < size; i++) {
        // long runs of one upstream and one checkpoint: the repeated prefixes cross piece ends
        RunningError error =
            random.nextInt(10) == 0
                ? new RunningError(Instant.EPOCH, "127.0.0.1:8300", "CDC:ErrX", "x".repeat(9000))
                : null;
        cfs.add(
            changefeed(
                "default",
                "cf-" + i,
                i < size / 2 ? 7L : 8L,
                states[random.nextInt(states.length)],
                450_000_000_000_000_000L + i / 50,
                error,
                null,
                version));
      }
      // a piece ends once it holds the chunk's size less 4 KB: after every item up to every ~40
      int chunk = 4096 + 1 + random.nextInt(8192);

      List<String> pieces = pieces(cfs, flavour, zone, chunk);

      assertThat(String.join("", pieces)).isEqualTo(declared(cfs, flavour, zone));
      assertThat(pieces.subList(0, pieces.size() - 1)).allSatisfy(p -> assertThat(p).endsWith("}"));
    }
  }

  @Test
  void anEmptyListInPiecesIsOnePiece() {
    V2ViewFlavour flavour = V2ViewFlavour.of(TiCdcVersion.V8_5);

    assertThat(pieces(List.of(), flavour, ZoneId.of("UTC"), 64 * 1024))
        .containsExactly("{\"total\":0,\"items\":[]}");
  }

  @Test
  void aListSmallerThanOneChunkIsOnePiece() {
    V2ViewFlavour flavour = V2ViewFlavour.of(TiCdcVersion.V8_5);
    List<Changefeed> cfs =
        List.of(
            changefeed(
                "default", "cf", 7L, ChangefeedState.NORMAL, 1L, null, null, TiCdcVersion.V8_5));

    assertThat(pieces(cfs, flavour, ZoneId.of("UTC"), 64 * 1024))
        .containsExactly(declared(cfs, flavour, ZoneId.of("UTC")));
  }
}
