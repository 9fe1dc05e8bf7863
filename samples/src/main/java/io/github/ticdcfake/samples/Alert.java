package io.github.ticdcfake.samples;

/**
 * Something an operator must look at.
 *
 * @param changefeedId the changefeed
 * @param kind what is wrong
 * @param detail a human-readable explanation
 */
public record Alert(String changefeedId, Kind kind, String detail) {
  /** What is wrong with the changefeed. */
  public enum Kind {
    /** The changefeed is {@code failed}: TiCDC gave up and needs a resume. */
    FAILED,
    /** The changefeed is {@code normal} yet its checkpoint has not moved for too long. */
    STALLED
  }
}
