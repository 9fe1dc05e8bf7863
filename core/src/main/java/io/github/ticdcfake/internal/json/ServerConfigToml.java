package io.github.ticdcfake.internal.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TiCDC's server configuration file ({@code cdc server --config FILE}, tiflow {@code
 * pkg/config/server_config.go} and {@code pkg/security/credential.go}), read strictly like tiflow's
 * {@code StrictDecodeFile}: an unknown key fails, the {@code debug} and {@code newarch} items are
 * skipped. Keys the fake has no use for ({@code [log]}, {@code [sorter]}, {@code [kv-client]},
 * intervals, memory limits) are accepted and ignored.
 */
public final class ServerConfigToml {
  private static final Set<String> STRINGS =
      Set.of("addr", "advertise-addr", "log-file", "log-level", "data-dir", "tz", "cluster-id");
  private static final Set<String> IGNORED =
      Set.of(
          "log",
          "capture-session-ttl",
          "owner-flush-interval",
          "processor-flush-interval",
          "sorter",
          "kv-client",
          "gc-tuner-memory-threshold",
          "per-table-memory-quota",
          "max-memory-percentage",
          "debug",
          "newarch");
  private static final Set<String> SECURITY_STRINGS = Set.of("ca-path", "cert-path", "key-path");
  private static final Set<String> SECURITY_LISTS =
      Set.of("cert-allowed-cn", "client-allowed-user");
  private static final Set<String> SECURITY_BOOLEANS = Set.of("mtls", "client-user-required");

  private ServerConfigToml() {}

  /**
   * What a server configuration file sets; a key the file does not set is absent from the maps.
   *
   * @param strings top-level string keys ({@code addr}, {@code advertise-addr}, {@code log-file},
   *     {@code log-level}, {@code data-dir}, {@code tz}, {@code cluster-id}) and, prefixed with
   *     {@code security.}, {@code ca-path}, {@code cert-path} and {@code key-path}
   * @param gcTtl {@code gc-ttl} in seconds, or {@code null}
   * @param lists {@code security.cert-allowed-cn} and {@code security.client-allowed-user}
   * @param booleans {@code security.mtls} and {@code security.client-user-required}
   */
  public record Settings(
      Map<String, String> strings,
      Long gcTtl,
      Map<String, List<String>> lists,
      Map<String, Boolean> booleans) {
    public Settings {
      strings = Map.copyOf(strings);
      lists = Map.copyOf(lists);
      booleans = Map.copyOf(booleans);
    }
  }

  /**
   * Reads a server configuration file.
   *
   * @throws IllegalArgumentException naming the file and the bad key
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Settings read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config file " + file, e);
    }
    JsonNode root;
    try {
      root = new TomlMapper().readTree(bytes);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("config file " + file + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config file " + file, e);
    }
    Map<String, String> strings = new java.util.LinkedHashMap<>();
    Map<String, List<String>> lists = new java.util.LinkedHashMap<>();
    Map<String, Boolean> booleans = new java.util.LinkedHashMap<>();
    Long gcTtl = null;
    List<String> unknown = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (STRINGS.contains(key)) {
        strings.put(key, text(file, key, value));
      } else if (key.equals("gc-ttl")) {
        if (!value.isIntegralNumber()) {
          throw incompatible(file, key, value, "integer");
        }
        gcTtl = value.longValue();
      } else if (key.equals("newarch") && value.isBoolean()) {
        // pingcap/ticdc cmd/cdc/server/server.go isNewArchEnabled; other forms stay ignored
        booleans.put("newarch", value.booleanValue());
      } else if (key.equals("security")) {
        if (!value.isObject()) {
          throw incompatible(file, key, value, "table");
        }
        security(file, value, strings, lists, booleans, unknown);
      } else if (!IGNORED.contains(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      // tiflow pkg/cmd/util/helper.go StrictDecodeFile
      throw new IllegalArgumentException(
          "component TiCDC server's config file "
              + file
              + " contained unknown configuration options: "
              + String.join(", ", unknown));
    }
    return new Settings(strings, gcTtl, lists, booleans);
  }

  private static void security(
      Path file,
      JsonNode security,
      Map<String, String> strings,
      Map<String, List<String>> lists,
      Map<String, Boolean> booleans,
      List<String> unknown) {
    for (Iterator<Map.Entry<String, JsonNode>> it = security.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      String path = "security." + key;
      JsonNode value = field.getValue();
      if (SECURITY_STRINGS.contains(key)) {
        strings.put(path, text(file, path, value));
      } else if (SECURITY_LISTS.contains(key)) {
        if (!value.isArray()) {
          throw incompatible(file, path, value, "slice");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
          items.add(text(file, path, item));
        }
        lists.put(path, List.copyOf(items));
      } else if (SECURITY_BOOLEANS.contains(key)) {
        if (!value.isBoolean()) {
          throw incompatible(file, path, value, "bool");
        }
        booleans.put(path, value.booleanValue());
      } else {
        unknown.add(path);
      }
    }
  }

  private static String text(Path file, String key, JsonNode value) {
    if (!value.isTextual()) {
      throw incompatible(file, key, value, "string");
    }
    return value.textValue();
  }

  private static IllegalArgumentException incompatible(
      Path file, String key, JsonNode value, String wanted) {
    String type =
        value.isTextual()
            ? "string"
            : value.isIntegralNumber()
                ? "integer"
                : value.isNumber()
                    ? "float"
                    : value.isBoolean() ? "bool" : value.isArray() ? "array" : "table";
    // the shape of Go's BurntSushi/toml error, which cdc server prints
    return new IllegalArgumentException(
        "config file "
            + file
            + ": toml: (last key \""
            + key
            + "\"): incompatible types: TOML value has type "
            + type
            + "; destination has type "
            + wanted);
  }
}
