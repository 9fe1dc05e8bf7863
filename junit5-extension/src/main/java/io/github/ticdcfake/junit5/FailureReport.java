package io.github.ticdcfake.junit5;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.cluster.RunningError;
import io.github.ticdcfake.cluster.Tso;
import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.RecordedRequest;
import java.time.ZoneId;
import java.util.List;

/**
 * The fake cluster's state at the moment a test failed, attached to the failure as a suppressed
 * exception so a flaky-looking failure explains itself in the test report.
 *
 * <p>It carries no stack trace: its message is the report.
 */
final class FailureReport extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** More changefeeds than this are summarized, to keep the report readable. */
  static final int MAX_CHANGEFEEDS = 20;

  static final int MAX_REQUESTS = 10;

  private FailureReport(String message) {
    super(message, null, false, false);
  }

  /** Describes {@code server}'s cluster now; {@code what} names what failed. */
  static FailureReport of(FakeTiCdcServer server, String what) {
    FakeCluster cluster = server.cluster();
    PdClock clock = cluster.clock();
    ZoneId zone = clock.zone();
    StringBuilder out = new StringBuilder();
    out.append("ticdc-fake state when ").append(what).append(" failed:\n");
    boolean newArchitecture = cluster.version().isNewArchitecture();
    out.append("  TiCDC ")
        .append(cluster.version().version())
        .append(newArchitecture ? " (new architecture)" : "")
        .append(", cluster id ")
        .append(cluster.clusterId())
        .append(", PD clock ")
        .append(clock.now().atZone(zone).toLocalDateTime())
        .append(' ')
        .append(zone)
        .append(clock.isManual() ? " (manual)" : " (system)")
        .append('\n');

    List<Capture> captures = cluster.captures();
    out.append("  captures (").append(captures.size()).append("):\n");
    for (Capture capture : captures) {
      out.append("    ").append(capture.id()).append("  ").append(capture.address());
      if (capture.owner()) {
        // the new architecture's owner is its coordinator (pingcap/ticdc coordinator/)
        out.append(newArchitecture ? "  coordinator" : "  owner");
      }
      if (!capture.alive()) {
        out.append("  killed");
      }
      out.append('\n');
    }
    if (cluster.owner().isEmpty()) {
      out.append(newArchitecture ? "    (no coordinator)\n" : "    (no owner)\n");
    }

    List<Changefeed> changefeeds = cluster.changefeeds();
    out.append("  changefeeds (").append(changefeeds.size()).append("):\n");
    if (changefeeds.isEmpty()) {
      out.append("    (none)\n");
    }
    for (Changefeed changefeed :
        changefeeds.subList(0, Math.min(MAX_CHANGEFEEDS, changefeeds.size()))) {
      out.append("    ")
          .append(changefeed.namespace())
          .append('/')
          .append(changefeed.id())
          .append("  ")
          .append(changefeed.state().wireName())
          .append("  checkpoint ")
          .append(changefeed.checkpointTs())
          .append(" (")
          .append(Tso.toInstant(changefeed.checkpointTs()).atZone(zone).toLocalDateTime())
          .append(")  sink ")
          .append(changefeed.maskedSinkUri());
      changefeed.maintainerAddress().ifPresent(addr -> out.append("  maintainer ").append(addr));
      changefeed.error().ifPresent(error -> appendError(out, "error", error));
      changefeed.warning().ifPresent(warning -> appendError(out, "warning", warning));
      out.append('\n');
    }
    if (changefeeds.size() > MAX_CHANGEFEEDS) {
      out.append("    ... and ").append(changefeeds.size() - MAX_CHANGEFEEDS).append(" more\n");
    }

    appendFaultRulesAndRecentRequests(out, server);
    return new FailureReport(out.toString().stripTrailing());
  }

  private static void appendError(StringBuilder out, String label, RunningError error) {
    out.append("  ").append(label).append(' ').append(error.code()).append(' ');
    out.append(error.message());
  }

  /** The active fault rules and the last requests (method, path, status, capture, fault). */
  private static void appendFaultRulesAndRecentRequests(StringBuilder out, FakeTiCdcServer server) {
    List<FaultRule> rules = server.cluster().faults().rules();
    out.append("  fault rules: ").append(rules.isEmpty() ? "none" : rules.size()).append('\n');
    for (FaultRule rule : rules) {
      out.append("    ").append(rule).append('\n');
    }
    List<RecordedRequest> requests = server.cluster().journal().requests();
    int from = Math.max(0, requests.size() - MAX_REQUESTS);
    out.append("  last requests: ")
        .append(requests.isEmpty() ? "none" : requests.size() - from + " of " + requests.size())
        .append('\n');
    for (RecordedRequest request : requests.subList(from, requests.size())) {
      out.append("    ")
          .append(request.method())
          .append(' ')
          .append(request.path())
          .append(request.query().isEmpty() ? "" : "?" + request.query())
          .append(" -> ")
          .append(request.status())
          .append(" (capture ")
          .append(request.captureId())
          .append(')');
      request.fault().ifPresent(fault -> out.append(" fault: ").append(fault));
      out.append('\n');
    }
  }
}
