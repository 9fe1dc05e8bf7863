package io.github.ticdcfake.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.Operation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many clients hammer one three-capture cluster with mixed operations while the owner moves and
 * faults fire; afterwards every changefeed's history must be explainable by some sequential order
 * of its operations (a Wing–Gong linearizability check per changefeed, which suffices because
 * linearizability is compositional across independent objects).
 */
class StressTest {
  private static final int THREADS = 6;
  private static final int OPS_PER_THREAD = 150;
  private static final List<String> IDS = List.of("cf-a", "cf-b", "cf-c", "cf-d");

  enum Op {
    CREATE,
    DELETE,
    PAUSE,
    RESUME,
    GET,
    UPDATE
  }

  /** One completed operation on one changefeed, as the client saw it. */
  record Event(Op op, long invoked, long returned, int status, String code, String state) {}

  @Test
  void concurrentHistoriesAreLinearizableAndNothingHangs() throws Exception {
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().captures(3).seed(11).start()) {
      server
          .cluster()
          .faults()
          .add(
              FaultRule.on(Operation.LIST_CHANGEFEEDS)
                  .withProbability(0.3, 42)
                  .inject(CdcError.PD_ETCD_API_ERROR.asFault()));
      List<TestHttp> clients = new ArrayList<>();
      for (URI url : server.captureUrls()) {
        clients.add(TestHttp.pooled(url));
      }
      Map<String, ConcurrentLinkedQueue<Event>> histories = new TreeMap<>();
      IDS.forEach(id -> histories.put(id, new ConcurrentLinkedQueue<>()));
      AtomicInteger unexpected = new AtomicInteger();
      List<String> failures = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger update = new AtomicInteger();

      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      for (int t = 0; t < THREADS; t++) {
        long seed = 1000 + t;
        pool.submit(
            () -> {
              Random random = new Random(seed);
              start.await();
              for (int i = 0; i < OPS_PER_THREAD; i++) {
                TestHttp http = clients.get(random.nextInt(clients.size()));
                int dice = random.nextInt(20);
                if (dice == 0) {
                  expect(http.post("/api/v2/owner/resign", null), 200, failures);
                  continue;
                }
                if (dice == 1) {
                  int status = http.get("/api/v2/changefeeds?state=all").status();
                  if (status != 200 && status != 500) {
                    failures.add("list answered " + status);
                  }
                  continue;
                }
                if (dice == 2) {
                  expect(http.get("/api/v2/processors"), 200, failures);
                  continue;
                }
                String id = IDS.get(random.nextInt(IDS.size()));
                Op op = Op.values()[random.nextInt(Op.values().length)];
                long invoked = System.nanoTime();
                Reply reply = send(http, op, id, update);
                long returned = System.nanoTime();
                JsonNode json = reply.body().isEmpty() ? null : reply.json();
                String code =
                    json != null && json.has("error_code") ? json.get("error_code").asText() : "";
                String state =
                    op == Op.GET && reply.status() == 200 ? json.get("state").asText() : "";
                if (reply.header("X-Fake-Internal-Error") != null) {
                  unexpected.incrementAndGet();
                }
                histories
                    .get(id)
                    .add(new Event(op, invoked, returned, reply.status(), code, state));
              }
              return null;
            });
      }
      start.countDown();
      pool.shutdown();
      if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
        pool.shutdownNow();
        throw new AssertionError("stress run did not finish; threads:\n" + threadDump());
      }

      assertThat(failures).isEmpty();
      assertThat(unexpected).hasValue(0);
      for (Map.Entry<String, ConcurrentLinkedQueue<Event>> entry : histories.entrySet()) {
        List<Event> history = new ArrayList<>(entry.getValue());
        assertThat(Linearizability.check(history))
            .as("history of %s (%d operations) is linearizable", entry.getKey(), history.size())
            .isTrue();
      }
      HostileInputTest.assertClusterIsValid(server.cluster());
      assertThat(server.cluster().owner()).map(Capture::alive).contains(true);
    }
  }

  @Test
  void checkerRejectsAHistoryNoSequentialOrderExplains() {
    // create, then pause returns, then a later GET still sees "normal": impossible.
    List<Event> impossible =
        List.of(
            new Event(Op.CREATE, 0, 10, 200, "", ""),
            new Event(Op.PAUSE, 20, 30, 200, "", ""),
            new Event(Op.GET, 40, 50, 200, "", "normal"));
    List<Event> concurrent =
        List.of(
            new Event(Op.CREATE, 0, 10, 200, "", ""),
            new Event(Op.PAUSE, 20, 60, 200, "", ""),
            new Event(Op.GET, 40, 50, 200, "", "normal"));

    assertThat(Linearizability.check(impossible)).isFalse();
    assertThat(Linearizability.check(concurrent)).isTrue();
  }

  private static Reply send(TestHttp http, Op op, String id, AtomicInteger update) {
    String path = "/api/v2/changefeeds/" + id;
    return switch (op) {
      case CREATE ->
          http.post(
              "/api/v2/changefeeds",
              "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"}");
      case DELETE -> http.delete(path);
      case PAUSE -> http.post(path + "/pause", null);
      case RESUME -> http.post(path + "/resume", "{}");
      case GET -> http.get(path);
      case UPDATE ->
          http.put(path, "{\"sink_uri\":\"blackhole://?v=" + update.incrementAndGet() + "\"}");
    };
  }

  private static void expect(Reply reply, int status, List<String> failures) {
    if (reply.status() != status) {
      failures.add("expected " + status + " but got " + reply.status() + ": " + reply.body());
    }
  }

  private static String threadDump() {
    StringBuilder out = new StringBuilder();
    for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      out.append(info);
    }
    return out.toString();
  }

  /** Wing & Gong's search for a sequential order that respects real time and the model. */
  static final class Linearizability {
    /** The model: whether the changefeed exists and whether it is stopped. */
    record Model(boolean exists, boolean stopped) {}

    private Linearizability() {}

    static boolean check(List<Event> history) {
      List<Event> events = new ArrayList<>(history);
      events.sort((a, b) -> Long.compare(a.invoked(), b.invoked()));
      return search(events, new BitSet(), new Model(false, false), new HashSet<>());
    }

    private static boolean search(List<Event> events, BitSet done, Model model, Set<String> seen) {
      if (done.cardinality() == events.size()) {
        return true;
      }
      String key = done + "|" + model;
      if (!seen.add(key)) {
        return false;
      }
      long firstReturn = Long.MAX_VALUE;
      for (int i = done.nextClearBit(0); i < events.size(); i = done.nextClearBit(i + 1)) {
        firstReturn = Math.min(firstReturn, events.get(i).returned());
      }
      for (int i = done.nextClearBit(0); i < events.size(); i = done.nextClearBit(i + 1)) {
        Event event = events.get(i);
        if (event.invoked() > firstReturn) {
          break; // everything later started after some pending operation had returned
        }
        Model next = apply(model, event);
        if (next != null) {
          done.set(i);
          if (search(events, done, next, seen)) {
            return true;
          }
          done.clear(i);
        }
      }
      return false;
    }

    /** The model after {@code event}, or {@code null} if the answer is impossible in {@code m}. */
    static Model apply(Model m, Event e) {
      boolean missing = e.status() == 400 && e.code().equals("CDC:ErrChangeFeedNotExists");
      return switch (e.op()) {
        case CREATE ->
            !m.exists() && e.status() == 200
                ? new Model(true, false)
                : m.exists() && e.code().equals("CDC:ErrChangeFeedAlreadyExists") ? m : null;
        case DELETE -> e.status() == 200 ? new Model(false, false) : null;
        case PAUSE ->
            m.exists() && e.status() == 200
                ? new Model(true, true)
                : !m.exists() && missing ? m : null;
        case RESUME ->
            m.exists() && e.status() == 200
                ? new Model(true, false)
                : !m.exists() && missing ? m : null;
        case GET ->
            m.exists() && e.status() == 200 && e.state().equals(m.stopped() ? "stopped" : "normal")
                ? m
                : !m.exists() && missing ? m : null;
        case UPDATE -> {
          if (!m.exists()) {
            yield missing ? m : null;
          }
          if (!m.stopped()) {
            yield e.code().equals("CDC:ErrChangefeedUpdateRefused") ? m : null;
          }
          yield e.status() == 200 ? m : null;
        }
      };
    }
  }
}
