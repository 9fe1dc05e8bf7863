package io.github.ticdcfake.fault;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The bounded request journal of one fake cluster: every request any capture received, newest last,
 * including unknown paths and faulted ones.
 *
 * <p>Holds at most {@link #capacity()} entries (10 000 by default); older ones are dropped and
 * counted in {@link #dropped()}, so long runs cannot run out of memory. Thread-safe; a reset of the
 * cluster empties it.
 */
public final class Journal {
  /** The default capacity. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private final int capacity;
  private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();
  private long dropped;
  private long sequence;

  /** A journal keeping at most {@code capacity} entries. */
  public Journal(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("journal capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** The most entries kept. */
  public int capacity() {
    return capacity;
  }

  /** Appends a request (its {@code sequence} is assigned here) and wakes waiting threads. */
  public RecordedRequest record(RecordedRequest request) {
    Objects.requireNonNull(request, "request");
    synchronized (entries) {
      RecordedRequest numbered = request.withSequence(++sequence);
      if (entries.size() == capacity) {
        entries.removeFirst();
        dropped++;
      }
      entries.addLast(numbered);
      entries.notifyAll();
      return numbered;
    }
  }

  /** All kept requests, oldest first. */
  public List<RecordedRequest> requests() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  /** The kept requests matching {@code filter}, oldest first. */
  public List<RecordedRequest> requests(Predicate<? super RecordedRequest> filter) {
    synchronized (entries) {
      List<RecordedRequest> out = new ArrayList<>();
      for (RecordedRequest r : entries) {
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
    synchronized (entries) {
      return dropped;
    }
  }

  /** Forgets every request and the dropped count. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
      dropped = 0;
      sequence = 0;
      entries.notifyAll();
    }
  }

  /**
   * Waits for the oldest kept request matching {@code filter}, which may already be there.
   *
   * @throws AssertionError if none arrives within {@code timeout}
   */
  public RecordedRequest await(Predicate<? super RecordedRequest> filter, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (entries) {
      while (true) {
        for (RecordedRequest r : entries) {
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
                  + entries.size()
                  + " requests, last: "
                  + (entries.isEmpty() ? "none" : describe(entries.peekLast())));
        }
        waitOn(left);
      }
    }
  }

  /** Waits up to {@code nanos} for the next request (or a clear); used by the cluster's awaits. */
  public void awaitActivity(long nanos) {
    synchronized (entries) {
      waitOn(nanos);
    }
  }

  private void waitOn(long nanos) {
    try {
      entries.wait(Math.max(1, nanos / 1_000_000), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a request", e);
    }
  }

  private static String describe(RecordedRequest r) {
    return r.method() + " " + r.path() + " -> " + r.status();
  }
}
