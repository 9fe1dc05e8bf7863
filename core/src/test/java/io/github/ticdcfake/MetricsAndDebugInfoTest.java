package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.fault.Fault;
import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.Operation;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} and {@code GET /debug/info}: TiCDC's series and dump, driven by the
 * cluster's state and PD clock, checked with a small parser of the text exposition format.
 */
class MetricsAndDebugInfoTest {
  private static final Instant START = Instant.parse("2024-05-20T02:00:00Z");
  private final PdClock clock = PdClock.manual(START);
  private final FakeTiCdcServer server = FakeTiCdcServer.builder().captures(2).clock(clock).start();
  private final FakeCluster cluster = server.cluster();
  private final URI owner = server.url();
  private final URI other = server.url(cluster.captures().get(1).id());

  @AfterEach
  void close() {
    server.close();
  }

  private void create(String id) {
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId(id).sinkUri("blackhole://").build());
  }

  private static Exposition scrape(URI base) {
    HttpResponse<String> response = TestHttp.pooled(base).get("/metrics").raw();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8; escaping=underscores");
    return Exposition.parse(response.body());
  }

  @Test
  void aLaggingChangefeedShowsItsLagInSecondsOnTheOwner() {
    create("cf-1");
    cluster.setCheckpointLag(FakeCluster.DEFAULT_NAMESPACE, "cf-1", Duration.ofSeconds(90));
    clock.advance(Duration.ofSeconds(120));

    Exposition metrics = scrape(owner);

    Map<String, String> cf1 = Map.of("changefeed", "cf-1", "namespace", "default");
    assertThat(metrics.value("ticdc_owner_checkpoint_ts_lag", cf1)).isEqualTo(90.0);
    assertThat(metrics.value("ticdc_owner_checkpoint_ts", cf1))
        .isEqualTo((double) START.plusSeconds(30).toEpochMilli());
    assertThat(metrics.value("ticdc_owner_current_pd_ts", cf1))
        .isEqualTo((double) START.plusSeconds(120).toEpochMilli());
    assertThat(metrics.value("ticdc_owner_resolved_ts_lag", cf1)).isLessThanOrEqualTo(90.0);
    assertThat(metrics.value("ticdc_owner_status", cf1)).isZero();
    assertThat(metrics.type("ticdc_owner_checkpoint_ts_lag")).isEqualTo("gauge");
    assertThat(metrics.help("ticdc_owner_checkpoint_ts_lag"))
        .isEqualTo("checkpoint ts lag of changefeeds in seconds");
    // the 1.7e12 millisecond gauge is written like Go's %g
    assertThat(metrics.raw("ticdc_owner_current_pd_ts", cf1)).isEqualTo("1.71617052e+12");

    cluster.setCheckpointStalled(FakeCluster.DEFAULT_NAMESPACE, "cf-1", true);
    clock.advance(Duration.ofSeconds(600));
    assertThat(scrape(owner).value("ticdc_owner_checkpoint_ts_lag", cf1)).isEqualTo(690.0);
  }

  @Test
  void onlyTheOwnerReportsChangefeedSeriesAndItsOwnershipCounterCountsSeconds() {
    create("cf-1");

    Exposition first = scrape(owner);
    clock.advance(Duration.ofSeconds(5));
    Exposition onOwner = scrape(owner);
    Exposition onOther = scrape(other);

    assertThat(first.value("ticdc_owner_ownership_counter", Map.of())).isZero();
    assertThat(onOwner.value("ticdc_owner_ownership_counter", Map.of())).isEqualTo(5.0);
    assertThat(onOwner.type("ticdc_owner_ownership_counter")).isEqualTo("counter");
    assertThat(onOther.value("ticdc_owner_ownership_counter", Map.of())).isZero();
    assertThat(onOther.families())
        .doesNotContain("ticdc_owner_status", "ticdc_owner_checkpoint_ts");
    assertThat(onOwner.families()).contains("ticdc_owner_status", "ticdc_owner_checkpoint_ts");
    assertThat(onOther.families())
        .contains("process_start_time_seconds", "ticdc_processor_num_of_tables");
    assertThat(onOther.value("process_start_time_seconds", Map.of()))
        .isGreaterThan(1.6e9)
        .isLessThanOrEqualTo(System.currentTimeMillis() / 1e3);

    cluster.electOwner(cluster.captures().get(1).id());
    assertThat(scrape(other).families()).contains("ticdc_owner_status");
    assertThat(scrape(owner).families()).doesNotContain("ticdc_owner_status");
  }

  @Test
  void aStoppedOrFailedChangefeedKeepsOnlyItsStatusSeries() {
    create("cf-1");
    create("cf-2");
    cluster.pauseChangefeed(FakeCluster.DEFAULT_NAMESPACE, "cf-1");
    cluster.forceState(
        FakeCluster.DEFAULT_NAMESPACE,
        "cf-2",
        ChangefeedState.FAILED,
        CdcException.of("CDC:ErrGCTTLExceeded", "gc ttl exceeded"));

    Exposition metrics = scrape(owner);

    assertThat(
            metrics.value(
                "ticdc_owner_status", Map.of("changefeed", "cf-1", "namespace", "default")))
        .isEqualTo(3.0);
    assertThat(
            metrics.value(
                "ticdc_owner_status", Map.of("changefeed", "cf-2", "namespace", "default")))
        .isEqualTo(2.0);
    assertThat(metrics.families()).doesNotContain("ticdc_owner_checkpoint_ts");
  }

  @Test
  void theExpositionIsWellFormedSortedAndDeclaresEveryFamilyOnce() {
    create("cf-b");
    create("cf-a");
    String body = TestHttp.pooled(owner).get("/metrics").raw().body();

    Exposition metrics = Exposition.parse(body);

    assertThat(metrics.families()).isSorted().doesNotHaveDuplicates();
    assertThat(metrics.samples("ticdc_owner_status"))
        .extracting(s -> s.labels().get("changefeed"))
        .containsExactly("cf-a", "cf-b");
    // label pairs come sorted by name, as client_golang writes them
    assertThat(body).contains("ticdc_owner_status{changefeed=\"cf-a\",namespace=\"default\"} 0\n");
    assertThat(body).endsWith("\n");
  }

  @Test
  void rootRoutesAnswerWhileTheClusterIsNotReadyAndABlanketFaultLeavesThemAlone() {
    cluster.setReady(false);
    cluster.faults().add(FaultRule.onAnyOperation().inject(Fault.error(500, "CDC:ErrX", "boom")));

    assertThat(TestHttp.pooled(owner).get("/metrics").raw().statusCode()).isEqualTo(200);
    assertThat(TestHttp.pooled(owner).get("/debug/info").raw().statusCode()).isEqualTo(200);
    assertThat(TestHttp.pooled(owner).get("/api/v2/status").raw().statusCode()).isEqualTo(500);

    cluster.faults().clear();
    cluster
        .faults()
        .add(FaultRule.on(Operation.METRICS).inject(Fault.status(503, "scrape me not")));
    HttpResponse<String> faulted = TestHttp.pooled(owner).get("/metrics").raw();
    assertThat(faulted.statusCode()).isEqualTo(503);
    assertThat(faulted.body()).isEqualTo("scrape me not");
  }

  @Test
  void debugInfoDumpsTheOwnerHeaderProcessorsAndEtcdKeys() {
    create("cf-1");
    String ownerId = cluster.requireOwner().id();

    HttpResponse<String> onOwner = TestHttp.pooled(owner).get("/debug/info").raw();
    String onOther = TestHttp.pooled(other).get("/debug/info").raw().body();

    assertThat(onOwner.statusCode()).isEqualTo(200);
    assertThat(onOwner.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(onOwner.body())
        .startsWith("\n\n*** owner info ***:\n\n\n\n*** processors info ***:\n\n")
        .contains("changefeedID: default/cf-1\n{UpstreamID:")
        .contains(" ID:cf-1 SinkURI:blackhole:// CreateTime:2024-05-20 10:00:00 +0800 CST ")
        .contains("\n\n*** etcd info ***:\n\n")
        .contains("/tidb/cdc/default/__cdc_meta__/capture/" + ownerId + "\n\t{\"id\":\"" + ownerId)
        .contains("/tidb/cdc/default/default/changefeed/info/cf-1\n\t{");
    assertThat(onOther).startsWith("\n\n*** processors info ***:\n\n").doesNotContain("owner info");
  }

  @Test
  void debugInfoNeedsClientAuthenticationWhenItIsOnLikeTiCdc() {
    try (FakeTiCdcServer guarded =
        FakeTiCdcServer.builder().clientUsers(Map.of("ops", "s3cret")).start()) {
      assertThat(TestHttp.pooled(guarded.url()).get("/debug/info").raw().statusCode())
          .isEqualTo(401);
      assertThat(TestHttp.pooled(guarded.url()).get("/metrics").raw().statusCode()).isEqualTo(200);
    }
  }

  /** The owner's TiCDC series and its /debug/info, byte for byte (ids and ports substituted). */
  @Test
  void goldenOwnerSeriesAndDebugInfo() {
    PdClock fixed = PdClock.manual(START);
    try (FakeTiCdcServer golden =
        FakeTiCdcServer.builder().captures(2).clock(fixed).seed(7).start()) {
      FakeCluster c = golden.cluster();
      c.addUpstreamTable("test", "orders", 104L, List.of("id", "note"), List.of("id"));
      c.createChangefeed(
          ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
      c.createChangefeed(
          ChangefeedSpec.builder().changefeedId("cf-2").sinkUri("blackhole://").build());
      c.pauseChangefeed(FakeCluster.DEFAULT_NAMESPACE, "cf-2");
      fixed.advance(Duration.ofSeconds(10));

      String metrics = TestHttp.pooled(golden.url()).get("/metrics").raw().body();
      String ticdc =
          metrics
              .lines()
              .filter(l -> l.matches("(# (HELP|TYPE) )?ticdc_(owner|processor)_.*"))
              .map(l -> l + "\n")
              .collect(java.util.stream.Collectors.joining());
      assertThat(ticdc).isEqualTo(Golden.read("metrics-owner.txt"));

      String info = TestHttp.pooled(golden.url()).get("/debug/info").raw().body();
      for (int i = 0; i < 2; i++) {
        var capture = c.captures().get(i);
        info =
            info.replace(capture.id(), "${capture" + i + "}")
                .replace(capture.address(), "${address" + i + "}");
      }
      assertThat(info).isEqualTo(Golden.read("debug-info.txt"));
    }
  }

  /** A parsed exposition: families in order of appearance, samples per family. */
  record Exposition(List<String> families, Map<String, Family> byName) {
    record Sample(Map<String, String> labels, String value) {}

    record Family(String help, String type, List<Sample> samples) {}

    private static final Pattern SAMPLE =
        Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)");
    private static final Pattern LABEL =
        Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\[\\\\\"n])*)\",?");

    /** Parses strictly: HELP then TYPE before a family's samples, valid names and escapes. */
    static Exposition parse(String text) {
      assertThat(text).endsWith("\n");
      List<String> families = new ArrayList<>();
      Map<String, Family> byName = new LinkedHashMap<>();
      String current = null;
      String help = null;
      for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
        if (line.startsWith("# HELP ")) {
          String[] parts = line.substring(7).split(" ", 2);
          current = parts[0];
          help = unescape(parts[1], false);
          assertThat(families).as("family declared twice").doesNotContain(current);
        } else if (line.startsWith("# TYPE ")) {
          String[] parts = line.substring(7).split(" ", 2);
          assertThat(parts[0]).as("TYPE follows its HELP").isEqualTo(current);
          assertThat(parts[1]).isIn("counter", "gauge", "histogram", "summary", "untyped");
          families.add(current);
          byName.put(current, new Family(help, parts[1], new ArrayList<>()));
        } else {
          Matcher m = SAMPLE.matcher(line);
          assertThat(m.matches()).as("sample line: %s", line).isTrue();
          assertThat(m.group(1)).as("sample of the declared family").isEqualTo(current);
          Map<String, String> labels = new LinkedHashMap<>();
          if (m.group(3) != null) {
            Matcher l = LABEL.matcher(m.group(3));
            int end = 0;
            while (l.lookingAt()) {
              labels.put(l.group(1), unescape(l.group(2), true));
              end = l.end();
              l.region(end, m.group(3).length());
            }
            assertThat(end).as("labels of %s", line).isEqualTo(m.group(3).length());
          }
          assertThat(m.group(4)).matches("[-+]?(\\d+(\\.\\d+)?(e[-+]\\d\\d+)?|Inf|NaN)");
          byName.get(current).samples().add(new Sample(labels, m.group(4)));
        }
      }
      return new Exposition(families, byName);
    }

    static String unescape(String s, boolean quoted) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\') {
          char next = s.charAt(++i);
          out.append(
              switch (next) {
                case 'n' -> '\n';
                case '\\' -> '\\';
                case '"' -> {
                  assertThat(quoted).as("\\\" only in label values").isTrue();
                  yield '"';
                }
                default -> throw new AssertionError("bad escape \\" + next + " in " + s);
              });
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }

    String type(String family) {
      return byName.get(family).type();
    }

    String help(String family) {
      return byName.get(family).help();
    }

    List<Sample> samples(String family) {
      Family f = byName.get(family);
      return f == null ? List.of() : f.samples();
    }

    String raw(String family, Map<String, String> labels) {
      return samples(family).stream()
          .filter(s -> s.labels().equals(labels))
          .map(Sample::value)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + family + labels));
    }

    double value(String family, Map<String, String> labels) {
      return Double.parseDouble(raw(family, labels).replace("+Inf", "Infinity"));
    }
  }
}
