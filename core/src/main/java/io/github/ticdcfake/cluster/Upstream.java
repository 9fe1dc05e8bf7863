package io.github.ticdcfake.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What TiCDC reaches outside itself: the upstream schema, PD (its endpoints, TSO and GC safepoint)
 * and the sinks' hosts, and {@code verify_table} over the schema.
 */
final class Upstream {
  private final ClusterCore core;
  private final List<String> pdEndpoints;
  private final SinkProbe sinkProbe;

  Upstream(ClusterCore core, List<String> pdEndpoints, SinkProbe sinkProbe) {
    this.core = core;
    this.pdEndpoints = pdEndpoints;
    this.sinkProbe = sinkProbe;
  }

  List<String> pdEndpoints() {
    return pdEndpoints;
  }

  SinkProbe sinkProbe() {
    return sinkProbe;
  }

  // ---- PD -------------------------------------------------------------------------------------

  /**
   * Fails like TiCDC's PD client when {@code pdAddrs} name an address that is not one of the
   * endpoints: 500 {@code CDC:ErrAPIGetPDClientFailed}. Empty means the server's default upstream.
   */
  void checkPdAddrs(List<String> pdAddrs) {
    for (String address : pdAddrs) {
      if (pdEndpoints.stream().noneMatch(e -> hostPort(e).equals(hostPort(address)))) {
        throw CdcError.API_GET_PD_CLIENT_FAILED.wrap("context deadline exceeded");
      }
    }
  }

  /** {@link #checkPdAddrs} for a resume body: v7.3 wrapped the failure in a 400. */
  void checkResumePdAddrs(List<String> pdAddrs) {
    try {
      checkPdAddrs(pdAddrs);
    } catch (CdcException e) {
      throw core.rules.resumePdFailureIsBadRequest()
          ? CdcError.API_INVALID_PARAM.wrap(e.getMessage())
          : e;
    }
  }

  /**
   * {@code POST /api/v2/tso} (tiflow {@code cdc/api/v2/tso.go}): an unknown upstream id is {@code
   * CDC:ErrUpstreamNotFound}; without an id, the PD addresses are dialled and a failure is a 500.
   */
  long tso(long upstreamId, List<String> pdAddrs) {
    if (upstreamId != 0 && upstreamId != core.upstreamId) {
      throw CdcError.UPSTREAM_NOT_FOUND.raise(upstreamId);
    }
    if (upstreamId == 0) {
      try {
        checkPdAddrs(pdAddrs);
      } catch (CdcException e) {
        throw CdcError.INTERNAL_SERVER_ERROR.wrap(e.getMessage());
      }
    }
    return core.clock.nextTso();
  }

  private static String hostPort(String address) {
    String a = address.strip();
    int scheme = a.indexOf("://");
    a = scheme >= 0 ? a.substring(scheme + 3) : a;
    return a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
  }

  long gcSafepoint() {
    synchronized (core.lock) {
      return core.state.gcSafepoint;
    }
  }

  void setGcSafepoint(long tso) {
    synchronized (core.lock) {
      core.state.gcSafepoint = tso;
    }
  }

  // ---- sinks ----------------------------------------------------------------------------------

  void setSinkReachable(String hostPort, boolean reachable) {
    synchronized (core.lock) {
      core.state.sinkReachability.put(hostPort, reachable);
    }
  }

  /**
   * The host a create or update with this sink URI must dial before taking the lock, or null when
   * it dials none (no probe, a sink without host, a scripted host, an unparseable URI).
   */
  String hostToDial(String sinkUri) {
    if (!sinkProbe.probes() || sinkUri == null || sinkUri.isEmpty()) {
      return null;
    }
    String target;
    try {
      target = ChangefeedChecks.dialTarget(SinkUri.parse(sinkUri));
    } catch (SinkUri.ParseException | RuntimeException e) {
      return null; // the command reports the bad URI at its step
    }
    synchronized (core.lock) {
      return target == null || core.state.sinkReachability.containsKey(target) ? null : target;
    }
  }

  /** Go's dial error for the sink's host, null when reachable; callers hold the lock. */
  String dialError(SinkUri uri, SinkDials dials) {
    String target = ChangefeedChecks.dialTarget(uri);
    if (target == null) {
      return null;
    }
    Boolean scripted = core.state.sinkReachability.get(target);
    if (scripted != null) {
      return scripted ? null : "dial tcp " + target + ": connect: connection refused";
    }
    if (!sinkProbe.probes()) {
      return null;
    }
    return dials.errorFor(target);
  }

  // ---- schema ---------------------------------------------------------------------------------

  List<UpstreamTable> tables() {
    synchronized (core.lock) {
      return List.copyOf(core.state.upstreamTables);
    }
  }

  UpstreamTable addTable(
      String schema, String table, long tableId, List<String> columns, List<String> primaryKey) {
    synchronized (core.lock) {
      List<UpstreamTable> tables = core.state.upstreamTables;
      long id = tableId;
      if (id == 0) {
        id = 104;
        for (UpstreamTable existing : tables) {
          id = Math.max(id, existing.tableId() + 2);
        }
      }
      for (UpstreamTable existing : tables) {
        if (existing.qualifiedName().equals(schema + "." + table) || existing.tableId() == id) {
          throw new IllegalArgumentException(
              "upstream already has table " + existing.qualifiedName() + " (id " + id + ")");
        }
      }
      UpstreamTable added = new UpstreamTable(schema, table, id, columns, primaryKey);
      tables.add(added);
      return added;
    }
  }

  /**
   * {@code POST /api/v2/verify_table}: which upstream tables a config's filter matches, split by
   * eligibility. Only an unparseable sink URI is refused; the scheme is not checked.
   */
  VerifiedTables verifyTables(ChangefeedSpec request) {
    ChangefeedSpec spec = request.forVersion(core.version);
    SinkUri uri = ChangefeedChecks.parseSinkUri(spec.sinkUri());
    if (core.rules.coordinator()) {
      // pingcap/ticdc api/v2/changefeed.go@v26.3.4 VerifyTable validates the config first
      ChangefeedCommands.validateConfig(core.rules, spec.replicaConfigValue(), uri);
    }
    return filteredTables(spec);
  }

  /**
   * {@code POST /api/v2/get_all_tables} of the new architecture: only the filter is built, the sink
   * URI is not looked at (pingcap/ticdc {@code api/v2/changefeed.go} GetAllTables).
   */
  VerifiedTables allTables(ChangefeedSpec request) {
    return filteredTables(request.forVersion(core.version));
  }

  /**
   * How many table metas of one schema TiCDC verifies together: a batch adds its tables to {@code
   * all_tables} only when the filter selects at least one of them (pingcap/ticdc {@code
   * logservice/schemastore/validator.go@v26.3.4} VerifyTables, appendResults).
   */
  private static final int VERIFY_BATCH = 1024;

  private VerifiedTables filteredTables(ChangefeedSpec spec) {
    ReplicaConfig config = new ReplicaConfig(core.shape(), spec.replicaConfigValue());
    TableFilter filter = TableFilter.parse(config.filterRules(), config.caseSensitive());
    synchronized (core.lock) {
      List<UpstreamTable> eligible = new ArrayList<>();
      List<UpstreamTable> ineligible = new ArrayList<>();
      Map<String, List<List<UpstreamTable>>> batches = new LinkedHashMap<>();
      Set<List<UpstreamTable>> selecting = Collections.newSetFromMap(new IdentityHashMap<>());
      for (UpstreamTable table : core.state.upstreamTables) {
        if (!filter.matchesSchema(table.schema())) {
          continue;
        }
        List<List<UpstreamTable>> schema =
            batches.computeIfAbsent(table.schema(), s -> new ArrayList<>());
        if (schema.isEmpty() || schema.get(schema.size() - 1).size() == VERIFY_BATCH) {
          schema.add(new ArrayList<>());
        }
        List<UpstreamTable> batch = schema.get(schema.size() - 1);
        batch.add(table);
        if (filter.matches(table.schema(), table.table())) {
          (table.eligible() ? eligible : ineligible).add(table);
          selecting.add(batch);
        }
      }
      List<UpstreamTable> all = new ArrayList<>();
      for (List<List<UpstreamTable>> schema : batches.values()) {
        for (List<UpstreamTable> batch : schema) {
          if (selecting.contains(batch)) {
            all.addAll(batch);
          }
        }
      }
      return new VerifiedTables(ineligible, eligible, all);
    }
  }
}
