package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.RequestBodies;
import io.github.ticdcfake.cluster.SyncedStatus;
import io.github.ticdcfake.internal.json.Json;
import io.github.ticdcfake.internal.json.v2.ChangeFeedInfo;
import io.github.ticdcfake.internal.json.v2.ChangeFeedInfo.View;
import io.github.ticdcfake.internal.json.v2.ChangefeedCommonInfo;
import io.github.ticdcfake.internal.json.v2.ChangefeedStatus;
import io.github.ticdcfake.internal.json.v2.SyncedStatusJson;
import io.github.ticdcfake.internal.json.v2.TablesJson;
import io.github.ticdcfake.internal.json.v2.V2ViewFlavour;
import java.nio.ByteBuffer;
import java.time.ZoneId;
import java.util.List;

/**
 * The changefeed routes (tiflow {@code cdc/api/v2/changefeed.go}, pingcap/tiflow
 * cdc/api/v2/api_helpers.go verifyCreateChangefeedConfig–pingcap/tiflow cdc/api/v2/changefeed.go
 * getChangefeedStatus).
 */
final class ChangefeedHandlers {
  private static final String ID = "changefeed_id";

  private ChangefeedHandlers() {}

  /** {@code POST /api/v2/changefeeds}: body merged into the defaults; namespace from the body. */
  static Response create(Call call) {
    ChangefeedSpec spec = call.bind(json -> ChangefeedSpec.decodeCreate(json, call.version()));
    Changefeed created = call.cluster().createChangefeed(spec);
    return Response.json(
        call.writeStatus(),
        ChangeFeedInfo.from(created, created.config(), View.CREATE, call.v2Views(), call.zone()));
  }

  /** {@code GET /api/v2/changefeeds?state=&namespace=}. */
  static Response list(Call call) {
    List<Changefeed> changefeeds =
        call.cluster().listChangefeeds(call.namespace(), call.query("state"));
    if (call.fromApiV1) {
      // the v1 shim answers the bare array
      return Response.json(
          200,
          call.list(
              changefeeds.stream()
                  .map(cf -> ChangefeedCommonInfo.from(cf, call.v2Views(), call.zone()))
                  .toList()));
    }
    V2ViewFlavour views = call.v2Views();
    ZoneId zone = call.zone();
    if (ChangefeedCommonInfo.expectedListBytes(changefeeds.size()) < BodyBuffers.MIN_POOLED) {
      return Response.rawJson(200, ChangefeedCommonInfo.compactList(changefeeds, views, zone));
    }
    // A 10 000-item list is 1.8 MB: it goes out in 64 KB pieces, each written only once the last
    // is on the wire, from one chunk reused across lists: no body-sized array, no cache misses
    BodyBuffers pool = call.server.bodyBuffers();
    return Response.streamedJson(
        200,
        new Response.Streamed() {
          private byte[] chunk;
          private Json.Pieces pieces;

          @Override
          public ByteBuffer next() {
            if (pieces == null) {
              chunk = pool.borrow(BodyBuffers.MIN_POOLED);
              if (chunk == null) {
                chunk = new byte[BodyBuffers.MIN_POOLED];
              }
              pieces = ChangefeedCommonInfo.listPieces(changefeeds, views, zone, chunk);
            }
            Json.Bytes piece = pieces.next();
            return piece == null ? null : ByteBuffer.wrap(piece.array(), 0, piece.length());
          }

          @Override
          public void release() {
            if (chunk != null) {
              pool.giveBack(chunk);
              chunk = null;
            }
          }
        });
  }

  /** {@code GET /api/v2/changefeeds/{id}}: pruned config, masked sink URI. */
  static Response get(Call call) {
    Changefeed cf = call.cluster().getChangefeed(call.namespace(), call.path(ID));
    return Response.json(
        200, ChangeFeedInfo.from(cf, cf.prunedConfig(), View.GET, call.v2Views(), call.zone()));
  }

  /** {@code GET /api/v2/changefeeds/{id}/meta_info}: like GET with the sink URI unmasked. */
  static Response metaInfo(Call call) {
    Changefeed cf = call.cluster().getChangefeed(call.namespace(), call.path(ID));
    return Response.json(
        200,
        ChangeFeedInfo.from(cf, cf.prunedConfig(), View.META_INFO, call.v2Views(), call.zone()));
  }

  /**
   * {@code PUT /api/v2/changefeeds/{id}}: the state gate runs before the body is read
   * (pingcap/tiflow cdc/api/v2/changefeed.go updateChangefeed).
   */
  static Response update(Call call) {
    Changefeed updated =
        call.cluster()
            .updateChangefeed(
                call.namespace(),
                call.path(ID),
                () -> call.bind(json -> ChangefeedSpec.decodeUpdate(json, call.version())));
    return Response.json(
        call.writeStatus(),
        ChangeFeedInfo.from(updated, updated.config(), View.WRITE, call.v2Views(), call.zone()));
  }

  /**
   * {@code DELETE /api/v2/changefeeds/{id}}: idempotent; the new architecture answers a missing
   * changefeed with {@code null} (pingcap/ticdc {@code api/v2/changefeed.go} DeleteChangefeed).
   */
  static Response delete(Call call) {
    boolean removed = call.cluster().removeChangefeed(call.namespace(), call.path(ID));
    if (!removed && call.surface().coordinatorApi()) {
      return Response.jsonNull(call.writeStatus());
    }
    return Response.empty(call.writeStatus());
  }

  /** {@code POST /api/v2/changefeeds/{id}/pause}: any body is ignored. */
  static Response pause(Call call) {
    call.cluster().pauseChangefeed(call.namespace(), call.path(ID));
    return Response.empty(call.writeStatus());
  }

  /**
   * {@code POST /api/v2/changefeeds/{id}/resume}: existence first, then the required body (the new
   * architecture decodes its optional body first).
   */
  static Response resume(Call call) {
    call.cluster()
        .resumeChangefeed(
            call.namespace(),
            call.path(ID),
            () ->
                call.surface().coordinatorApi()
                    ? optionalResume(call)
                    : call.bind(RequestBodies::resume));
    return Response.empty(call.writeStatus());
  }

  /**
   * The new architecture reads resume's body itself: empty means defaults, a malformed one is a 400
   * {@code ErrAPIInvalidParam} as JSON (pingcap/ticdc {@code api/v2/changefeed.go}
   * ResumeChangefeed).
   */
  private static RequestBodies.Resume optionalResume(Call call) {
    try {
      return RequestBodies.resume(
          Json.parse(call.body.length == 0 ? new byte[] {'{', '}'} : call.body));
    } catch (Json.SyntaxException e) {
      throw CdcError.API_INVALID_PARAM.wrap(e.getMessage());
    }
  }

  /** {@code POST /api/v2/get_all_tables}: every upstream table the filter selects. */
  static Response allTables(Call call) {
    ChangefeedSpec spec = call.bind(json -> ChangefeedSpec.decodeVerifyTable(json, call.version()));
    return Response.json(200, TablesJson.withAllTables(call.cluster().allTables(spec)));
  }

  /**
   * {@code GET /api/v2/changefeeds/{id}/synced}: an optional body (read only when there is one) may
   * carry PD settings; the intervals come from the changefeed (pingcap/tiflow
   * cdc/api/v2/changefeed.go synced).
   */
  static Response synced(Call call) {
    SyncedStatus status =
        call.cluster()
            .syncedStatus(
                call.namespace(),
                call.path(ID),
                () ->
                    call.body.length > 0 && !call.surface().coordinatorApi()
                        ? call.bind(json -> ChangefeedSpec.decodeUpdate(json, call.version()))
                        : null);
    return Response.json(200, SyncedStatusJson.from(status, call.zone()));
  }

  /** {@code POST /api/v2/verify_table}: eligible and ineligible tables, empty lists omitted. */
  static Response verifyTable(Call call) {
    ChangefeedSpec spec = call.bind(json -> ChangefeedSpec.decodeVerifyTable(json, call.version()));
    return Response.json(
        200,
        call.surface().coordinatorApi()
            ? TablesJson.withAllTables(call.cluster().verifyTables(spec))
            : TablesJson.from(call.cluster().verifyTables(spec)));
  }

  /** {@code GET /api/v2/changefeeds/{id}/status}. */
  static Response status(Call call) {
    Changefeed cf = call.cluster().getChangefeed(call.namespace(), call.path(ID));
    return Response.json(200, ChangefeedStatus.from(cf, call.v2Views(), call.zone()));
  }
}
