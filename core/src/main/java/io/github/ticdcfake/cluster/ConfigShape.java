package io.github.ticdcfake.cluster;

import static io.github.ticdcfake.cluster.GoType.ptr;

import io.github.ticdcfake.cluster.GoType.Struct;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JSON shapes and default config of one TiCDC release: the single place where releases differ
 * in what {@code replica_config} looks like (reference §5.2, §5.7, §11.1).
 */
final class ConfigShape {
  private static final ConfigShape HEAD =
      new ConfigShape(
          ReplicaConfigSchema.REPLICA_CONFIG,
          ReplicaConfigSchema.SINK,
          ReplicaConfigSchema::defaults);
  private static final ConfigShape V7_3 =
      new ConfigShape(
          ReplicaConfigSchema.REPLICA_CONFIG_V73,
          ReplicaConfigSchema.SINK_V73,
          ReplicaConfigSchema::defaultsV73);

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

  static ConfigShape of(TiCdcVersion version) {
    return version == TiCdcVersion.V7_3 ? V7_3 : HEAD;
  }

  /** A fresh, mutable default config. */
  Map<String, Object> defaults() {
    return defaults.get();
  }

  Map<String, Object> copy(Map<String, Object> config) {
    return GoType.copyStruct(replicaConfig, config);
  }
}
