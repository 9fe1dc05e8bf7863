package io.github.ticdcfake.junit5;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.OwnerTick;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What one registration asks for, from {@link TiCdcServer @TiCdcServer} or the builder; immutable.
 *
 * @param origin how the user registered the extension, for error messages
 */
record Settings(
    String origin,
    int captures,
    TiCdcVersion version,
    String scenario,
    boolean resetBeforeEach,
    String urlProperty,
    Supplier<PdClock> clock,
    OwnerTick ownerTick,
    Consumer<FakeTiCdcServer.Builder> server,
    Consumer<FakeCluster> initialState) {

  private static final Consumer<FakeTiCdcServer.Builder> NO_OPTIONS = builder -> {};
  private static final Consumer<FakeCluster> NO_STATE = cluster -> {};

  /** The settings of an annotation; {@code annotated} is the class that carries it. */
  static Settings of(TiCdcServer annotation, Class<?> annotated) {
    String origin = "@TiCdcServer on " + annotated.getName();
    TiCdcVersion version;
    try {
      version =
          annotation.newarch()
              ? TiCdcVersion.newArchitecture(
                  annotation.version().isEmpty() ? null : annotation.version())
              : annotation.version().isEmpty()
                  ? TiCdcVersion.latest()
                  : TiCdcVersion.parse(annotation.version());
    } catch (IllegalArgumentException e) {
      if (annotation.newarch() && isSupported(annotation.version())) {
        throw new ExtensionConfigurationException(
            origin + ": " + newarchConflict(annotation.version(), e.getMessage()), e);
      }
      throw new ExtensionConfigurationException(
          origin + ": " + e.getMessage() + "; fix version = \"" + annotation.version() + "\"", e);
    }
    return new Settings(
            origin,
            annotation.captures(),
            version,
            annotation.scenario(),
            annotation.resetBeforeEach(),
            annotation.urlProperty(),
            PdClock::system,
            OwnerTick.immediate(),
            serverOptions(origin, annotation.pdEndpoints(), annotation.clusterId()),
            NO_STATE)
        .validated();
  }

  private static boolean isSupported(String version) {
    try {
      TiCdcVersion.parse(version);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * {@code newarch = true} next to a classic {@code version}, in the annotation's words rather than
   * the command line's that {@link TiCdcVersion#newArchitecture(String)} speaks.
   */
  private static String newarchConflict(String version, String reason) {
    String cliPrefix = "--newarch cannot be combined with --version " + version + ": ";
    String why = reason.startsWith(cliPrefix) ? reason.substring(cliPrefix.length()) : reason;
    int cliFix = why.indexOf("; drop --version");
    why = cliFix < 0 ? why : why.substring(0, cliFix);
    return "newarch = true cannot be combined with version = \""
        + version
        + "\": "
        + why
        + "; drop version or give version = \""
        + TiCdcVersion.newArchitecture(null).version()
        + "\"";
  }

  /** The annotation's server-level attributes, checked now so that misuse fails the class. */
  private static Consumer<FakeTiCdcServer.Builder> serverOptions(
      String origin, String[] pdEndpoints, String clusterId) {
    if (pdEndpoints.length == 0 && clusterId.isEmpty()) {
      return NO_OPTIONS;
    }
    java.util.List<String> endpoints = java.util.List.of(pdEndpoints);
    for (String endpoint : endpoints) {
      if (!endpoint.matches("(?i)https?://[^/\\s]+/?")) {
        throw new ExtensionConfigurationException(
            origin
                + ": pdEndpoints = \""
                + endpoint
                + "\" is not a PD endpoint; use an http:// or https:// URL such as"
                + " \"https://127.0.0.1:2579\"");
      }
    }
    if (!clusterId.isEmpty() && !clusterId.matches("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*")) {
      throw new ExtensionConfigurationException(
          origin
              + ": clusterId = \""
              + clusterId
              + "\" is not a TiCDC cluster id; use letters, digits and single dashes such as"
              + " \"simple-cluster-id\"");
    }
    return builder -> {
      if (!endpoints.isEmpty()) {
        builder.pdEndpoints(endpoints);
      }
      if (!clusterId.isEmpty()) {
        builder.clusterId(clusterId);
      }
    };
  }

  /** The settings of {@code @ExtendWith(TiCdcExtension.class)} without the annotation. */
  static Settings defaults(Class<?> testClass) {
    return new Settings(
        "@ExtendWith(TiCdcExtension.class) on " + testClass.getName(),
        1,
        TiCdcVersion.latest(),
        "",
        true,
        "",
        PdClock::system,
        OwnerTick.immediate(),
        NO_OPTIONS,
        NO_STATE);
  }

  static Consumer<FakeTiCdcServer.Builder> noOptions() {
    return NO_OPTIONS;
  }

  static Consumer<FakeCluster> noState() {
    return NO_STATE;
  }

  /** Fails fast, naming the fix, when the settings cannot work. */
  Settings validated() {
    if (captures < 1) {
      throw new ExtensionConfigurationException(
          origin
              + ": captures = "
              + captures
              + " cannot work, a TiCDC cluster has at least one capture; use captures = 1 or more");
    }
    if (!scenario.isEmpty()) {
      // Read and parse now, so an unreadable or invalid scenario fails the class up front.
      FakeTiCdcServer.builder().scenarioJson(scenarioText());
    }
    if (!urlProperty.equals(urlProperty.strip())) {
      throw new ExtensionConfigurationException(
          origin + ": urlProperty = \"" + urlProperty + "\" has surrounding whitespace; remove it");
    }
    return this;
  }

  /**
   * The scenario document: a classpath resource (with or without a leading slash) or else a file.
   *
   * @throws ExtensionConfigurationException naming the attribute when it cannot be read or parsed
   */
  private String scenarioText() {
    String name = scenario.startsWith("/") ? scenario.substring(1) : scenario;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (java.io.InputStream in = loader == null ? null : loader.getResourceAsStream(name)) {
      if (in != null) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      java.nio.file.Path file = java.nio.file.Path.of(scenario);
      if (java.nio.file.Files.isReadable(file)) {
        return java.nio.file.Files.readString(file);
      }
    } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
      throw unreadable(e.getMessage());
    }
    throw unreadable("no classpath resource or readable file of that name");
  }

  private ExtensionConfigurationException unreadable(String why) {
    return new ExtensionConfigurationException(
        origin
            + ": cannot read scenario = \""
            + scenario
            + "\" ("
            + why
            + "); name a classpath resource such as \"scenarios/cluster.json\" or a file path");
  }

  /** Starts a server as configured, seeded with the initial state that resets return to. */
  FakeTiCdcServer start() {
    FakeTiCdcServer.Builder builder =
        FakeTiCdcServer.builder()
            .captures(captures)
            .version(version)
            .clock(clock.get())
            .ownerTick(ownerTick);
    if (!scenario.isEmpty()) {
      try {
        builder.scenarioJson(scenarioText());
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(
            origin + ": invalid scenario = \"" + scenario + "\": " + e.getMessage(), e);
      }
    }
    server.accept(builder);
    FakeTiCdcServer started = builder.start();
    if (initialState != NO_STATE) {
      try {
        initialState.accept(started.cluster());
        started.cluster().markInitialState();
      } catch (RuntimeException | Error e) {
        started.close();
        throw e;
      }
    }
    return started;
  }
}
