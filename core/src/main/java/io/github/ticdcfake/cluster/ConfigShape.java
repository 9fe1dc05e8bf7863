package io.github.ticdcfake.cluster;

import static io.github.ticdcfake.cluster.GoType.ptr;

import io.github.ticdcfake.cluster.GoType.Struct;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JSON shapes and default config of one TiCDC release: the single place where releases differ
 * in what {@code replica_config} looks like; {@link DomainRules} picks one per release.
 */
final class ConfigShape {
  /** tiflow HEAD (v8.5). */
  static final ConfigShape HEAD =
      new ConfigShape(
          ReplicaConfigSchema.REPLICA_CONFIG,
          ReplicaConfigSchema.SINK,
          ReplicaConfigSchema::defaults);

  /** tiflow v7.3.0. */
  static final ConfigShape V7_3 =
      new ConfigShape(
          ReplicaConfigSchema.REPLICA_CONFIG_V73,
          ReplicaConfigSchema.SINK_V73,
          ReplicaConfigSchema::defaultsV73);

  /** The new architecture at v26.3.4 (pingcap/ticdc {@code api/v2/model.go@v26.3.4}). */
  static final ConfigShape NEWARCH =
      new ConfigShape(
          NewArchConfigSchema.REPLICA_CONFIG_NEWARCH,
          NewArchConfigSchema.SINK_NEWARCH,
          NewArchConfigSchema::defaultsNewArch);

  final Struct replicaConfig;
  final Struct sink;
  final Struct changefeedConfig;
  final Struct verifyTableConfig;
  private final Supplier<Map<String, Object>> defaults;

  private ConfigShape(Struct replicaConfig, Struct sink, Supplier<Map<String, Object>> defaults) {
    this.replicaConfig = replicaConfig;
    this.sink = sink;
    this.defaults = defaults;
    this.changefeedConfig =
        ReplicaConfigSchema.replace(
            ReplicaConfigSchema.CHANGEFEED_CONFIG, "replica_config", ptr(replicaConfig));
    this.verifyTableConfig =
        ReplicaConfigSchema.replace(
            ReplicaConfigSchema.VERIFY_TABLE_CONFIG, "replica_config", ptr(replicaConfig));
  }

  /** The shape of a release, as its {@link DomainRules} choose it. */
  static ConfigShape of(TiCdcVersion version) {
    return DomainRules.of(version).shape();
  }

  /** A fresh, mutable default config. */
  Map<String, Object> defaults() {
    return defaults.get();
  }

  Map<String, Object> copy(Map<String, Object> config) {
    return GoType.copyStruct(replicaConfig, config);
  }
}
