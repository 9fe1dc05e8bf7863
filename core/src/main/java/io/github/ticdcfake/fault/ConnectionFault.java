package io.github.ticdcfake.fault;

import java.util.Locale;

/**
 * Faults below HTTP: what the client's socket sees instead of a well-formed answer.
 *
 * <p>Each constant's name in scenario files and {@code POST /__fake/faults} is its lower-case name
 * ({@code "connection": "reset"}).
 */
public enum ConnectionFault implements Fault {
  /** The connection is aborted with a TCP RST; clients see "connection reset". */
  RESET,
  /** The connection is closed (FIN) without any response; clients see an unexpected EOF. */
  CLOSE,
  /** Status line and headers ({@code Content-Length: 0}), no body; JSON decoding fails. */
  EMPTY,
  /**
   * Headers announce the full body, only the first half is sent, then the connection closes; the
   * client sees a truncated body.
   */
  MALFORMED,
  /**
   * Nothing is ever answered and the connection stays open until the client gives up (or the server
   * closes); tests the client's timeout.
   */
  STALL;

  /** The name used in scenario files, for example {@code reset}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant named {@code name} in scenario files, or {@code null}. */
  public static ConnectionFault fromWireName(String name) {
    for (ConnectionFault fault : values()) {
      if (fault.wireName().equals(name)) {
        return fault;
      }
    }
    return null;
  }

  @Override
  public String describe() {
    return "connection " + wireName();
  }
}
