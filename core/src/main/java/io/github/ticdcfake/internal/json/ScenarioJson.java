package io.github.ticdcfake.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.Scenario;
import io.github.ticdcfake.cluster.ServerPanicException;
import io.github.ticdcfake.cluster.TiCdcVersion;
import io.github.ticdcfake.cluster.UpstreamTable;
import io.github.ticdcfake.fault.ConnectionFault;
import io.github.ticdcfake.fault.Fault;
import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.Operation;
import io.github.ticdcfake.fault.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scenario document (the README's "Scenario file"): parsed into a {@link Scenario} with errors
 * naming the bad field, and rendered from one so that {@code GET /__fake/state} round-trips through
 * {@code --scenario}. Fault rules have the same shape here and in {@code POST /__fake/faults}.
 */
public final class ScenarioJson {
  private static final Set<String> TOP =
      Set.of(
          "captures",
          "version",
          "newarch",
          "pd_endpoints",
          "cluster_id",
          "time_zone",
          "advertise_addr",
          "clock",
          "healthy",
          "ready",
          "gc_safepoint",
          "upstream",
          "changefeeds",
          "faults");
  private static final Set<String> USER = Set.of("user", "password");
  private static final Set<String> CLOCK = Set.of("mode", "now");
  private static final List<String> CHECKPOINT =
      List.of("checkpoint_ts", "resolved_ts", "last_synced_ts", "stalled", "checkpoint_lag_ms");
  private static final Set<String> TABLE =
      Set.of("schema", "table", "table_id", "columns", "primary_key");
  private static final Set<String> ERROR = Set.of("code", "message");
  private static final Set<String> RULE =
      new LinkedHashSet<>(
          List.of(
              "route",
              "changefeed_id",
              "capture_id",
              "after",
              "times",
              "probability",
              "seed",
              "from",
              "until",
              "apply_first",
              "delay_ms",
              "respond",
              "connection"));

  private ScenarioJson() {}

  /**
   * Parses a scenario document.
   *
   * @throws FieldException naming the bad field
   */
  public static Scenario parse(byte[] json) {
    JsonFields top = JsonFields.parse(json, "scenario").allowOnly(TOP);
    Scenario.Builder b = Scenario.builder();
    if (top.has("captures")) {
      b.captures((int) top.integer("captures", 1, 1000));
    }
    boolean newArchitecture = top.bool("newarch", false);
    if (newArchitecture) {
      try {
        b.version(TiCdcVersion.newArchitecture(top.has("version") ? top.string("version") : null));
      } catch (IllegalArgumentException e) {
        throw new FieldException("newarch", e.getMessage());
      }
    } else if (top.has("version")) {
      try {
        b.version(TiCdcVersion.parse(top.string("version")));
      } catch (IllegalArgumentException e) {
        throw new FieldException("version", e.getMessage());
      }
    }
    if (top.has("pd_endpoints")) {
      List<String> endpoints = top.strings("pd_endpoints");
      for (String endpoint : endpoints) {
        if (!endpoint.matches("(?i)https?://[^/\\s]+/?")) {
          throw new FieldException(
              top.pathOf("pd_endpoints"),
              "wants http:// or https:// URLs such as https://127.0.0.1:2379, got '"
                  + endpoint
                  + "'");
        }
      }
      if (endpoints.isEmpty()) {
        throw new FieldException(top.pathOf("pd_endpoints"), "needs at least one endpoint");
      }
      b.pdEndpoints(endpoints);
    }
    if (top.has("cluster_id")) {
      b.clusterId(top.string("cluster_id"));
    }
    if (top.has("time_zone")) {
      String zone = top.string("time_zone");
      try {
        b.timeZone(java.time.ZoneId.of(zone));
      } catch (java.time.DateTimeException e) {
        throw new FieldException(
            top.pathOf("time_zone"), "unknown time zone '" + zone + "'; use e.g. Asia/Shanghai");
      }
    }
    if (top.has("advertise_addr")) {
      String address = top.string("advertise_addr");
      if (address.lastIndexOf(':') <= 0) {
        throw new FieldException(
            top.pathOf("advertise_addr"), "wants HOST:PORT, got '" + address + "'");
      }
      b.advertiseAddress(address);
    }
    if (top.has("clock")) {
      b.clock(clock(top.object("clock")));
    }
    b.healthy(top.bool("healthy", true));
    b.ready(top.bool("ready", true));
    if (top.has("gc_safepoint")) {
      b.gcSafepoint(top.uint64("gc_safepoint"));
    }
    if (top.has("upstream")) {
      JsonFields upstream = top.object("upstream").allowOnly(Set.of("tables", "users"));
      List<Object> tables = upstream.array("tables");
      for (int i = 0; i < tables.size(); i++) {
        b.upstreamTable(table(JsonFields.of("upstream.tables[" + i + "]", tables.get(i))));
      }
      List<Object> users = upstream.array("users");
      for (int i = 0; i < users.size(); i++) {
        JsonFields user = JsonFields.of("upstream.users[" + i + "]", users.get(i)).allowOnly(USER);
        b.upstreamUser(user.string("user"), user.string("password", ""));
      }
    }
    List<Object> changefeeds = top.array("changefeeds");
    for (int i = 0; i < changefeeds.size(); i++) {
      changefeed(b, JsonFields.of("changefeeds[" + i + "]", changefeeds.get(i)));
    }
    List<Object> faults = top.array("faults");
    for (int i = 0; i < faults.size(); i++) {
      b.fault(rule(JsonFields.of("faults[" + i + "]", faults.get(i))));
    }
    return b.build();
  }

  /** An upstream table: {@code schema}, {@code table}, optional id, columns and key. */
  public static UpstreamTable table(JsonFields t) {
    t.allowOnly(TABLE);
    return new UpstreamTable(
        t.string("schema"),
        t.string("table"),
        t.integer("table_id", 1, Long.MAX_VALUE, 0),
        t.strings("columns"),
        t.strings("primary_key"));
  }

  private static Scenario.ClockSeed clock(JsonFields c) {
    c.allowOnly(CLOCK);
    boolean manual =
        switch (c.string("mode")) {
          case "manual" -> true;
          case "system" -> false;
          default ->
              throw new FieldException(
                  c.pathOf("mode"), "expected manual or system, got '" + c.string("mode") + "'");
        };
    return new Scenario.ClockSeed(manual, instant(c, "now"));
  }

  /** A changefeed's {@code checkpoint_ts}, {@code resolved_ts}, stall and lag, all optional. */
  private static Scenario.CheckpointSeed checkpoint(JsonFields cf) {
    long checkpoint = cf.has("checkpoint_ts") ? cf.uint64("checkpoint_ts") : 0;
    long resolved = cf.has("resolved_ts") ? cf.uint64("resolved_ts") : 0;
    long synced = cf.has("last_synced_ts") ? cf.uint64("last_synced_ts") : 0;
    boolean stalled = cf.bool("stalled", false);
    Optional<Duration> lag =
        cf.has("checkpoint_lag_ms")
            ? Optional.of(Duration.ofMillis(cf.integer("checkpoint_lag_ms", 0, Long.MAX_VALUE)))
            : Optional.empty();
    if (stalled && lag.isPresent()) {
      throw new FieldException(
          cf.pathOf("checkpoint_lag_ms"), "a stalled checkpoint has no lag: give one of them");
    }
    if (checkpoint != 0 && resolved != 0 && Long.compareUnsigned(resolved, checkpoint) < 0) {
      throw new FieldException(cf.pathOf("resolved_ts"), "must not be below checkpoint_ts");
    }
    return new Scenario.CheckpointSeed(checkpoint, resolved, synced, stalled, lag);
  }

  private static void changefeed(Scenario.Builder b, JsonFields cf) {
    Scenario.CheckpointSeed checkpoint = checkpoint(cf);
    Map<String, Object> body = cf.raw();
    body.remove("state");
    body.remove("error");
    CHECKPOINT.forEach(body::remove);
    ChangefeedSpec spec;
    try {
      spec = ChangefeedSpec.decodeCreate(body);
    } catch (CdcException e) {
      throw new FieldException(cf.path(), e.getMessage());
    } catch (ServerPanicException e) {
      throw new FieldException(cf.pathOf("replica_config"), "must not be null");
    }
    ChangefeedState state = ChangefeedState.NORMAL;
    if (cf.has("state")) {
      state = ChangefeedState.fromWireName(cf.string("state"));
      if (state == null) {
        throw new FieldException(
            cf.pathOf("state"),
            "unknown state '"
                + cf.string("state")
                + "'; one of "
                + Arrays.stream(ChangefeedState.values()).map(ChangefeedState::wireName).toList());
      }
    }
    b.changefeed(spec, state, cf.has("error") ? error(cf.object("error")) : null, checkpoint);
  }

  /** A changefeed error: {@code {"code": "CDC:Err…", "message": "…"}}. */
  public static CdcException error(JsonFields e) {
    e.allowOnly(ERROR);
    return CdcException.of(e.string("code"), e.string("message", ""));
  }

  /**
   * A fault rule, as in the scenario's {@code faults} and {@code POST /__fake/faults}.
   *
   * @throws FieldException naming the bad field
   */
  public static FaultRule rule(JsonFields r) {
    r.allowOnly(RULE);
    FaultRule.Builder b = route(r);
    if (r.has("changefeed_id")) {
      b.forChangefeed(r.string("changefeed_id"));
    }
    if (r.has("capture_id")) {
      b.onCapture(r.string("capture_id"));
    }
    b.after((int) r.integer("after", 0, Integer.MAX_VALUE, 0));
    if (r.has("times")) {
      b.times((int) r.integer("times", 1, Integer.MAX_VALUE));
    }
    if (r.has("probability")) {
      double p = r.number("probability");
      if (!(p >= 0 && p <= 1)) {
        throw new FieldException(r.pathOf("probability"), "must be 0..1, got " + p);
      }
      b.withProbability(p, r.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 0));
    } else if (r.has("seed")) {
      throw new FieldException(r.pathOf("seed"), "only meaningful with probability");
    }
    if (r.has("from") || r.has("until")) {
      Instant from = instant(r, "from");
      Instant until = instant(r, "until");
      if (!until.isAfter(from)) {
        throw new FieldException(r.pathOf("until"), "must be after from");
      }
      b.between(from, until);
    }
    if (r.bool("apply_first", false)) {
      b.applyFirst();
    }
    return b.inject(effect(r));
  }

  private static Instant instant(JsonFields r, String key) {
    try {
      return Instant.parse(r.string(key));
    } catch (DateTimeParseException e) {
      throw new FieldException(
          r.pathOf(key), "expected an RFC 3339 instant such as 2024-05-20T02:00:00Z");
    }
  }

  private static FaultRule.Builder route(JsonFields r) {
    List<String> routes;
    Object value = r.value("route");
    if (value instanceof List<?>) {
      routes = r.strings("route");
    } else {
      routes = List.of(r.string("route"));
    }
    if (routes.isEmpty()) {
      throw new FieldException(r.pathOf("route"), "needs at least one route");
    }
    if (routes.equals(List.of("*"))) {
      return FaultRule.onAnyOperation();
    }
    List<Operation> operations = new ArrayList<>();
    for (String route : routes) {
      Operation operation = Operation.fromRoute(route);
      if (operation == null) {
        throw new FieldException(
            r.pathOf("route"),
            "unknown route '"
                + route
                + "'; use \"*\" or \"METHOD /template\" such as \""
                + Operation.PAUSE_CHANGEFEED.route()
                + "\"");
      }
      operations.add(operation);
    }
    return FaultRule.on(
        operations.get(0), operations.subList(1, operations.size()).toArray(new Operation[0]));
  }

  private static Fault effect(JsonFields r) {
    Fault inner = null;
    if (r.has("respond") && r.has("connection")) {
      throw new FieldException(r.pathOf("connection"), "a rule has either respond or connection");
    }
    if (r.has("respond")) {
      JsonFields respond = r.object("respond");
      int status = (int) respond.integer("status", 100, 599);
      if (respond.has("body")) {
        respond.allowOnly(Set.of("status", "body"));
        inner = Fault.status(status, respond.string("body"));
      } else {
        respond.allowOnly(Set.of("status", "error_code", "error_msg"));
        inner = Fault.error(status, respond.string("error_code"), respond.string("error_msg", ""));
      }
    } else if (r.has("connection")) {
      inner = ConnectionFault.fromWireName(r.string("connection"));
      if (inner == null) {
        throw new FieldException(
            r.pathOf("connection"),
            "unknown connection fault '"
                + r.string("connection")
                + "'; one of "
                + Arrays.stream(ConnectionFault.values()).map(ConnectionFault::wireName).toList());
      }
    }
    if (r.has("delay_ms")) {
      Duration delay = Duration.ofMillis(r.integer("delay_ms", 0, 24L * 3600 * 1000));
      return inner == null ? Fault.delay(delay) : Fault.delay(delay, inner);
    }
    if (inner == null) {
      throw new FieldException(
          r.pathOf("respond"), "a rule needs an effect: respond, connection or delay_ms");
    }
    return inner;
  }

  // ---- rendering ------------------------------------------------------------------------------

  /** The scenario as a document, 4-space indented. */
  public static byte[] render(Scenario scenario) {
    Map<String, Object> top = new LinkedHashMap<>();
    scenario.captures().ifPresent(n -> top.put("captures", n));
    scenario.version().ifPresent(v -> top.put("version", v.version()));
    scenario
        .version()
        .filter(TiCdcVersion::isNewArchitecture)
        .ifPresent(v -> top.put("newarch", true));
    if (!scenario.pdEndpoints().isEmpty()) {
      top.put("pd_endpoints", scenario.pdEndpoints());
    }
    scenario.clusterId().ifPresent(id -> top.put("cluster_id", id));
    scenario.timeZone().ifPresent(zone -> top.put("time_zone", zone.getId()));
    scenario.advertiseAddress().ifPresent(a -> top.put("advertise_addr", a));
    scenario
        .clock()
        .ifPresent(
            c -> {
              Map<String, Object> clock = new LinkedHashMap<>();
              clock.put("mode", c.manual() ? "manual" : "system");
              clock.put("now", c.now().toString());
              top.put("clock", clock);
            });
    top.put("healthy", scenario.healthy());
    top.put("ready", scenario.ready());
    top.put("gc_safepoint", Json.uint64(scenario.gcSafepoint()));
    List<Object> tables = new ArrayList<>();
    for (UpstreamTable t : scenario.upstreamTables()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("schema", t.schema());
      m.put("table", t.table());
      if (t.tableId() != 0) {
        m.put("table_id", t.tableId());
      }
      m.put("columns", t.columns());
      if (!t.primaryKey().isEmpty()) {
        m.put("primary_key", t.primaryKey());
      }
      tables.add(m);
    }
    Map<String, Object> upstream = new LinkedHashMap<>();
    upstream.put("tables", tables);
    if (!scenario.upstreamUsers().isEmpty()) {
      List<Object> users = new ArrayList<>();
      scenario
          .upstreamUsers()
          .forEach(
              (user, password) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("user", user);
                m.put("password", password);
                users.add(m);
              });
      upstream.put("users", users);
    }
    top.put("upstream", upstream);
    List<Object> changefeeds = new ArrayList<>();
    for (Scenario.ChangefeedSeed seed : scenario.changefeeds()) {
      ChangefeedSpec spec = seed.spec();
      Map<String, Object> m = new LinkedHashMap<>();
      if (!spec.namespace().isEmpty()) {
        m.put("namespace", spec.namespace());
      }
      m.put("changefeed_id", spec.changefeedId());
      m.put("sink_uri", spec.sinkUri());
      if (spec.startTs() != 0) {
        m.put("start_ts", Json.uint64(spec.startTs()));
      }
      if (spec.targetTs() != 0) {
        m.put("target_ts", Json.uint64(spec.targetTs()));
      }
      spec.replicaConfig().ifPresent(c -> m.put("replica_config", c));
      m.put("state", seed.state().wireName());
      seed.error()
          .ifPresent(
              e -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", e.errorCode());
                error.put("message", e.text());
                m.put("error", error);
              });
      Scenario.CheckpointSeed checkpoint = seed.checkpoint();
      if (checkpoint.checkpointTs() != 0) {
        m.put("checkpoint_ts", Json.uint64(checkpoint.checkpointTs()));
      }
      if (checkpoint.resolvedTs() != 0) {
        m.put("resolved_ts", Json.uint64(checkpoint.resolvedTs()));
      }
      if (checkpoint.lastSyncedTs() != 0) {
        m.put("last_synced_ts", Json.uint64(checkpoint.lastSyncedTs()));
      }
      if (checkpoint.stalled()) {
        m.put("stalled", true);
      }
      checkpoint.lag().ifPresent(lag -> m.put("checkpoint_lag_ms", lag.toMillis()));
      changefeeds.add(m);
    }
    top.put("changefeeds", changefeeds);
    top.put("faults", scenario.faults().stream().map(ScenarioJson::renderRule).toList());
    return Json.indented(top);
  }

  /** A fault rule in the scenario's shape. */
  public static Map<String, Object> renderRule(FaultRule rule) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<String> routes = rule.operations().stream().map(Operation::route).toList();
    m.put("route", routes.isEmpty() ? "*" : routes.size() == 1 ? routes.get(0) : routes);
    rule.changefeedId().ifPresent(id -> m.put("changefeed_id", id));
    rule.captureId().ifPresent(id -> m.put("capture_id", id));
    if (rule.after() > 0) {
      m.put("after", rule.after());
    }
    rule.times().ifPresent(n -> m.put("times", n));
    rule.probability()
        .ifPresent(
            p -> {
              m.put("probability", p);
              m.put("seed", rule.seed());
            });
    rule.from().ifPresent(t -> m.put("from", t.toString()));
    rule.until().ifPresent(t -> m.put("until", t.toString()));
    if (rule.applyFirst()) {
      m.put("apply_first", true);
    }
    Fault effect = rule.fault();
    if (effect instanceof Fault.Delay delay) {
      m.put("delay_ms", delay.duration().toMillis());
      effect = delay.then().orElse(null);
    }
    if (effect instanceof Fault.ErrorResponse e) {
      Map<String, Object> respond = new LinkedHashMap<>();
      respond.put("status", e.status());
      respond.put("error_code", e.errorCode());
      respond.put("error_msg", e.errorMessage());
      m.put("respond", respond);
    } else if (effect instanceof Fault.RawResponse raw) {
      Map<String, Object> respond = new LinkedHashMap<>();
      respond.put("status", raw.status());
      respond.put("body", raw.body());
      m.put("respond", respond);
    } else if (effect instanceof ConnectionFault c) {
      m.put("connection", c.wireName());
    }
    return m;
  }

  /**
   * The journal as {@code GET /__fake/requests} shows it, newest last: compact JSON (like the other
   * admin answers) written in one streaming pass, so that a full journal of 10 000 entries stays
   * quick.
   *
   * @param requests the page to show
   * @param kept how many entries the journal keeps ({@code total})
   * @param lastSequence the newest entry's sequence, for the next {@code ?since=}
   * @param dropped how many entries the journal dropped when full
   */
  public static byte[] renderRequests(
      List<RecordedRequest> requests, int kept, long lastSequence, long dropped) {
    long bodies = 0;
    for (RecordedRequest r : requests) {
      bodies += r.body().length();
    }
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(
            (int) Math.min(Integer.MAX_VALUE - 8, 64 + bodies + 400L * requests.size()));
    try (JsonGenerator g = Json.generator(out)) {
      g.writeStartObject();
      g.writeNumberField("total", kept);
      g.writeNumberField("last_sequence", lastSequence);
      g.writeNumberField("dropped", dropped);
      g.writeArrayFieldStart("items");
      for (RecordedRequest r : requests) {
        g.writeStartObject();
        g.writeNumberField("sequence", r.sequence());
        g.writeStringField("method", r.method());
        g.writeStringField("path", r.path());
        g.writeStringField("query", r.query());
        g.writeObjectFieldStart("headers");
        for (Map.Entry<String, List<String>> header : r.headers().entrySet()) {
          g.writeArrayFieldStart(header.getKey());
          for (String value : header.getValue()) {
            g.writeString(value);
          }
          g.writeEndArray();
        }
        g.writeEndObject();
        g.writeStringField("body", r.body());
        g.writeNumberField("body_size", r.bodySize());
        g.writeBooleanField("body_truncated", r.bodyTruncated());
        g.writeNumberField("status", r.status());
        g.writeStringField("capture_id", r.captureId());
        g.writeStringField("operation", r.operation().map(Operation::route).orElse(null));
        g.writeStringField("changefeed_id", r.changefeedId().orElse(null));
        g.writeStringField("fault", r.fault().orElse(null));
        g.writeNumberField("time_ms", r.time().toEpochMilli());
        g.writeNumberField("pd_time_ms", r.pdTime().toEpochMilli());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
