package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.cluster.ServerPanicException;
import io.github.ticdcfake.cluster.UpstreamTable;
import io.github.ticdcfake.fault.Journal;
import io.github.ticdcfake.fault.RecordedRequest;
import io.github.ticdcfake.internal.json.FieldException;
import io.github.ticdcfake.internal.json.JsonFields;
import io.github.ticdcfake.internal.json.ScenarioJson;
import io.github.ticdcfake.internal.json.v2.CaptureJson;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /__fake} admin API (see the README): each handler parses its body strictly and calls
 * the same {@link FakeCluster} operation the Java API offers.
 */
final class AdminHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(AdminHandlers.class);

  private AdminHandlers() {}

  /**
   * An admin request: the cluster, path parameters, {@code ?namespace=}, the query and the body.
   */
  record AdminCall(
      FakeCluster cluster,
      Map<String, String> params,
      String namespace,
      Map<String, List<String>> query,
      byte[] body) {
    /** The admin view of a routed call. */
    static AdminCall of(Call call) {
      return new AdminCall(
          call.cluster(),
          call.pathParams,
          call.namespace(),
          Map.of("limit", call.queryValues("limit"), "since", call.queryValues("since")),
          call.body);
    }

    /** A non-negative integer query parameter (the first if repeated), or {@code absent}. */
    long nonNegative(String name, long absent) {
      List<String> values = query.get(name);
      if (values == null || values.isEmpty()) {
        return absent;
      }
      String value = values.get(0);
      try {
        long n = Long.parseLong(value);
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // answered below
      }
      throw new AdminException(
          400,
          "FAKE:ErrInvalidQuery",
          name + ": expected a non-negative integer, got '" + value + "'");
    }

    JsonFields json(Set<String> known) {
      if (body.length == 0) {
        return JsonFields.of("body", Map.of()).allowOnly(known);
      }
      return JsonFields.parse(body, "body").allowOnly(known);
    }
  }

  /** An admin failure: status and a {@code FAKE:} code. */
  static final class AdminException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    AdminException(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }

  static Response ok(Object body) {
    return Response.json(200, body);
  }

  static Response error(int status, String code, String message) {
    return ErrorMapper.envelope(status, Response.JSON, "[" + code + "]" + message, code);
  }

  /**
   * Maps admin failures, always to a {@code FAKE:} code: bad fields 400, unknown things 404,
   * conflicts 409. A TiCDC error the domain raises on an admin route is named in the message, never
   * answered as TiCDC's own code: {@code /__fake} is not TiCDC's API.
   */
  static Response toResponse(Throwable failure) {
    if (failure instanceof AdminException e) {
      return error(e.status, e.code, e.getMessage());
    }
    if (failure instanceof FieldException e) {
      return error(400, "FAKE:ErrInvalidField", e.getMessage());
    }
    if (failure instanceof IllegalArgumentException || failure instanceof IllegalStateException) {
      return error(400, "FAKE:ErrInvalidRequest", failure.getMessage());
    }
    if (failure instanceof CdcException e) {
      return error(400, "FAKE:ErrRejected", "the fake refuses this: " + e.errorMessage());
    }
    LOG.error("ticdc-fake failed to answer an admin request", failure);
    return error(500, "FAKE:ErrInternal", "the fake failed: " + failure);
  }

  /**
   * Runs a {@code /__fake/changefeeds/{id}/...} operation, naming the changefeed of the path when
   * the domain finds it missing or its id invalid.
   */
  private static void onChangefeed(AdminCall call, Runnable operation) {
    try {
      operation.run();
    } catch (CdcException e) {
      String id = call.params().get("id");
      if (e.errorCode().equals(CdcError.CHANGEFEED_NOT_EXISTS.code())) {
        throw new AdminException(
            404, "FAKE:ErrChangefeedNotFound", "no changefeed " + call.namespace() + "/" + id);
      }
      if (e.errorCode().equals(CdcError.API_INVALID_PARAM.code())) {
        throw new AdminException(
            400,
            "FAKE:ErrInvalidChangefeedId",
            "invalid changefeed id '"
                + id
                + "': letters and digits, in groups joined by single '-'");
      }
      throw e;
    }
  }

  // ---- handlers -------------------------------------------------------------------------------

  /** {@code POST /__fake/reset}. */
  static Response reset(AdminCall call) {
    call.cluster().reset();
    return ok(Map.of());
  }

  /** {@code GET /__fake/state}: the cluster as a scenario document. */
  static Response state(AdminCall call) {
    return new Response(
        200, Response.JSON, ScenarioJson.render(call.cluster().currentScenario()), null);
  }

  /**
   * {@code GET /__fake/requests}: the journal, newest last; {@code ?since=SEQ} keeps entries
   * numbered above SEQ, {@code ?limit=N} the newest N of those.
   */
  static Response requests(AdminCall call) {
    long since = call.nonNegative("since", 0);
    long limit = call.nonNegative("limit", Integer.MAX_VALUE);
    Journal journal = call.cluster().journal();
    List<RecordedRequest> page = journal.page(since, (int) Math.min(limit, Integer.MAX_VALUE));
    int kept = journal.size();
    long last = journal.lastSequence();
    long dropped = journal.dropped();
    return new Response(
        200, Response.JSON, ScenarioJson.renderRequests(page, kept, last, dropped), null);
  }

  /** {@code POST /__fake/faults}: one rule, shaped as in the scenario file. */
  static Response addFault(AdminCall call) {
    JsonFields body = JsonFields.parse(call.body(), "body");
    call.cluster().faults().add(ScenarioJson.rule(body));
    return ok(Map.of("rules", call.cluster().faults().rules().size()));
  }

  /** {@code GET /__fake/faults}: the rules in order. */
  static Response listFaults(AdminCall call) {
    return ok(call.cluster().faults().rules().stream().map(ScenarioJson::renderRule).toList());
  }

  /** {@code DELETE /__fake/faults}. */
  static Response clearFaults(AdminCall call) {
    call.cluster().faults().clear();
    return ok(Map.of());
  }

  /**
   * {@code POST /__fake/changefeeds}: a create body plus optional {@code state} and {@code error}.
   */
  static Response seedChangefeed(AdminCall call) {
    JsonFields body = JsonFields.parse(call.body(), "body");
    // the forced state is checked before anything is created, so a bad seed leaves no changefeed
    ForcedState forced = body.has("state") || body.has("error") ? forcedState(body) : null;
    Map<String, Object> create = body.raw();
    create.remove("state");
    create.remove("error");
    ChangefeedSpec spec;
    try {
      spec = ChangefeedSpec.decodeCreate(create);
    } catch (ServerPanicException e) {
      throw new FieldException("replica_config", "must not be null");
    }
    Changefeed created;
    try {
      created = call.cluster().createChangefeed(spec);
    } catch (CdcException e) {
      String ns = spec.namespace().isEmpty() ? FakeCluster.DEFAULT_NAMESPACE : spec.namespace();
      String name = ns + "/" + spec.changefeedId();
      if (e.errorCode().equals(CdcError.CHANGEFEED_ALREADY_EXISTS.code())) {
        throw new AdminException(
            409, "FAKE:ErrChangefeedExists", "changefeed " + name + " already exists");
      }
      throw new AdminException(
          400,
          "FAKE:ErrChangefeedRejected",
          "TiCDC would refuse to create changefeed " + name + ": " + e.errorMessage());
    }
    if (forced != null) {
      call.cluster().forceState(created.namespace(), created.id(), forced.state(), forced.error());
    }
    return ok(Map.of("changefeed_id", created.id()));
  }

  /** {@code POST /__fake/changefeeds/{id}/state}: {@code {"state": "...", "error": {...}}}. */
  static Response changefeedState(AdminCall call) {
    ForcedState forced = forcedState(call.json(Set.of("state", "error")));
    onChangefeed(
        call,
        () ->
            call.cluster()
                .forceState(
                    call.namespace(), call.params().get("id"), forced.state(), forced.error()));
    return ok(Map.of());
  }

  private record ForcedState(ChangefeedState state, CdcException error) {}

  private static ForcedState forcedState(JsonFields body) {
    String name = body.string("state");
    ChangefeedState state = ChangefeedState.fromWireName(name);
    if (state == null) {
      throw new FieldException(
          "state",
          "unknown state '"
              + name
              + "'; one of "
              + Arrays.stream(ChangefeedState.values()).map(ChangefeedState::wireName).toList());
    }
    CdcException error = body.has("error") ? ScenarioJson.error(body.object("error")) : null;
    return new ForcedState(state, error);
  }

  /**
   * {@code POST /__fake/changefeeds/{id}/checkpoint}: {@code checkpoint_ts}, {@code lag_ms} or
   * {@code stalled}.
   */
  static Response checkpoint(AdminCall call) {
    JsonFields body = call.json(Set.of("checkpoint_ts", "lag_ms", "stalled"));
    String ns = call.namespace();
    String id = call.params().get("id");
    FakeCluster cluster = call.cluster();
    int given =
        (body.has("checkpoint_ts") ? 1 : 0)
            + (body.has("lag_ms") ? 1 : 0)
            + (body.has("stalled") ? 1 : 0);
    if (given != 1) {
      throw new FieldException("body", "give exactly one of checkpoint_ts, lag_ms, stalled");
    }
    if (body.has("checkpoint_ts")) {
      long ts = body.uint64("checkpoint_ts");
      onChangefeed(call, () -> cluster.setCheckpoint(ns, id, ts));
    } else if (body.has("lag_ms")) {
      Duration lag = Duration.ofMillis(body.integer("lag_ms", 0, Long.MAX_VALUE));
      onChangefeed(call, () -> cluster.setCheckpointLag(ns, id, lag));
    } else {
      boolean stalled = body.bool("stalled", true);
      onChangefeed(call, () -> cluster.setCheckpointStalled(ns, id, stalled));
    }
    return ok(Map.of());
  }

  /**
   * {@code POST /__fake/owner}: {@code {"capture_id": "..."}} elects it, {@code {}} resigns; {@code
   * election_delay_ms} sets the no-owner window of later resigns.
   */
  static Response owner(AdminCall call) {
    JsonFields body = call.json(Set.of("capture_id", "election_delay_ms"));
    FakeCluster cluster = call.cluster();
    if (body.has("election_delay_ms")) {
      cluster.setOwnerElectionDelay(
          Duration.ofMillis(body.integer("election_delay_ms", 0, Long.MAX_VALUE)));
      if (!body.has("capture_id")) {
        return ok(Map.of());
      }
    }
    if (body.has("capture_id")) {
      String id = body.string("capture_id");
      Capture capture =
          cluster
              .capture(id)
              .orElseThrow(
                  () ->
                      new AdminException(
                          404, "FAKE:ErrCaptureNotFound", "capture_id: no capture " + id));
      if (!capture.alive()) {
        throw new AdminException(
            409, "FAKE:ErrCaptureNotAlive", "capture_id: capture " + id + " was killed");
      }
      try {
        cluster.electOwner(id);
      } catch (CdcException e) {
        // killed between the check and the election
        throw new AdminException(
            409, "FAKE:ErrCaptureNotAlive", "capture_id: capture " + id + " was killed");
      }
    } else {
      cluster.resignOwner();
    }
    return ok(Map.of());
  }

  /** {@code POST /__fake/captures}: a new capture on a new port. */
  static Response addCapture(AdminCall call) {
    call.json(Set.of());
    return ok(CaptureJson.from(call.cluster().addCapture()));
  }

  /** {@code DELETE /__fake/captures/{id}}: kills it. */
  static Response killCapture(AdminCall call) {
    String id = call.params().get("id");
    if (call.cluster().capture(id).isEmpty()) {
      throw new AdminException(404, "FAKE:ErrCaptureNotFound", "capture_id: no capture " + id);
    }
    call.cluster().killCapture(id);
    return ok(Map.of());
  }

  /** {@code POST /__fake/captures/{id}/restart}: a new capture on the old one's address. */
  static Response restartCapture(AdminCall call) {
    call.json(Set.of());
    String id = call.params().get("id");
    if (call.cluster().capture(id).isEmpty()) {
      throw new AdminException(404, "FAKE:ErrCaptureNotFound", "capture_id: no capture " + id);
    }
    return ok(CaptureJson.from(call.cluster().restartCapture(id)));
  }

  /** {@code POST /__fake/clock}: {@code advance_ms} or {@code mode}. */
  static Response clock(AdminCall call) {
    JsonFields body = call.json(Set.of("advance_ms", "mode"));
    PdClock clock = call.cluster().clock();
    if (body.has("mode")) {
      switch (body.string("mode")) {
        case "manual" -> clock.useManualMode();
        case "system" -> clock.useSystemMode();
        default -> throw new FieldException("mode", "expected manual or system");
      }
    }
    if (body.has("advance_ms")) {
      clock.advance(Duration.ofMillis(body.integer("advance_ms", 0, Long.MAX_VALUE)));
    }
    if (body.isEmpty()) {
      throw new FieldException("body", "give advance_ms or mode");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mode", clock.isManual() ? "manual" : "system");
    out.put("now_ms", clock.millis());
    return ok(out);
  }

  /** {@code POST /__fake/health}: {@code healthy} and (beyond the contract) {@code ready}. */
  static Response health(AdminCall call) {
    JsonFields body = call.json(Set.of("healthy", "ready"));
    if (body.isEmpty()) {
      throw new FieldException("healthy", "required");
    }
    if (body.has("healthy")) {
      call.cluster().setHealthy(body.bool("healthy", true));
    }
    if (body.has("ready")) {
      call.cluster().setReady(body.bool("ready", true));
    }
    return ok(Map.of());
  }

  /** {@code POST /__fake/gc_safepoint}: {@code {"gc_safepoint": TSO}}. */
  static Response gcSafepoint(AdminCall call) {
    JsonFields body = call.json(Set.of("gc_safepoint"));
    call.cluster().setGcSafepoint(body.uint64("gc_safepoint"));
    return ok(Map.of());
  }

  /** {@code POST /__fake/upstream/tables}: one table, shaped as in the scenario file. */
  static Response addUpstreamTable(AdminCall call) {
    UpstreamTable t = ScenarioJson.table(JsonFields.parse(call.body(), "body"));
    UpstreamTable added =
        call.cluster()
            .addUpstreamTable(t.schema(), t.table(), t.tableId(), t.columns(), t.primaryKey());
    return ok(Map.of("table_id", added.tableId()));
  }
}
