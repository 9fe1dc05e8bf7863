package io.github.ticdcfake.cluster;

import io.github.ticdcfake.cluster.ChangefeedEntry.JobType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code /api/v1} commands whose steps differ from v2's (tiflow {@code cdc/api/v1/api.go},
 * {@code cdc/api/v1/validator.go}): update, resume, remove of an existing changefeed, and the list
 * over every namespace. Create is v2's command with v1's spec ({@link
 * V1ChangefeedConfig#toCreateSpec()}).
 */
final class V1ChangefeedCommands {
  private final ClusterCore core;
  private final Upstream upstream;
  private final ChangefeedCommands commands;
  private final ChangefeedQueries queries;

  V1ChangefeedCommands(
      ClusterCore core, Upstream upstream, ChangefeedCommands commands, ChangefeedQueries queries) {
    this.core = core;
    this.upstream = upstream;
    this.commands = commands;
    this.queries = queries;
  }

  /** Existence, the state gate, then the body, then v1's update steps ({@link V1Update}). */
  Changefeed update(String id, Supplier<V1ChangefeedConfig> body) {
    Supplier<V1ChangefeedConfig> once = ChangefeedCommands.memoize(body);
    return ChangefeedCommands.withDials(
        SinkDials.forRequest(upstream.sinkProbe(), core.lock),
        dials -> {
          synchronized (core.lock) {
            ChangefeedEntry entry = core.require(FakeCluster.DEFAULT_NAMESPACE, id);
            if (entry.state != ChangefeedState.STOPPED && entry.state != ChangefeedState.FAILED) {
              throw CdcError.CHANGEFEED_UPDATE_REFUSED.raise(
                  "can only update changefeed config when it is stopped or failed");
            }
            V1ChangefeedConfig update = once.get().forVersion(core.version);
            V1Update.apply(entry, update, core.rules, uri -> upstream.dialError(uri, dials));
            entry.config = core.configs.intern(entry.config);
            return core.snapshot(entry);
          }
        });
  }

  /** A resume job with no TSO or GC check and no body. */
  void resumeWithoutCheckpointCheck(String namespace, String id) {
    synchronized (core.lock) {
      core.engine.queue(core.state, core.require(namespace, id), JobType.RESUME, 0);
    }
  }

  /** Remove that refuses a missing changefeed with {@code CDC:ErrChangeFeedNotExists}. */
  void removeExisting(String namespace, String id) {
    synchronized (core.lock) {
      core.require(namespace, id);
      commands.remove(namespace, id);
    }
  }

  /** The existence check of rebalance_table and move_table; the placement is left as it is. */
  Changefeed requireExisting(String namespace, String id) {
    synchronized (core.lock) {
      return core.snapshot(core.require(namespace, id));
    }
  }

  /** {@link ChangefeedQueries#list} over every namespace, in namespace order. */
  List<Changefeed> listInAllNamespaces(String stateFilter) {
    synchronized (core.lock) {
      List<Changefeed> out = new ArrayList<>();
      for (String namespace : List.copyOf(core.state.changefeeds.keySet())) {
        out.addAll(queries.list(namespace, stateFilter));
      }
      return out;
    }
  }
}
