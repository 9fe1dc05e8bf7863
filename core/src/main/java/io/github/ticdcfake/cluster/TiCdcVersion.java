package io.github.ticdcfake.cluster;

/**
 * The TiCDC release the fake mimics: the version it reports and every behaviour that differs
 * between releases (reference §11.1). This enum and {@code ConfigShape} are the only places that
 * know about releases, so a further flavour is added here without touching handlers.
 */
public enum TiCdcVersion {
  /**
   * tiflow v7.3.0, the release of TiCDC's public "OpenAPI v2" document: no {@code /synced}, no
   * authentication, {@code case_sensitive} and {@code enable_old_value} on by default, and looser
   * timestamp checks.
   */
  V7_3("v7.3.0", "51fb570eb489d003ede12779794816bed16cb0c4"),
  /** tiflow HEAD ≈ v8.5, the default. */
  V8_5("v8.5.4", "10413bded1bdb2850aa6d7b94eb375102e9c44dc");

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

  /** The newest supported classic TiCDC. */
  public static TiCdcVersion latest() {
    return V8_5;
  }

  boolean rejectsFutureStartTs() {
    return this != V7_3;
  }

  /** v8.0+ checks the kept checkpoint of a plain resume against TSO and GC (reference §3.7). */
  boolean checksResumeCheckpoint() {
    return this != V7_3;
  }

  boolean rejectsFutureOverwriteCheckpointTs() {
    return this != V7_3;
  }

  /** v7.3 answered a resume whose PD client failed with 400, later releases with 500. */
  boolean resumePdFailureIsBadRequest() {
    return this == V7_3;
  }

  /** v7.3 (before v7.5.1) prunes the {@code blackhole://} config like any generic sink. */
  boolean prunesBlackholeConfig() {
    return this == V7_3;
  }

  /** v7.3 sets {@code enable_old_value} from the sink protocol. */
  boolean togglesOldValueByProtocol() {
    return this == V7_3;
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
