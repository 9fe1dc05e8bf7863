package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.RunningError;
import io.github.ticdcfake.internal.json.GoTime;
import io.github.ticdcfake.internal.json.Json;
import io.github.ticdcfake.internal.json.JsonOut;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/** {@code ChangefeedCommonInfo}: list items, no omitempty. */
@JsonPropertyOrder({
  "upstream_id",
  "namespace",
  "id",
  "keyspace",
  "state",
  "checkpoint_tso",
  "checkpoint_time",
  "error"
})
@JsonInclude(Include.ALWAYS)
public record ChangefeedCommonInfo(
    @JsonProperty("upstream_id") Object upstreamId,
    @JsonInclude(Include.NON_NULL) @JsonProperty("namespace") String namespace,
    @JsonProperty("id") String id,
    @JsonInclude(Include.NON_NULL) @JsonProperty("keyspace") String keyspace,
    @JsonProperty("state") String state,
    @JsonProperty("checkpoint_tso") Object checkpointTso,
    @JsonProperty("checkpoint_time") String checkpointTime,
    @JsonProperty("error") RunningErrorJson error) {
  public static ChangefeedCommonInfo from(Changefeed cf, V2ViewFlavour flavour, ZoneId zone) {
    return new ChangefeedCommonInfo(
        Json.uint64(cf.upstreamId()),
        flavour.keyspaceModels() ? null : cf.namespace(),
        cf.id(),
        flavour.keyspaceModels() ? cf.namespace() : null,
        cf.state().listName(),
        Json.uint64(cf.checkpointTs()),
        GoTime.tsoLocal(cf.checkpointTs(), zone),
        listError(cf, flavour, zone));
  }

  private static final byte[] TOTAL = "{\"total\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ITEMS = ",\"items\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] UPSTREAM_ID = "{\"upstream_id\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NAMESPACE = ",\"namespace\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ID = ",\"id\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEYSPACE = ",\"keyspace\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] STATE = ",\"state\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ERROR = ",\"error\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NO_ERROR = ",\"error\":null}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] COMMA = {','};
  private static final byte[] END_ITEM = {'}'};
  private static final byte[] END_LIST = {']', '}'};

  /**
   * {@code ListResponse[ChangefeedCommonInfo]} of these changefeeds as compact JSON: the same bytes
   * as {@code Json.compact(ListResponse.of(items mapped by from))}, written straight into one
   * buffer. The prefix up to {@code namespace} (or {@code id}) and the checkpoint members are
   * encoded once per distinct upstream id and checkpoint (changefeeds that advance together share
   * them), so a list of 10 000 allocates no record per item; both item shapes (tiflow's namespace,
   * the new architecture's keyspace) take this path.
   */
  public static byte[] compactList(
      List<Changefeed> changefeeds, V2ViewFlavour flavour, ZoneId zone) {
    // one piece that is never long enough to end early: the whole body
    Json.Bytes whole =
        Json.pieces(
                new byte[expectedListBytes(changefeeds.size())],
                Integer.MAX_VALUE,
                new ListSource(changefeeds, new Items(flavour, zone)))
            .next();
    return whole.toArray();
  }

  /**
   * A little more than a list of {@code count} default items takes (~182 bytes each), so the writer
   * rarely has to grow its buffer.
   */
  public static int expectedListBytes(int count) {
    return 64 + count * 192;
  }

  /**
   * The same bytes as {@link #compactList(List, V2ViewFlavour, ZoneId)} in pieces of about {@code
   * chunk}'s size, each ending after an item and written into {@code chunk} only when asked for:
   * the first bytes of a 10 000-item list are on the wire while the rest is still to be written.
   */
  public static Json.Pieces listPieces(
      List<Changefeed> changefeeds, V2ViewFlavour flavour, ZoneId zone, byte[] chunk) {
    // end a piece with room for one more item, so a piece rarely outgrows the chunk
    int pieceBytes = Math.max(1, chunk.length - 4096);
    return Json.pieces(chunk, pieceBytes, new ListSource(changefeeds, new Items(flavour, zone)));
  }

  /** The list's prefix, items and end, written a piece at a time; each piece has an item. */
  private static final class ListSource implements Json.PieceSource {
    private final List<Changefeed> changefeeds;
    private final Items items;
    private int next = -1; // -1: the prefix is still to be written
    private boolean done;

    ListSource(List<Changefeed> changefeeds, Items items) {
      this.changefeeds = changefeeds;
      this.items = items;
    }

    @Override
    public boolean writeNext(JsonOut out, int atLeast) {
      if (done) {
        return false;
      }
      if (next < 0) {
        out.raw(TOTAL);
        out.value(changefeeds.size());
        out.raw(ITEMS);
        next = 0;
      }
      items.forgetMarks();
      // at least one item per piece, then items until the piece is long enough
      int first = next;
      while (next < changefeeds.size() && (next == first || out.position() < atLeast)) {
        items.write(out, next, changefeeds.get(next));
        next++;
      }
      if (next == changefeeds.size()) {
        out.raw(END_LIST);
        done = true;
      }
      return true;
    }
  }

  /**
   * Writes list items one after another. The prefix up to {@code namespace} (or {@code id}) and the
   * checkpoint members are encoded once and repeated while the next item has the same values.
   */
  private static final class Items {
    private final V2ViewFlavour flavour;
    private final ZoneId zone;
    // The new architecture's items name the namespace "keyspace", after the id (pingcap/ticdc
    // api/v2/model.go@v26.3.4 ChangefeedCommonInfo); tiflow's put "namespace" before it.
    private final boolean keyspaces;
    private int upstreamFrom = -1;
    private int upstreamTo = -1;
    private long upstreamId;
    private int checkpointFrom = -1;
    private int checkpointTo = -1;
    private long checkpointTs;

    Items(V2ViewFlavour flavour, ZoneId zone) {
      this.flavour = flavour;
      this.zone = zone;
      this.keyspaces = flavour.keyspaceModels();
    }

    /** The marks point into bytes already sent: encode the next prefixes afresh. */
    void forgetMarks() {
      upstreamFrom = -1;
      checkpointFrom = -1;
    }

    void write(JsonOut out, int index, Changefeed cf) {
      if (index > 0) {
        out.raw(COMMA);
      }
      if (upstreamFrom >= 0 && cf.upstreamId() == upstreamId) {
        out.repeat(upstreamFrom, upstreamTo);
      } else {
        upstreamId = cf.upstreamId();
        upstreamFrom = out.position();
        out.raw(UPSTREAM_ID);
        out.value(Json.uint64(upstreamId));
        out.raw(keyspaces ? ID : NAMESPACE);
        upstreamTo = out.position();
      }
      if (keyspaces) {
        out.string(cf.id());
        out.raw(KEYSPACE);
        out.string(cf.namespace());
      } else {
        out.string(cf.namespace());
        out.raw(ID);
        out.string(cf.id());
      }
      out.raw(STATE);
      out.string(cf.state().listName());
      if (checkpointFrom >= 0 && cf.checkpointTs() == checkpointTs) {
        out.repeat(checkpointFrom, checkpointTo);
      } else {
        checkpointTs = cf.checkpointTs();
        checkpointFrom = out.position();
        out.raw(CHECKPOINT_TSO);
        out.value(Json.uint64(checkpointTs));
        out.raw(CHECKPOINT_TIME);
        out.string(GoTime.tsoLocal(checkpointTs, zone));
        checkpointTo = out.position();
      }
      RunningErrorJson error = listError(cf, flavour, zone);
      if (error == null) {
        out.raw(NO_ERROR);
      } else {
        out.raw(ERROR);
        out.value(error);
        out.raw(END_ITEM);
      }
    }
  }

  private static final byte[] CHECKPOINT_TSO =
      ",\"checkpoint_tso\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CHECKPOINT_TIME =
      ",\"checkpoint_time\":".getBytes(StandardCharsets.US_ASCII);

  /** The error a list item shows in its state, if any (tiflow {@code listChangeFeeds}). */
  private static RunningErrorJson listError(Changefeed cf, V2ViewFlavour flavour, ZoneId zone) {
    if (!flavour.errorInList().contains(cf.state())) {
      return null;
    }
    RunningError e =
        flavour.listErrorFallsBackToWarning()
            ? cf.error().or(cf::warning).orElse(null)
            : cf.error().orElse(null);
    return e == null ? null : RunningErrorJson.withTime(e, zone);
  }
}
