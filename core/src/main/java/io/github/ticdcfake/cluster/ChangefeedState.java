package io.github.ticdcfake.cluster;

/**
 * The internal states of a TiCDC changefeed (tiflow {@code cdc/model/changefeed.go}, pingcap/tiflow
 * cdc/owner/feed_state_manager.go).
 *
 * <p>{@link #wireName()} is what GET shows; the list shows {@link #PENDING} as {@code warning}
 * ({@link #listName()}).
 */
public enum ChangefeedState {
  NORMAL("normal", 0),
  WARNING("warning", 0),
  PENDING("pending", 1),
  STOPPED("stopped", 1),
  FAILED("failed", 1),
  FINISHED("finished", 4);

  private final String wireName;
  private final int adminJobType;

  ChangefeedState(String wireName, int adminJobType) {
    this.wireName = wireName;
    this.adminJobType = adminJobType;
  }

  /** The state string TiCDC stores and GET returns. */
  public String wireName() {
    return wireName;
  }

  /** The state string the list route shows: {@code pending} is displayed as {@code warning}. */
  public String listName() {
    return this == PENDING ? WARNING.wireName : wireName;
  }

  /**
   * The {@code admin_job_type} stored with this state: 0 none, 1 stop, 4 finish (pingcap/tiflow
   * cdc/owner/feed_state_manager.go).
   */
  public int adminJobType() {
    return adminJobType;
  }

  /**
   * Whether processors run for the changefeed (normal and warning, pingcap/tiflow
   * cdc/owner/feed_state_manager.go).
   */
  public boolean isRunning() {
    return this == NORMAL || this == WARNING;
  }

  /** The state whose {@link #wireName()} is {@code name}, or {@code null}. */
  public static ChangefeedState fromWireName(String name) {
    for (ChangefeedState state : values()) {
      if (state.wireName.equals(name)) {
        return state;
      }
    }
    return null;
  }
}
