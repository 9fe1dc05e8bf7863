package io.github.ticdcfake.cluster;

/**
 * The TiCDC release the fake mimics: the version it reports and every behaviour that differs
 * between releases. The domain's differences live in {@code DomainRules}, chosen by an exhaustive
 * switch over this enum.
 */
public enum TiCdcVersion {
  /**
   * tiflow v7.3.0, the release of TiCDC's public "OpenAPI v2" document: no {@code /synced}, no
   * authentication, {@code case_sensitive} and {@code enable_old_value} on by default, and looser
   * timestamp checks.
   */
  V7_3("v7.3.0", "51fb570eb489d003ede12779794816bed16cb0c4"),
  /** tiflow HEAD ≈ v8.5, the default. */
  V8_5("v8.5.4", "10413bded1bdb2850aa6d7b94eb375102e9c44dc"),
  /**
   * TiCDC's new architecture as released in v26.3.4 ({@code cdc server --newarch}, built from
   * {@code pingcap/ticdc}): a coordinator instead of the owner, {@code keyspace} instead of {@code
   * namespace}, changefeed {@code gid}s, pause and delete that return when done, and its own route
   * set.
   */
  V26_3_NEWARCH("v26.3.4", "65002945d670fea61492e35545326a0a289853c5");

  private final String version;
  private final String gitHash;

  TiCdcVersion(String version, String gitHash) {
    this.version = version;
    this.gitHash = gitHash;
  }

  /** The version string TiCDC reports, for example {@code v8.5.4}. */
  public String version() {
    return version;
  }

  /** The git hash {@code /status} reports. */
  public String gitHash() {
    return gitHash;
  }

  /** Whether this is TiCDC's new architecture ({@code cdc server --newarch}). */
  public boolean isNewArchitecture() {
    return switch (this) {
      case V7_3, V8_5 -> false;
      case V26_3_NEWARCH -> true;
    };
  }

  /** The newest supported classic TiCDC. */
  public static TiCdcVersion latest() {
    return V8_5;
  }

  /**
   * The new-architecture flavour {@code cdc server --newarch} selects, given the {@code --version}
   * asked for alongside ({@code null} for none): only v26.3 has one here.
   *
   * @throws IllegalArgumentException for a version without a new architecture to mimic
   */
  public static TiCdcVersion newArchitecture(String version) {
    if (version == null) {
      return V26_3_NEWARCH;
    }
    TiCdcVersion parsed = parse(version);
    return switch (parsed) {
      case V26_3_NEWARCH -> parsed;
      case V7_3 ->
          throw new IllegalArgumentException(
              "--newarch cannot be combined with --version "
                  + version
                  + ": TiCDC v7.3 has no new architecture (it came with v8.5.4, built from"
                  + " pingcap/ticdc); the fake mimics the new architecture of v26.3.4");
      case V8_5 ->
          throw new IllegalArgumentException(
              "--newarch cannot be combined with --version "
                  + version
                  + ": the fake mimics the new architecture of v26.3.4 only; drop --version or"
                  + " give --version v26.3.4");
    };
  }

  /**
   * The flavour for a version string such as {@code v8.5.0}, {@code 7.3} or {@code v7.3.0}.
   *
   * @throws IllegalArgumentException naming the supported versions
   */
  public static TiCdcVersion parse(String text) {
    String normalized = text.startsWith("v") ? text.substring(1) : text;
    for (TiCdcVersion candidate : values()) {
      String prefix = candidate.version.substring(1, candidate.version.lastIndexOf('.'));
      if (normalized.equals(prefix) || normalized.startsWith(prefix + ".")) {
        return candidate;
      }
    }
    StringBuilder supported = new StringBuilder();
    for (TiCdcVersion candidate : values()) {
      supported.append(supported.length() == 0 ? "" : ", ").append(candidate.version);
    }
    throw new IllegalArgumentException(
        "unsupported TiCDC version '" + text + "'; supported: " + supported);
  }
}
