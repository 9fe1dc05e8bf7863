package io.github.ticdcfake.internal.http;

/**
 * The chunk buffers large answers are streamed from, reused from one big answer to the next.
 *
 * <p>A list of 10 000 changefeeds is a 1.8 MB body. It is written and sent in pieces through one 64
 * KB chunk, borrowed when the answer starts streaming and given back when its last piece is written
 * (or the write failed), so a chunk is never shared by two answers at once and the bytes are sent
 * while they are still in the CPU cache. A chunk that never comes back (a dropped exchange) is
 * simply collected. Small answers do not use the pool: a fresh small array is cheaper than the
 * bookkeeping.
 */
final class BodyBuffers {
  /** Below this many bytes an answer is allocated normally. */
  static final int MIN_POOLED = 64 * 1024;

  /**
   * Larger buffers are not kept: one outsized list must not pin its memory for the server's life.
   */
  static final int MAX_POOLED = 8 * 1024 * 1024;

  /** How many idle buffers are kept (two keep-alive clients listing at once). */
  private static final int KEPT = 2;

  private final byte[][] idle = new byte[KEPT][];

  /**
   * An idle buffer of at least {@code size} bytes, or null when none is idle (the writer then
   * allocates one of the right size) or {@code size} is too small to pool.
   */
  synchronized byte[] borrow(int size) {
    if (size < MIN_POOLED) {
      return null;
    }
    int best = -1;
    for (int i = 0; i < KEPT; i++) {
      byte[] b = idle[i];
      if (b != null && b.length >= size && (best < 0 || b.length < idle[best].length)) {
        best = i;
      }
    }
    if (best < 0) {
      return null;
    }
    byte[] b = idle[best];
    idle[best] = null;
    return b;
  }

  /** Takes a buffer back once nothing reads it any more; the smallest idle one makes room. */
  synchronized void giveBack(byte[] buffer) {
    if (buffer.length < MIN_POOLED || buffer.length > MAX_POOLED) {
      return;
    }
    int slot = 0;
    for (int i = 0; i < KEPT; i++) {
      if (idle[i] == null) {
        slot = i;
        break;
      }
      if (idle[i].length < idle[slot].length) {
        slot = i;
      }
    }
    if (idle[slot] == null || idle[slot].length < buffer.length) {
      idle[slot] = buffer;
    }
  }

  /** The idle buffers' total size (for tests). */
  synchronized long idleBytes() {
    long total = 0;
    for (byte[] b : idle) {
      total += b == null ? 0 : b.length;
    }
    return total;
  }
}
