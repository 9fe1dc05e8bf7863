package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.cluster.V1ChangefeedConfig;
import io.github.ticdcfake.internal.json.Json;
import io.github.ticdcfake.internal.json.v1.DrainCaptureResp;

/**
 * The handlers of the new architecture's {@code /api/v1} shim (pingcap/ticdc {@code
 * api/v1/api.go@v26.3.4}): most hand the call to the v2 handler with the {@code from-ticdc-api-v1}
 * semantics; create and update first rewrite the v1 body into a v2 one; rebalance, move_table and
 * drain are compatibility stubs.
 */
final class V1ShimHandlers {
  private V1ShimHandlers() {}

  private static Call v1(Call call) {
    return call.fromV1Shim(call.body);
  }

  /** {@code GET /api/v1/health}: v2 ServerHealth, 200 {@code {}} (not 202). */
  static Response health(Call call) {
    return StatusHandlers.health(v1(call));
  }

  /** {@code GET /api/v1/changefeeds}: the bare array of v2 {@code ChangefeedCommonInfo}. */
  static Response list(Call call) {
    return ChangefeedHandlers.list(v1(call));
  }

  /** {@code GET /api/v1/changefeeds/{id}}: the v2 {@code ChangeFeedInfo}. */
  static Response get(Call call) {
    return ChangefeedHandlers.get(v1(call));
  }

  /**
   * {@code POST /api/v1/changefeeds}: the v1 body (gin's BindJSON, a bad one is a text/plain 400)
   * rewritten into a v2 body, then v2 create: 202 with the v2 {@code ChangeFeedInfo}.
   */
  static Response create(Call call) {
    return ChangefeedHandlers.create(call.fromV1Shim(rewrite(call)));
  }

  /** {@code PUT /api/v1/changefeeds/{id}}: the same rewrite, then v2 update (202). */
  static Response update(Call call) {
    return ChangefeedHandlers.update(call.fromV1Shim(rewrite(call)));
  }

  private static byte[] rewrite(Call call) {
    V1ChangefeedConfig config = call.bind(json -> V1ChangefeedConfig.decode(json, call.version()));
    return Json.compact(config.toV2ShimBody());
  }

  /** {@code POST …/pause}: v2 pause, 202 {@code {}}. */
  static Response pause(Call call) {
    return ChangefeedHandlers.pause(v1(call));
  }

  /** {@code POST …/resume}: v2 resume (an empty body means defaults), 202 {@code {}}. */
  static Response resume(Call call) {
    return ChangefeedHandlers.resume(v1(call));
  }

  /** {@code DELETE …/{id}}: v2 delete, 202 {@code {}}, a missing changefeed 202 {@code null}. */
  static Response delete(Call call) {
    return ChangefeedHandlers.delete(v1(call));
  }

  /** {@code POST …/tables/rebalance_table}: does nothing, no existence check, 202 and no body. */
  static Response rebalanceTables(Call call) {
    return V1ChangefeedHandlers.status(202);
  }

  /**
   * {@code POST …/tables/move_table}: body {@code {"table_id","capture_id"}} (BindJSON), then v2
   * MoveTable: the id is checked and the changefeed must exist; 202 {@code {}}. The fake keeps its
   * own placement for every target.
   */
  static Response moveTable(Call call) {
    call.bind(V1ChangefeedConfig::decodeMoveTable);
    String id = call.path("changefeed_id");
    V1ChangefeedConfig.checkChangefeedId(id);
    call.cluster().existingChangefeed(call.namespace(), id);
    return Response.empty(202);
  }

  /** {@code POST /api/v1/owner/resign}: the coordinator stops, 202 {@code {}}. */
  static Response resignOwner(Call call) {
    return OwnerHandlers.resign(v1(call));
  }

  /** {@code GET /api/v1/processors}: the v2 stub, 200 {@code []}. */
  static Response processors(Call call) {
    return ProcessorHandlers.list(v1(call));
  }

  /** {@code GET /api/v1/processors/{cf}/{capture}}: the v2 stub, 200 {@code {"table_ids":null}}. */
  static Response processor(Call call) {
    return ProcessorHandlers.get(v1(call));
  }

  /** {@code GET /api/v1/captures}: a compact bare array of v2 captures. */
  static Response captures(Call call) {
    return CaptureHandlers.list(v1(call));
  }

  /**
   * {@code PUT /api/v1/captures/drain}: a stub at v26.3.4 (ShouldBindJSON, then no lookup at all):
   * 202 {@code {"current_table_count":0}}, every tenth call on a node 10.
   */
  static Response drainCapture(Call call) {
    try {
      V1ChangefeedConfig.decodeDrainCapture(Json.parse(call.body));
    } catch (Json.SyntaxException e) {
      throw CdcError.API_INVALID_PARAM.wrap(e.getMessage());
    }
    return Response.json(
        202, new DrainCaptureResp(call.cluster().countV1DrainStubCall(call.captureId)));
  }
}
