package io.github.ticdcfake.fault;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * When to inject which {@link Fault}: a trigger (operations, changefeed, capture, counts,
 * probability, time window) and one effect. Immutable; add it with {@code cluster.faults().add}.
 *
 * <pre>{@code
 * // the first two pauses of cf-1 take effect, yet the client sees a 500 each time
 * cluster.faults().add(
 *     FaultRule.on(Operation.PAUSE_CHANGEFEED)
 *         .forChangefeed("cf-1")
 *         .times(2)
 *         .applyFirst()
 *         .inject(Fault.error(500, "CDC:ErrPDEtcdAPIError", "etcd api call error")));
 * }</pre>
 *
 * <p>A request is checked against the rules in the order they were added; the first rule that fires
 * decides, the others do not see the request. A rule counts only the requests its trigger matches:
 * {@link Builder#after(int) after} skips that many, {@link Builder#times(int) times} fires that
 * often and then the rule is spent, {@link Builder#withProbability(double, long)} fires at random
 * with a seeded generator (the same seed and requests give the same faults).
 */
public final class FaultRule {
  private final Set<Operation> operations; // empty: every /api/v2 and /api/v1 operation
  private final String changefeedId;
  private final String captureId;
  private final int after;
  private final int times; // -1: forever
  private final double probability; // NaN: always
  private final long seed;
  private final Instant from;
  private final Instant until;
  private final boolean applyFirst;
  private final Fault fault;

  private FaultRule(Builder b, Fault fault) {
    this.operations = Collections.unmodifiableSet(EnumSet.copyOf(b.operations));
    this.changefeedId = b.changefeedId;
    this.captureId = b.captureId;
    this.after = b.after;
    this.times = b.times;
    this.probability = b.probability;
    this.seed = b.seed;
    this.from = b.from;
    this.until = b.until;
    this.applyFirst = b.applyFirst;
    this.fault = Objects.requireNonNull(fault, "fault");
  }

  private FaultRule(FaultRule rule, int after, int times, long seed) {
    this.operations = rule.operations;
    this.changefeedId = rule.changefeedId;
    this.captureId = rule.captureId;
    this.after = after;
    this.times = times;
    this.probability = rule.probability;
    this.seed = seed;
    this.from = rule.from;
    this.until = rule.until;
    this.applyFirst = rule.applyFirst;
    this.fault = rule.fault;
  }

  /**
   * This rule with new counts and seed: what is left of it once it matched and fired a few times.
   */
  FaultRule continuing(int after, int times, long seed) {
    return new FaultRule(this, after, times, seed);
  }

  /** A rule for requests of these operations. */
  public static Builder on(Operation first, Operation... more) {
    Builder builder = new Builder();
    builder.operations.add(Objects.requireNonNull(first, "operation"));
    for (Operation operation : more) {
      builder.operations.add(Objects.requireNonNull(operation, "operation"));
    }
    return builder;
  }

  /**
   * A rule for every {@code /api/v2} and {@code /api/v1} operation ({@code "route": "*"}; not the
   * {@linkplain Operation#isRootRoute() root routes}).
   */
  public static Builder onAnyOperation() {
    return new Builder();
  }

  /**
   * The operations this rule is about; empty means every {@code /api/v2} and {@code /api/v1}
   * operation.
   */
  public Set<Operation> operations() {
    return operations;
  }

  /** Only requests about this changefeed (path, or body of a create), if set. */
  public Optional<String> changefeedId() {
    return Optional.ofNullable(changefeedId);
  }

  /** Only requests answered by this capture's port, if set. */
  public Optional<String> captureId() {
    return Optional.ofNullable(captureId);
  }

  /** Matching requests skipped before the rule fires. */
  public int after() {
    return after;
  }

  /** How often the rule fires before it is spent; empty means forever. */
  public OptionalInt times() {
    return times < 0 ? OptionalInt.empty() : OptionalInt.of(times);
  }

  /** The probability a matching request fires the rule; empty means always. */
  public OptionalDouble probability() {
    return Double.isNaN(probability) ? OptionalDouble.empty() : OptionalDouble.of(probability);
  }

  /** The seed of the probability's random generator. */
  public long seed() {
    return seed;
  }

  /** The start of the PD-clock window in which the rule is active, if any. */
  public Optional<Instant> from() {
    return Optional.ofNullable(from);
  }

  /** The end (exclusive) of the PD-clock window in which the rule is active, if any. */
  public Optional<Instant> until() {
    return Optional.ofNullable(until);
  }

  /** Whether the operation takes effect before the fault is answered ("commit then fail"). */
  public boolean applyFirst() {
    return applyFirst;
  }

  /** The effect. */
  public Fault fault() {
    return fault;
  }

  /**
   * Whether a request with these facts matches the trigger, before counts and probability.
   *
   * @param operation the routed operation
   * @param requestChangefeedId the changefeed the request is about, or {@code null}
   * @param requestCaptureId the capture whose port answers
   * @param now the PD clock's time
   */
  public boolean matches(
      Operation operation, String requestChangefeedId, String requestCaptureId, Instant now) {
    if (operations.isEmpty() ? operation.isRootRoute() : !operations.contains(operation)) {
      return false;
    }
    if (changefeedId != null && !changefeedId.equals(requestChangefeedId)) {
      return false;
    }
    if (captureId != null && !captureId.equals(requestCaptureId)) {
      return false;
    }
    if (from != null && now.isBefore(from)) {
      return false;
    }
    return until == null || now.isBefore(until);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("FaultRule[");
    s.append(operations.isEmpty() ? "*" : operations.toString());
    if (changefeedId != null) {
      s.append(" changefeed=").append(changefeedId);
    }
    if (captureId != null) {
      s.append(" capture=").append(captureId);
    }
    if (after > 0) {
      s.append(" after=").append(after);
    }
    if (times >= 0) {
      s.append(" times=").append(times);
    }
    if (!Double.isNaN(probability)) {
      s.append(" p=").append(probability).append(" seed=").append(seed);
    }
    if (from != null || until != null) {
      s.append(" between=").append(from).append("..").append(until);
    }
    if (applyFirst) {
      s.append(" applyFirst");
    }
    return s.append(" -> ").append(fault.describe()).append(']').toString();
  }

  /** Configures the trigger; {@link #inject(Fault)} adds the effect and builds the rule. */
  public static final class Builder {
    private final Set<Operation> operations = EnumSet.noneOf(Operation.class);
    private String changefeedId;
    private String captureId;
    private int after;
    private int times = -1;
    private double probability = Double.NaN;
    private long seed;
    private Instant from;
    private Instant until;
    private boolean applyFirst;

    private Builder() {}

    /** Only requests about this changefeed: its path parameter, or the body of a create. */
    public Builder forChangefeed(String changefeedId) {
      this.changefeedId = Objects.requireNonNull(changefeedId, "changefeedId");
      return this;
    }

    /** Only requests sent to (and so answered by) this capture's port. */
    public Builder onCapture(String captureId) {
      this.captureId = Objects.requireNonNull(captureId, "captureId");
      return this;
    }

    /** Lets the first {@code n} matching requests through; the rule fires from the next one on. */
    public Builder after(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("after must be >= 0, got " + n);
      }
      this.after = n;
      return this;
    }

    /** Fires {@code n} times, then the rule is spent ("fail twice, then succeed"). */
    public Builder times(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("times must be >= 1, got " + n);
      }
      this.times = n;
      return this;
    }

    /** Fires for a matching request with probability {@code p}, reproducibly for {@code seed}. */
    public Builder withProbability(double p, long seed) {
      if (!(p >= 0.0 && p <= 1.0)) {
        throw new IllegalArgumentException("probability must be 0..1, got " + p);
      }
      this.probability = p;
      this.seed = seed;
      return this;
    }

    /** Active only while the PD clock is in {@code [from, until)}. */
    public Builder between(Instant from, Instant until) {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(until, "until");
      if (!until.isAfter(from)) {
        throw new IllegalArgumentException("until must be after from: " + from + ", " + until);
      }
      this.from = from;
      this.until = until;
      return this;
    }

    /**
     * Runs the operation first, then answers the fault instead of its result ("commit then fail":
     * the pause took effect but the client saw a 500).
     */
    public Builder applyFirst() {
      this.applyFirst = true;
      return this;
    }

    /** The effect; builds the rule. */
    public FaultRule inject(Fault fault) {
      return new FaultRule(this, fault);
    }
  }
}
