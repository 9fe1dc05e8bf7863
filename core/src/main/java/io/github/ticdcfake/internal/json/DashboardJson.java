package io.github.ticdcfake.internal.json;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.cluster.RunningError;
import io.github.ticdcfake.cluster.Tso;
import io.github.ticdcfake.fault.FaultRules;
import io.github.ticdcfake.fault.Operation;
import io.github.ticdcfake.fault.RecordedRequest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /__fake/dashboard}: one compact document with everything the status page shows, so the
 * page needs a single request per refresh.
 */
public final class DashboardJson {
  private DashboardJson() {}

  /**
   * The document.
   *
   * @param cluster the cluster
   * @param requestLimit how many of the newest journal entries to include
   */
  public static byte[] render(FakeCluster cluster, int requestLimit) {
    PdClock clock = cluster.clock();
    ZoneId zone = clock.zone();
    long nowMillis = clock.millis();
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("version", cluster.version().version());
    top.put("cluster_id", cluster.clusterId());
    top.put("ready", cluster.isReady());
    top.put("healthy", cluster.isHealthy());

    Map<String, Object> clockJson = new LinkedHashMap<>();
    clockJson.put("mode", clock.isManual() ? "manual" : "system");
    clockJson.put("now_ms", nowMillis);
    clockJson.put("local", GoTime.tsoLocal(Tso.compose(nowMillis, 0), zone));
    clockJson.put("zone", zone.getId());
    top.put("clock", clockJson);

    List<Object> captures = new ArrayList<>();
    for (Capture c : cluster.captures()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("address", c.address());
      m.put("owner", c.owner());
      m.put("alive", c.alive());
      captures.add(m);
    }
    top.put("captures", captures);

    List<Object> changefeeds = new ArrayList<>();
    for (Changefeed cf : cluster.changefeeds()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("namespace", cf.namespace());
      m.put("id", cf.id());
      m.put("state", cf.state().wireName());
      m.put("sink_uri", cf.maskedSinkUri());
      m.put("checkpoint_ts", Json.uint64(cf.checkpointTs()));
      m.put("checkpoint_time", GoTime.tsoLocal(cf.checkpointTs(), zone));
      m.put("lag_ms", Math.max(nowMillis - Tso.physicalMillis(cf.checkpointTs()), 0));
      m.put("error", cf.error().map(e -> error(e, zone)).orElse(null));
      m.put("warning", cf.warning().map(e -> error(e, zone)).orElse(null));
      changefeeds.add(m);
    }
    top.put("changefeeds", changefeeds);

    List<Object> faults = new ArrayList<>();
    List<FaultRules.Progress> progress = cluster.faults().progress();
    for (int i = 0; i < progress.size(); i++) {
      FaultRules.Progress p = progress.get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("index", i + 1);
      m.put("rule", ScenarioJson.renderRule(p.rule()));
      m.put("effect", p.rule().fault().describe());
      m.put("matched", p.matched());
      m.put("fired", p.fired());
      m.put("remaining", p.remaining().isPresent() ? p.remaining().getAsInt() : null);
      faults.add(m);
    }
    top.put("faults", faults);

    List<RecordedRequest> all = cluster.journal().requests();
    List<Object> requests = new ArrayList<>();
    for (RecordedRequest r : all.subList(Math.max(all.size() - requestLimit, 0), all.size())) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sequence", r.sequence());
      m.put("method", r.method());
      m.put("path", r.path());
      m.put("query", r.query());
      m.put("status", r.status());
      m.put("capture_id", r.captureId());
      m.put("operation", r.operation().map(Operation::route).orElse(null));
      m.put("fault", r.fault().orElse(null));
      requests.add(m);
    }
    top.put("requests", requests);
    top.put("requests_total", all.size() + cluster.journal().dropped());
    return Json.compact(top);
  }

  private static Map<String, Object> error(RunningError e, ZoneId zone) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time", GoTime.local(e.time(), zone));
    m.put("addr", e.addr());
    m.put("code", e.code());
    m.put("message", e.message());
    return m;
  }
}
