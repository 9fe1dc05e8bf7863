package io.github.ticdcfake.fault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * The fault rules of one fake cluster, shared by all its captures and cleared by its reset.
 *
 * <p>Thread-safe. Each rule keeps its own counters and seeded random generator from the moment it
 * is added, so a run with the same requests injects the same faults.
 */
public final class FaultRules {
  private final List<Active> active = new ArrayList<>();

  /** What fired for one request. */
  public record Firing(FaultRule rule, int ruleIndex) {
    /** The effect to apply. */
    public Fault fault() {
      return rule.fault();
    }
  }

  /**
   * A rule with its counters, for dashboards: how many requests it matched and how often it fired.
   *
   * @param rule the rule
   * @param matched matching requests so far, the skipped {@code after} ones included
   * @param fired how often it injected its fault
   */
  public record Progress(FaultRule rule, int matched, int fired) {
    /** Firings left before the rule is spent; empty for a rule that fires forever. */
    public OptionalInt remaining() {
      return rule.times().isPresent()
          ? OptionalInt.of(Math.max(rule.times().getAsInt() - fired, 0))
          : OptionalInt.empty();
    }
  }

  private static final class Active {
    final FaultRule rule;
    final Random random;
    int matched;
    int fired;
    long draws; // random numbers taken for the probability

    /** The rule as it stands: counts left and a seed that continues the same random sequence. */
    FaultRule remaining() {
      int after = Math.max(rule.after() - matched, 0);
      int times = rule.times().isPresent() ? rule.times().getAsInt() - fired : -1;
      long seed = draws == 0 ? rule.seed() : seedAfter(rule.seed(), draws);
      return rule.continuing(after, times, seed);
    }

    Active(FaultRule rule) {
      this.rule = rule;
      this.random = new Random(rule.seed());
    }
  }

  /** Adds a rule after the existing ones. */
  public void add(FaultRule rule) {
    Objects.requireNonNull(rule, "rule");
    synchronized (active) {
      active.add(new Active(rule));
    }
  }

  /** Removes every rule. */
  public void clear() {
    synchronized (active) {
      active.clear();
    }
  }

  /** The rules in the order they are checked, spent ones included. */
  public List<FaultRule> rules() {
    synchronized (active) {
      return active.stream().map(a -> a.rule).toList();
    }
  }

  /**
   * What is left of the rules, in order: a spent rule is dropped, {@code after} and {@code times}
   * count down by what the rule already skipped and fired, and a probability rule's seed moves on
   * so that the rule, added to a fresh cluster, goes on with the same random sequence. {@code GET
   * /__fake/state} shows these, so a reloaded state document does not fire a rule again.
   */
  public List<FaultRule> remaining() {
    synchronized (active) {
      List<FaultRule> out = new ArrayList<>(active.size());
      for (Active a : active) {
        if (a.rule.times().isEmpty() || a.fired < a.rule.times().getAsInt()) {
          out.add(a.remaining());
        }
      }
      return out;
    }
  }

  /**
   * The seed whose {@link Random} starts where one seeded with {@code seed} stands after {@code
   * draws} calls of {@link Random#nextDouble()}: each takes two steps of the generator's 48-bit
   * linear congruence, which {@link Random}'s contract specifies.
   */
  static long seedAfter(long seed, long draws) {
    long mask = (1L << 48) - 1;
    long state = (seed ^ 0x5DEECE66DL) & mask;
    for (long i = 0; i < 2 * draws; i++) {
      state = (state * 0x5DEECE66DL + 0xBL) & mask;
    }
    return state ^ 0x5DEECE66DL;
  }

  /** The rules in the order they are checked, with their counters at this moment. */
  public List<Progress> progress() {
    synchronized (active) {
      return active.stream().map(a -> new Progress(a.rule, a.matched, a.fired)).toList();
    }
  }

  /**
   * Decides whether a request triggers a fault, counting it against the rules it matches; the HTTP
   * layer calls this once per routed request.
   */
  public Optional<Firing> fire(
      Operation operation, String changefeedId, String captureId, Instant now) {
    synchronized (active) {
      for (int i = 0; i < active.size(); i++) {
        Active a = active.get(i);
        FaultRule rule = a.rule;
        if (!rule.matches(operation, changefeedId, captureId, now)) {
          continue;
        }
        if (rule.times().isPresent() && a.fired >= rule.times().getAsInt()) {
          continue;
        }
        a.matched++;
        if (a.matched <= rule.after()) {
          continue;
        }
        if (rule.probability().isPresent()) {
          a.draws++;
          if (a.random.nextDouble() >= rule.probability().getAsDouble()) {
            continue;
          }
        }
        a.fired++;
        return Optional.of(new Firing(rule, i));
      }
      return Optional.empty();
    }
  }
}
