package io.github.ticdcfake.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One cluster's stored replica configs, shared: changefeeds with equal configs hold one instance,
 * and a config that differs keeps its own top level but shares every section equal to one seen
 * before. So 10 000 default changefeeds cost one config, not 10 000 private trees. Safe because a
 * stored config is never written to (every conversion copies first). Bounded; guarded by the
 * cluster's lock.
 */
final class ConfigPool {
  private static final int MAX_ENTRIES = 1024;

  private final Map<ReplicaConfig, ReplicaConfig> configs = new HashMap<>();
  private final Map<Object, Object> sections = new HashMap<>();

  ConfigPool(ConfigShape shape) {
    ReplicaConfig defaults = new ReplicaConfig(shape, shape.defaults());
    intern(defaults);
  }

  /** The shared instance equal to {@code config}; {@code config} itself, its sections shared. */
  ReplicaConfig intern(ReplicaConfig config) {
    ReplicaConfig known = configs.get(config);
    if (known != null) {
      return known;
    }
    config.raw().replaceAll((key, value) -> shareSection(value));
    if (configs.size() < MAX_ENTRIES) {
      configs.put(config, config);
    }
    return config;
  }

  private Object shareSection(Object value) {
    if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
      return value;
    }
    Object known = sections.get(value);
    if (known != null) {
      return known;
    }
    if (sections.size() < MAX_ENTRIES) {
      sections.put(value, value);
    }
    return value;
  }
}
