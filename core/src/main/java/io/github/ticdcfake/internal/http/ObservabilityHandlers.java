package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.Processor;
import io.github.ticdcfake.cluster.Tso;
import io.github.ticdcfake.internal.http.PrometheusText.Type;
import io.github.ticdcfake.internal.json.EtcdMetadata;
import io.github.ticdcfake.internal.json.EtcdMetadata.EtcdData;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The monitoring routes outside TiCDC's API groups: {@code GET /metrics} (tiflow {@code
 * cdc/http.go}, {@code promhttp} over the registry of {@code cdc/server/metrics.go}) and {@code GET
 * /debug/info} (tiflow {@code cdc/api/status/status.go}). Both answer from the cluster's state and
 * PD clock at the moment of the request.
 */
final class ObservabilityHandlers {
  private ObservabilityHandlers() {}

  private static final double PROCESS_START_SECONDS =
      ProcessHandle.current()
              .info()
              .startInstant()
              .orElseGet(
                  () -> Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()))
              .toEpochMilli()
          / 1e3;

  // Names and help texts: tiflow cdc/owner/metrics.go, cdc/processor/metrics.go,
  // cdc/server/metrics_server.go, and client_golang prometheus/{process,go}_collector.go.
  private static final String CHECKPOINT_TS = "ticdc_owner_checkpoint_ts";
  private static final String CHECKPOINT_TS_LAG = "ticdc_owner_checkpoint_ts_lag";
  private static final String CURRENT_PD_TS = "ticdc_owner_current_pd_ts";
  private static final String OWNERSHIP = "ticdc_owner_ownership_counter";
  private static final String RESOLVED_TS = "ticdc_owner_resolved_ts";
  private static final String RESOLVED_TS_LAG = "ticdc_owner_resolved_ts_lag";
  private static final String STATUS = "ticdc_owner_status";
  private static final String NUM_OF_TABLES = "ticdc_processor_num_of_tables";

  /**
   * {@code GET /metrics}: the process basics every Go binary exports, and TiCDC's owner and
   * processor families for this capture. Only the owner reports changefeed series; checkpoint and
   * resolved series exist only while a changefeed runs (normal or warning), its status for every
   * changefeed (tiflow {@code cdc/owner/changefeed.go} updateMetrics and cleanupMetrics).
   */
  static Response metrics(Call call) {
    FakeCluster cluster = call.cluster();
    long nowMillis = cluster.clock().millis();
    boolean owner = cluster.capture(call.captureId).map(Capture::owner).orElse(false);
    PrometheusText out = declareFamilies(new PrometheusText());
    processSamples(out);
    out.sample("ticdc_server_go_gc", 100);
    out.sample("ticdc_server_go_max_procs", Runtime.getRuntime().availableProcessors());
    out.sample(OWNERSHIP, call.server.ownership().observe(call.captureId, owner, nowMillis));
    if (owner) {
      for (Changefeed cf : cluster.changefeeds()) {
        Map<String, String> labels = Map.of("namespace", cf.namespace(), "changefeed", cf.id());
        out.sample(STATUS, labels, stateToInt(cf.state()));
        if (cf.state().isRunning()) {
          long checkpoint = Tso.physicalMillis(cf.checkpointTs());
          long resolved = Tso.physicalMillis(cf.resolvedTs());
          out.sample(CHECKPOINT_TS, labels, checkpoint);
          out.sample(CHECKPOINT_TS_LAG, labels, (nowMillis - checkpoint) / 1e3);
          out.sample(RESOLVED_TS, labels, resolved);
          out.sample(RESOLVED_TS_LAG, labels, (nowMillis - resolved) / 1e3);
          out.sample(CURRENT_PD_TS, labels, nowMillis);
        }
      }
    }
    for (Processor p : cluster.processors()) {
      if (p.captureId().equals(call.captureId)) {
        out.sample(
            NUM_OF_TABLES,
            Map.of("namespace", p.namespace(), "changefeed", p.changefeedId()),
            p.tableIds().size());
      }
    }
    return new Response(200, PrometheusText.CONTENT_TYPE, out.render(), null);
  }

  private static PrometheusText declareFamilies(PrometheusText out) {
    return out.declare("go_goroutines", Type.GAUGE, "Number of goroutines that currently exist.")
        .declare("go_threads", Type.GAUGE, "Number of OS threads created.")
        .declare(
            "process_cpu_seconds_total",
            Type.COUNTER,
            "Total user and system CPU time spent in seconds.")
        .declare("process_max_fds", Type.GAUGE, "Maximum number of open file descriptors.")
        .declare("process_open_fds", Type.GAUGE, "Number of open file descriptors.")
        .declare(
            "process_start_time_seconds",
            Type.GAUGE,
            "Start time of the process since unix epoch in seconds.")
        .declare("ticdc_server_go_gc", Type.GAUGE, "The value of GOGC")
        .declare("ticdc_server_go_max_procs", Type.GAUGE, "The value of GOMAXPROCS")
        .declare(CHECKPOINT_TS, Type.GAUGE, "checkpoint ts of changefeeds")
        .declare(CHECKPOINT_TS_LAG, Type.GAUGE, "checkpoint ts lag of changefeeds in seconds")
        .declare(CURRENT_PD_TS, Type.GAUGE, "The current PD ts")
        .declare(
            OWNERSHIP,
            Type.COUNTER,
            "The counter of ownership increases every 5 seconds on a owner capture")
        .declare(RESOLVED_TS, Type.GAUGE, "resolved ts of changefeeds")
        .declare(RESOLVED_TS_LAG, Type.GAUGE, "resolved ts lag of changefeeds in seconds")
        .declare(STATUS, Type.GAUGE, "The status of changefeeds")
        .declare(NUM_OF_TABLES, Type.GAUGE, "number of synchronized table of processor");
  }

  /** The JVM's figures under the names Go's process and runtime collectors use. */
  private static void processSamples(PrometheusText out) {
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    out.sample("go_goroutines", threads).sample("go_threads", threads);
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean jdk) {
      long cpuNanos = jdk.getProcessCpuTime();
      if (cpuNanos >= 0) {
        out.sample("process_cpu_seconds_total", cpuNanos / 1e9);
      }
    }
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      out.sample("process_max_fds", unix.getMaxFileDescriptorCount());
      out.sample("process_open_fds", unix.getOpenFileDescriptorCount());
    }
    out.sample("process_start_time_seconds", PROCESS_START_SECONDS);
  }

  /** {@code FeedState.ToInt} (tiflow {@code cdc/model/changefeed.go}), the value alerts test. */
  static int stateToInt(ChangefeedState state) {
    return switch (state) {
      case NORMAL -> 0;
      case PENDING -> 1;
      case FAILED -> 2;
      case STOPPED -> 3;
      case FINISHED -> 4;
      case WARNING -> 6;
    };
  }

  /**
   * {@code GET /debug/info}: the owner part (TiCDC prints only its header), each processor of this
   * capture as Go's {@code %+v} of the changefeed's info and status plus one line per table span,
   * then every etcd key under {@code /tidb/cdc} (tiflow {@code cdc/capture/capture.go}
   * WriteDebugInfo, {@code cdc/processor/processor.go} WriteDebugInfo).
   */
  static Response debugInfo(Call call) {
    FakeCluster cluster = call.cluster();
    ZoneId zone = call.zone();
    StringBuilder w = new StringBuilder(2048);
    if (call.surface().coordinatorApi()) {
      // pingcap/ticdc api/v2/info.go@v26.3.4 handleDebugInfo prints the etcd keys only
      appendEtcdInfo(w, EtcdMetadata.of(cluster, false));
      return new Response(
          200, Response.TEXT_PLAIN_UTF8, w.toString().getBytes(StandardCharsets.UTF_8), null);
    }
    boolean owner = cluster.capture(call.captureId).map(Capture::owner).orElse(false);
    if (owner) {
      w.append("\n\n*** owner info ***:\n\n");
    }
    w.append("\n\n*** processors info ***:\n\n");
    for (Changefeed cf : cluster.changefeeds()) {
      Optional<Processor> processor =
          cluster.processors().stream()
              .filter(
                  p ->
                      p.captureId().equals(call.captureId)
                          && p.namespace().equals(cf.namespace())
                          && p.changefeedId().equals(cf.id()))
              .findFirst();
      if (processor.isEmpty()) {
        continue;
      }
      w.append("changefeedID: ").append(cf.namespace()).append('/').append(cf.id()).append('\n');
      changefeedInfo(w, cf, zone);
      w.append("{CheckpointTs:")
          .append(Long.toUnsignedString(cf.checkpointTs()))
          .append(" MinTableBarrierTs:")
          .append(Long.toUnsignedString(cf.checkpointTs()))
          .append(" AdminJobType:")
          .append(adminJob(cf.adminJobType()))
          .append("}\n");
      for (long tableId : processor.get().tableIds()) {
        w.append("span: {tableID:")
            .append(tableId)
            .append(", startKey:")
            .append(comparableTableKey(tableId, 'r'))
            .append(", endKey:")
            .append(comparableTableKey(tableId, 's'))
            .append("}, resolvedTs: ")
            .append(Long.toUnsignedString(cf.resolvedTs()))
            .append(", checkpointTs: ")
            .append(Long.toUnsignedString(cf.checkpointTs()))
            .append(", state: Replicating\n");
      }
      w.append('\n');
    }
    appendEtcdInfo(w, EtcdMetadata.of(cluster));
    return new Response(
        200, Response.TEXT_PLAIN_UTF8, w.toString().getBytes(StandardCharsets.UTF_8), null);
  }

  private static void appendEtcdInfo(StringBuilder w, List<EtcdData> keys) {
    w.append("\n\n*** etcd info ***:\n\n");
    for (EtcdData kv : keys) {
      w.append(kv.key()).append("\n\t").append(kv.value()).append("\n\n");
    }
  }

  /** Go's {@code %+v} of a {@code model.ChangeFeedInfo} value: pointers print as addresses. */
  private static void changefeedInfo(StringBuilder w, Changefeed cf, ZoneId zone) {
    w.append("{UpstreamID:")
        .append(Long.toUnsignedString(cf.upstreamId()))
        .append(" Namespace:")
        .append(cf.namespace())
        .append(" ID:")
        .append(cf.id())
        .append(" SinkURI:")
        .append(cf.sinkUri())
        .append(" CreateTime:")
        .append(goTimeString(cf.createTime(), zone))
        .append(" StartTs:")
        .append(Long.toUnsignedString(cf.startTs()))
        .append(" TargetTs:")
        .append(Long.toUnsignedString(cf.targetTs()))
        .append(" AdminJobType:")
        .append(adminJob(cf.adminJobType()))
        .append(" Engine: SortDir: Config:")
        .append(pointer(cf.id(), 1))
        .append(" State:")
        .append(cf.state().wireName())
        .append(" Error:")
        .append(cf.error().map(e -> pointer(cf.id(), 2)).orElse("<nil>"))
        .append(" Warning:")
        .append(cf.warning().map(e -> pointer(cf.id(), 3)).orElse("<nil>"))
        .append(" CreatorVersion:")
        .append(cf.creatorVersion())
        .append(" Epoch:")
        .append(Long.toUnsignedString(cf.startTs()))
        .append("}\n");
  }

  /** A stable, Go-looking heap address for a pointer field (its value is not printed). */
  private static String pointer(String id, int field) {
    long address = 0xc000000000L + (((id.hashCode() & 0xffffL) << 12) | (field << 8));
    return "0x" + Long.toHexString(address);
  }

  /** {@code model.AdminJobType.String} (tiflow {@code cdc/model/owner.go}). */
  private static String adminJob(int type) {
    return switch (type) {
      case 0 -> "noop";
      case 1 -> "stop changefeed";
      case 2 -> "resume changefeed";
      case 3 -> "remove changefeed";
      case 4 -> "finish changefeed";
      default -> "unknown";
    };
  }

  private static final DateTimeFormatter GO_TIME_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter GO_TIME_OFFSET =
      DateTimeFormatter.ofPattern(" xx ", Locale.ROOT);
  // tzdata's abbreviations (CST, UTC, CEST) are the JDK's short names in English; where it has
  // none it writes GMT+hh:mm and Go writes tzdata's numeric form (+08, +0530).
  private static final DateTimeFormatter GO_TIME_ABBREVIATION =
      DateTimeFormatter.ofPattern("zzz", Locale.US);

  /** Go's {@code time.Time.String}: {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
  static String goTimeString(Instant instant, ZoneId zone) {
    ZonedDateTime t = ZonedDateTime.ofInstant(instant, zone);
    StringBuilder s = new StringBuilder(GO_TIME_SECONDS.format(t));
    int nanos = t.getNano();
    if (nanos != 0) {
      String fraction = String.format(Locale.ROOT, "%09d", nanos).replaceAll("0+$", "");
      s.append('.').append(fraction);
    }
    s.append(GO_TIME_OFFSET.format(t));
    String abbreviation = GO_TIME_ABBREVIATION.format(t);
    if (abbreviation.startsWith("GMT") && abbreviation.length() > 3) {
      abbreviation = abbreviation.substring(3).replace(":", "").replaceFirst("00$", "");
    }
    return s.append(abbreviation).toString();
  }

  /**
   * A table's record-range bound in TiKV's memcomparable form, hex ({@code t{id}_r} / {@code
   * t{id}_s} through codec.EncodeBytes: 8-byte groups, each followed by {@code 0xff - padding}).
   */
  static String comparableTableKey(long tableId, char suffix) {
    byte[] raw = new byte[11];
    raw[0] = 't';
    long flipped = tableId ^ Long.MIN_VALUE;
    for (int i = 0; i < 8; i++) {
      raw[1 + i] = (byte) (flipped >>> (56 - 8 * i));
    }
    raw[9] = '_';
    raw[10] = (byte) suffix;
    StringBuilder hex = new StringBuilder(36);
    for (int group = 0; group * 8 <= raw.length; group++) {
      int pad = 0;
      for (int i = 0; i < 8; i++) {
        int at = group * 8 + i;
        if (at < raw.length) {
          hex.append(String.format("%02x", raw[at] & 0xff));
        } else {
          hex.append("00");
          pad++;
        }
      }
      hex.append(String.format("%02x", 0xff - pad));
    }
    return hex.toString();
  }
}
