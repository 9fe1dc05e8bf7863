package io.github.ticdcfake.internal.json;

/**
 * A compact Go JSON byte stream that a view writes into directly, for answers too large to build as
 * wire records first (lists of thousands of changefeeds); see {@link Json#pieces}.
 */
public interface JsonOut {
  /** Copies bytes encoded beforehand, such as a constant member prefix. */
  void raw(byte[] encoded);

  /** Writes a string with Go's HTML-safe escapes. */
  void string(String value);

  /** Writes any value exactly as {@link Json#compact(Object)} would. */
  void value(Object value);

  /** How many bytes have been written so far: a mark for {@link #repeat}. */
  int position();

  /** Writes again the bytes written between the marks {@code from} and {@code to}. */
  void repeat(int from, int to);
}
