package io.github.ticdcfake.cluster;

import java.util.ArrayList;
import java.util.Map;
import java.util.function.Function;

/**
 * The v1 update of a changefeed (tiflow {@code cdc/api/v1/validator.go}
 * VerifyUpdateChangefeedConfig): a narrower, different algorithm from v2's, so it lives apart.
 */
final class V1Update {
  private V1Update() {}

  /**
   * Applies {@code update} to the owner's copy of {@code entry} in tiflow's order; the entry is
   * changed only when every check passed. Callers hold the cluster's lock and ran the state gate.
   */
  static void apply(
      ChangefeedEntry entry,
      V1ChangefeedConfig update,
      DomainRules rules,
      Function<SinkUri, String> dialError) {
    ConfigShape shape = rules.shape();
    long targetTs = entry.targetTs;
    if (update.targetTs() != 0) {
      if (Long.compareUnsigned(update.targetTs(), entry.startTs) <= 0) {
        // GenWithStack with free text: no "changefeed update error:" prefix, hyphenated names.
        throw CdcError.CHANGEFEED_UPDATE_REFUSED.raiseWithMessage(
            "can not update target-ts:"
                + Long.toUnsignedString(update.targetTs())
                + " less than start-ts:"
                + Long.toUnsignedString(entry.startTs));
      }
      targetTs = update.targetTs();
    }
    ReplicaConfig old = entry.ownerConfig(rules);
    Map<String, Object> value = shape.copy(old.raw());
    if (!update.filterRules().isEmpty()) {
      filter(value, shape).put("rules", new ArrayList<>(update.filterRules()));
      try {
        TableFilter.parse(update.filterRules(), old.caseSensitive());
      } catch (CdcException e) {
        throw CdcError.CHANGEFEED_UPDATE_REFUSED.raise(e.getMessage());
      }
    }
    if (!update.ignoreTxnStartTs().isEmpty()) {
      filter(value, shape).put("ignore_txn_start_ts", new ArrayList<>(update.ignoreTxnStartTs()));
    }
    if (update.mounterWorkerNum() != 0) {
      Map<String, Object> mounter = V1ChangefeedConfig.section(value, "mounter");
      if (mounter == null) {
        mounter = ReplicaConfigSchema.MOUNTER.zero();
        value.put("mounter", mounter);
      }
      mounter.put("worker_num", update.mounterWorkerNum());
    }
    if (update.sinkConfigSent()) {
      value.put("sink", update.sinkSection()); // as sent: no validate-and-adjust is stored
    }
    String sinkUri = update.sinkUri().isEmpty() ? entry.sinkUri : update.sinkUri();
    ReplicaConfig config = new ReplicaConfig(shape, value);
    SinkUri uri = entry.parsedUri;
    if (update.sinkConfigSent() || !update.sinkUri().isEmpty()) {
      try {
        uri = ChangefeedChecks.parseSinkUri(sinkUri);
        checkCompatibility(V1ChangefeedConfig.section(value, "sink"), old.sink(), uri);
        ReplicaConfig adjusted = ReplicaConfig.validateAndAdjust(rules, value, uri);
        ChangefeedChecks.validateSink(adjusted, uri);
        ChangefeedChecks.failIfUnreachable(uri, dialError.apply(uri));
      } catch (CdcException e) {
        throw CdcError.CHANGEFEED_UPDATE_REFUSED.raise(e.getMessage());
      }
    }
    if (targetTs == entry.targetTs && sinkUri.equals(entry.sinkUri) && config.equals(old)) {
      throw CdcError.CHANGEFEED_UPDATE_REFUSED.raise(
          "changefeed config is the same with the old one, do nothing");
    }
    entry.targetTs = targetTs;
    entry.sinkUri = sinkUri;
    entry.parsedUri = uri;
    entry.config = config;
  }

  /**
   * tiflow's {@code SinkConfig.CheckCompatibilityWithSinkURI}: the URI's {@code protocol} and
   * {@code transaction-atomicity} must agree with the new sink section unless the URI itself is
   * what changed them. TiCDC compares the two sections' pointers, so any set value counts as
   * changed; when it checks, it also copies the URI's values into the new section.
   */
  private static void checkCompatibility(
      Map<String, Object> newSink, Map<String, Object> oldSink, SinkUri uri) {
    boolean configChanged =
        value(newSink, "protocol") != null
            || value(oldSink, "protocol") != null
            || value(newSink, "transaction_atomicity") != null
            || value(oldSink, "transaction_atomicity") != null;
    boolean uriChanged = conflict(oldSink, uri) != null;
    if (!uriChanged && !configChanged) {
      return;
    }
    CdcException conflict = conflict(newSink, uri);
    if (conflict != null && !uriChanged) {
      throw conflict;
    }
    // applyParameterBySinkURI also writes the URI's values into the new section it checked
    if (newSink != null) {
      String atomicity = uri.queryParameter("transaction-atomicity");
      if (atomicity != null && !atomicity.isEmpty()) {
        newSink.put("transaction_atomicity", atomicity);
      }
      String protocol = uri.queryParameter("protocol");
      if (protocol != null && !protocol.isEmpty()) {
        newSink.put("protocol", protocol);
      }
    }
  }

  private static Object value(Map<String, Object> sink, String key) {
    return sink == null ? null : sink.get(key);
  }

  /** tiflow's {@code applyParameterBySinkURI}: the incompatibility, or null. */
  private static CdcException conflict(Map<String, Object> sink, SinkUri uri) {
    StringBuilder fromUri = new StringBuilder();
    StringBuilder fromFile = new StringBuilder();
    String atomicity = uri.queryParameter("transaction-atomicity");
    Object configured = value(sink, "transaction_atomicity");
    if (atomicity != null
        && !atomicity.isEmpty()
        && configured != null
        && !((String) configured).isEmpty()
        && !configured.equals(atomicity)) {
      fromUri.append("transaction-atomicity=").append(atomicity).append(", ");
      fromFile.append("transaction-atomicity=").append(configured).append(", ");
    }
    String protocol = uri.queryParameter("protocol");
    Object configuredProtocol = value(sink, "protocol");
    if (protocol != null
        && !protocol.isEmpty()
        && configuredProtocol != null
        && !configuredProtocol.equals(protocol)) {
      fromUri.append("protocol=").append(protocol).append(", ");
      fromFile.append("protocol=").append(configuredProtocol).append(", ");
    }
    if (fromUri.length() == 0) {
      return null;
    }
    return CdcException.of(
        "CDC:ErrIncompatibleSinkConfig",
        "incompatible configuration in sink uri("
            + fromUri.substring(0, fromUri.length() - 2)
            + ") and config file("
            + fromFile.substring(0, fromFile.length() - 2)
            + "), please try to update the configuration only through sink uri");
  }

  private static Map<String, Object> filter(Map<String, Object> value, ConfigShape shape) {
    Map<String, Object> filter = V1ChangefeedConfig.section(value, "filter");
    if (filter == null) {
      filter =
          shape.replicaConfig.field("filter").type() instanceof GoType.Ptr p
              ? ((GoType.Struct) p.elem).zero()
              : ReplicaConfigSchema.FILTER.zero();
      value.put("filter", filter);
    }
    return filter;
  }
}
