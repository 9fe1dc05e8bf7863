package io.github.ticdcfake.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** TiCDC's create/update checks that do not depend on cluster state (reference §3.1, §6). */
final class ChangefeedChecks {
  private static final Pattern ID = Pattern.compile("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$");

  private ChangefeedChecks() {}

  static boolean validId(String id) {
    return id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 128
        && ID.matcher(id).matches();
  }

  static void checkChangefeedId(String id) {
    if (!validId(id)) {
      throw CdcError.API_INVALID_PARAM.raiseWithMessage("invalid changefeed_id: " + id);
    }
  }

  static void checkCaptureId(String id) {
    if (!validId(id)) {
      throw CdcError.API_INVALID_PARAM.raiseWithMessage("invalid capture_id: " + id);
    }
  }

  /** Go's {@code url.Parse} failure as TiCDC reports it (reference §3.1 step 11). */
  static SinkUri parseSinkUri(String sinkUri) {
    try {
      return SinkUri.parse(sinkUri);
    } catch (SinkUri.ParseException e) {
      String masked = "<invalid uri>";
      throw CdcError.SINK_URI_INVALID.raiseWithMessage(
          CdcError.SINK_URI_INVALID.message(masked)
              + ": parse \""
              + masked
              + "\": "
              + e.getMessage());
    }
  }

  /**
   * The tables a changefeed replicates, failing like TiCDC's table verification (reference §3.1
   * step 13).
   */
  static List<UpstreamTable> verifyTables(
      ReplicaConfig config, List<UpstreamTable> upstream, boolean enforceEligibility) {
    TableFilter filter = TableFilter.parse(config.filterRules(), config.caseSensitive());
    List<UpstreamTable> matched = new ArrayList<>();
    List<String> ineligible = new ArrayList<>();
    for (UpstreamTable table : upstream) {
      if (!filter.matches(table.schema(), table.table())) {
        continue;
      }
      if (!table.eligible() && !config.forceReplicate()) {
        ineligible.add(table.qualifiedName());
        continue;
      }
      matched.add(table);
    }
    if (enforceEligibility && !ineligible.isEmpty() && !config.ignoreIneligibleTable()) {
      throw CdcError.TABLE_INELIGIBLE.raise(ineligible);
    }
    return matched;
  }

  /** TiCDC's sink validator: IPv6 form, sync point and BDR scheme checks, the sink factory. */
  static void validateSink(ReplicaConfig config, SinkUri uri) {
    String hostname = uri.hostname();
    if (hostname.contains(":") && !uri.host.startsWith("[")) {
      throw CdcError.SINK_URI_INVALID.raiseWithMessage(
          "sink uri host is not valid IPv6 address, when using IPv6 address in URI, please use"
              + " [ipv6-address]:port");
    }
    boolean mysql = uri.isMySqlCompatible();
    if (Boolean.TRUE.equals(config.raw().get("enable_sync_point")) && !mysql) {
      // sic: tiflow concatenates without a space and prints the URI unmasked.
      throw CdcError.SINK_URI_INVALID.raiseWithMessage(
          "sink uri scheme is not supported with syncpoint enabledsink uri: " + uri.raw);
    }
    if (Boolean.TRUE.equals(config.raw().get("bdr_mode")) && !mysql) {
      throw CdcError.SINK_URI_INVALID.raiseWithMessage(
          "sink uri scheme is not supported in BDR mode, sink uri: " + uri.masked());
    }
    if (!uri.isKnownScheme()) {
      throw CdcError.SINK_URI_INVALID.raiseWithMessage(
          "the sink scheme (" + uri.scheme + ") is not supported");
    }
  }
}
