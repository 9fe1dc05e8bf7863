package io.github.ticdcfake.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The bounded request journal of one fake cluster: every request any capture received, newest last,
 * including unknown paths, faulted ones and bodies refused as too large.
 *
 * <p>Holds at most {@link #capacity()} entries (10 000 by default); older ones are dropped and
 * counted in {@link #dropped()}, so long runs cannot run out of memory. Bodies are kept up to
 * {@link #MAX_BODY_BYTES} each, and the kept body text of all entries together stays within {@link
 * #BODY_BUDGET_CHARS}: past it the oldest entries lose their body text (their size stays), so a
 * full journal after large bodies stays small and quick to list. Sequences of kept entries are
 * consecutive, so {@link #page} finds its entries without a scan. Thread-safe; a reset of the
 * cluster empties it.
 */
public final class Journal {
  /** The default capacity. */
  public static final int DEFAULT_CAPACITY = 10_000;

  /** The most bytes of one request body a fake capture records (64 KiB). */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /**
   * The most body text, in characters, all kept entries hold together (1 Mi: sixteen bodies of the
   * largest kept size, or about a thousand typical create bodies); the oldest bodies go first.
   */
  public static final long BODY_BUDGET_CHARS = 1024L * 1024;

  private final int capacity;
  private final long bodyBudget;

  /** Guards everything below; waiting threads wait on it. */
  private final Object lock = new Object();

  /** A ring of the kept entries, oldest at {@code head}; grows up to {@code capacity}. */
  private RecordedRequest[] ring = new RecordedRequest[16];

  private int head;
  private int size;

  /** The oldest {@code stripped} kept entries lost their body text to the budget. */
  private int stripped;

  private long bodyChars;
  private long dropped;
  private long sequence;

  /** A journal keeping at most {@code capacity} entries. */
  public Journal(int capacity) {
    this(capacity, BODY_BUDGET_CHARS);
  }

  /** A journal with its own body budget (tests of the budget). */
  Journal(int capacity, long bodyBudget) {
    if (capacity < 1) {
      throw new IllegalArgumentException("journal capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.bodyBudget = bodyBudget;
  }

  /** The most entries kept. */
  public int capacity() {
    return capacity;
  }

  /** Appends a request (its {@code sequence} is assigned here) and wakes waiting threads. */
  public RecordedRequest record(RecordedRequest request) {
    Objects.requireNonNull(request, "request");
    synchronized (lock) {
      RecordedRequest numbered = request.withSequence(++sequence);
      if (size == capacity) {
        removeOldest();
        dropped++;
      } else if (size == ring.length) {
        grow();
      }
      ring[(head + size) % ring.length] = numbered;
      size++;
      bodyChars += numbered.body().length();
      while (bodyChars > bodyBudget && stripped < size) {
        int slot = (head + stripped) % ring.length;
        RecordedRequest old = ring[slot];
        if (!old.body().isEmpty()) {
          bodyChars -= old.body().length();
          ring[slot] = old.withoutBody();
        }
        stripped++;
      }
      lock.notifyAll();
      return ring[(head + size - 1) % ring.length];
    }
  }

  private void removeOldest() {
    RecordedRequest oldest = ring[head];
    ring[head] = null;
    head = (head + 1) % ring.length;
    size--;
    if (stripped > 0) {
      stripped--;
    } else {
      bodyChars -= oldest.body().length();
    }
  }

  private void grow() {
    RecordedRequest[] bigger = new RecordedRequest[(int) Math.min(capacity, 2L * ring.length)];
    for (int i = 0; i < size; i++) {
      bigger[i] = ring[(head + i) % ring.length];
    }
    ring = bigger;
    head = 0;
  }

  private RecordedRequest at(int index) {
    return ring[(head + index) % ring.length];
  }

  /** All kept requests, oldest first. */
  public List<RecordedRequest> requests() {
    synchronized (lock) {
      return slice(0);
    }
  }

  /**
   * The newest {@code limit} kept requests whose sequence is above {@code afterSequence}, oldest
   * first: {@code page(0, Integer.MAX_VALUE)} is every kept request, {@code page(last, n)} what
   * arrived since a request numbered {@code last}.
   *
   * @throws IllegalArgumentException if {@code afterSequence} or {@code limit} is negative
   */
  public List<RecordedRequest> page(long afterSequence, int limit) {
    if (afterSequence < 0 || limit < 0) {
      throw new IllegalArgumentException(
          "afterSequence and limit must be >= 0, got " + afterSequence + " and " + limit);
    }
    synchronized (lock) {
      if (size == 0) {
        return List.of();
      }
      long first = at(0).sequence();
      long skip = Math.max(0, afterSequence - first + 1);
      long from = Math.max(skip, (long) size - limit);
      return slice((int) Math.min(from, size));
    }
  }

  private List<RecordedRequest> slice(int from) {
    RecordedRequest[] out = new RecordedRequest[size - from];
    for (int i = from; i < size; i++) {
      out[i - from] = at(i);
    }
    return List.of(out);
  }

  /** How many requests the journal keeps now. */
  public int size() {
    synchronized (lock) {
      return size;
    }
  }

  /** The sequence of the newest request recorded since the last reset, 0 when none. */
  public long lastSequence() {
    synchronized (lock) {
      return sequence;
    }
  }

  /** The kept requests matching {@code filter}, oldest first. */
  public List<RecordedRequest> requests(Predicate<? super RecordedRequest> filter) {
    synchronized (lock) {
      List<RecordedRequest> out = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        RecordedRequest r = at(i);
        if (filter.test(r)) {
          out.add(r);
        }
      }
      return out;
    }
  }

  /** The kept requests of one operation, oldest first. */
  public List<RecordedRequest> requests(Operation operation) {
    return requests(r -> r.is(operation));
  }

  /** The kept requests of one operation about one changefeed, oldest first. */
  public List<RecordedRequest> requests(Operation operation, String changefeedId) {
    return requests(r -> r.is(operation, changefeedId));
  }

  /** How many kept requests of {@code operation} concern {@code changefeedId}. */
  public int count(Operation operation, String changefeedId) {
    return requests(operation, changefeedId).size();
  }

  /** How many kept requests were routed to {@code operation}. */
  public int count(Operation operation) {
    return requests(operation).size();
  }

  /** How many requests were dropped because the journal was full. */
  public long dropped() {
    synchronized (lock) {
      return dropped;
    }
  }

  /** Forgets every request and the dropped count. */
  public void clear() {
    synchronized (lock) {
      ring = new RecordedRequest[16];
      head = 0;
      size = 0;
      stripped = 0;
      bodyChars = 0;
      dropped = 0;
      sequence = 0;
      lock.notifyAll();
    }
  }

  /**
   * Waits for the oldest kept request matching {@code filter}, which may already be there.
   *
   * @throws AssertionError if none arrives within {@code timeout}
   */
  public RecordedRequest await(Predicate<? super RecordedRequest> filter, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (true) {
        for (int i = 0; i < size; i++) {
          RecordedRequest r = at(i);
          if (filter.test(r)) {
            return r;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "no request matching the predicate within "
                  + timeout
                  + "; journal holds "
                  + size
                  + " requests, last: "
                  + (size == 0 ? "none" : describe(at(size - 1))));
        }
        waitOn(left);
      }
    }
  }

  /** Waits up to {@code nanos} for the next request (or a clear); used by the cluster's awaits. */
  public void awaitActivity(long nanos) {
    synchronized (lock) {
      waitOn(nanos);
    }
  }

  private void waitOn(long nanos) {
    try {
      lock.wait(Math.max(1, nanos / 1_000_000), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a request", e);
    }
  }

  private static String describe(RecordedRequest r) {
    return r.method() + " " + r.path() + " -> " + r.status();
  }
}
