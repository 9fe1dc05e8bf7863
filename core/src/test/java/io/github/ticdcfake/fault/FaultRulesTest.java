package io.github.ticdcfake.fault;

import static io.github.ticdcfake.fault.Operation.GET_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.PAUSE_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.RESUME_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.ROOT_STATUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trigger half of fault injection, decided without any HTTP. */
class FaultRulesTest {
  private static final Instant NOW = Instant.parse("2024-05-20T02:00:00Z");
  private static final Fault BOOM =
      Fault.error(500, "CDC:ErrPDEtcdAPIError", "etcd api call error");

  private final FaultRules rules = new FaultRules();

  private boolean fires(Operation operation, String changefeed, String capture, Instant now) {
    return rules.fire(operation, changefeed, capture, now).isPresent();
  }

  private boolean fires(Operation operation) {
    return fires(operation, "cf-1", "capture-a", NOW);
  }

  @Test
  void ruleFiresOnlyForItsOperations() {
    rules.add(FaultRule.on(PAUSE_CHANGEFEED, RESUME_CHANGEFEED).inject(BOOM));

    assertThat(fires(PAUSE_CHANGEFEED)).isTrue();
    assertThat(fires(RESUME_CHANGEFEED)).isTrue();
    assertThat(fires(GET_CHANGEFEED)).isFalse();
  }

  @Test
  void anyOperationMeansEveryApiV2RouteButNotRootStatus() {
    rules.add(FaultRule.onAnyOperation().inject(BOOM));

    assertThat(fires(GET_CHANGEFEED)).isTrue();
    assertThat(fires(Operation.HEALTH)).isTrue();
    assertThat(fires(ROOT_STATUS)).isFalse();
  }

  @Test
  void changefeedAndCaptureNarrowTheTrigger() {
    rules.add(FaultRule.on(PAUSE_CHANGEFEED).forChangefeed("cf-1").onCapture("a").inject(BOOM));

    assertThat(fires(PAUSE_CHANGEFEED, "cf-2", "a", NOW)).isFalse();
    assertThat(fires(PAUSE_CHANGEFEED, "cf-1", "b", NOW)).isFalse();
    assertThat(fires(PAUSE_CHANGEFEED, null, "a", NOW)).isFalse();
    assertThat(fires(PAUSE_CHANGEFEED, "cf-1", "a", NOW)).isTrue();
  }

  @Test
  void failTwiceThenSucceed() {
    rules.add(FaultRule.on(PAUSE_CHANGEFEED).times(2).inject(BOOM));

    assertThat(List.of(fires(PAUSE_CHANGEFEED), fires(PAUSE_CHANGEFEED), fires(PAUSE_CHANGEFEED)))
        .containsExactly(true, true, false);
  }

  @Test
  void afterSkipsTheFirstMatchingRequestsSoTheNthCallFails() {
    rules.add(FaultRule.on(PAUSE_CHANGEFEED).after(2).times(1).inject(BOOM));

    assertThat(fires(GET_CHANGEFEED)).isFalse(); // not matching: not counted
    assertThat(
            List.of(
                fires(PAUSE_CHANGEFEED),
                fires(PAUSE_CHANGEFEED),
                fires(PAUSE_CHANGEFEED),
                fires(PAUSE_CHANGEFEED)))
        .containsExactly(false, false, true, false);
  }

  @Test
  void seededProbabilityIsReproducible() {
    List<Boolean> first = run(0.3, 42);
    List<Boolean> second = run(0.3, 42);

    assertThat(first).isEqualTo(second);
    assertThat(first).contains(true, false);
    assertThat(first.stream().filter(b -> b).count()).isBetween(15L, 45L);
    assertThat(run(0.3, 43)).isNotEqualTo(first);
    assertThat(run(0.0, 1)).doesNotContain(true);
    assertThat(run(1.0, 1)).doesNotContain(false);
  }

  private static List<Boolean> run(double p, long seed) {
    FaultRules fresh = new FaultRules();
    fresh.add(FaultRule.onAnyOperation().withProbability(p, seed).inject(BOOM));
    List<Boolean> out = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      out.add(fresh.fire(GET_CHANGEFEED, null, "a", NOW).isPresent());
    }
    return out;
  }

  @Test
  void timeWindowIsHalfOpenOnThePdClock() {
    rules.add(FaultRule.onAnyOperation().between(NOW, NOW.plusSeconds(10)).inject(BOOM));

    assertThat(fires(GET_CHANGEFEED, null, "a", NOW.minusMillis(1))).isFalse();
    assertThat(fires(GET_CHANGEFEED, null, "a", NOW)).isTrue();
    assertThat(fires(GET_CHANGEFEED, null, "a", NOW.plusSeconds(10))).isFalse();
  }

  @Test
  void firstMatchingRuleWinsAndLaterOnesDoNotCount() {
    Fault other = ConnectionFault.RESET;
    rules.add(FaultRule.on(PAUSE_CHANGEFEED).times(1).inject(BOOM));
    rules.add(FaultRule.on(PAUSE_CHANGEFEED).times(1).inject(other));

    assertThat(rules.fire(PAUSE_CHANGEFEED, null, "a", NOW))
        .get()
        .extracting(f -> f.fault())
        .isEqualTo(BOOM);
    assertThat(rules.fire(PAUSE_CHANGEFEED, null, "a", NOW))
        .get()
        .extracting(f -> f.fault())
        .isEqualTo(other);
    assertThat(rules.fire(PAUSE_CHANGEFEED, null, "a", NOW)).isEmpty();
  }

  @Test
  void clearRemovesEveryRule() {
    rules.add(FaultRule.onAnyOperation().inject(BOOM));
    rules.clear();

    assertThat(rules.rules()).isEmpty();
    assertThat(fires(GET_CHANGEFEED)).isFalse();
  }

  @Test
  void errorFaultsCarryTiCdcsCodePrefix() {
    assertThat(BOOM)
        .isEqualTo(
            new Fault.ErrorResponse(
                500, "CDC:ErrPDEtcdAPIError", "[CDC:ErrPDEtcdAPIError]etcd api call error"));
    assertThat(Fault.error(400, "X", "[X]already"))
        .extracting(f -> ((Fault.ErrorResponse) f).errorMessage())
        .isEqualTo("[X]already");
    assertThat(Fault.delay(Duration.ofMillis(5), ConnectionFault.CLOSE).describe())
        .isEqualTo("delay 5ms then connection close");
  }

  @Test
  void misuseFailsFastWithTheReason() {
    assertThatThrownBy(() -> FaultRule.on(PAUSE_CHANGEFEED).times(0))
        .hasMessageContaining("times must be >= 1");
    assertThatThrownBy(() -> FaultRule.onAnyOperation().withProbability(1.5, 0))
        .hasMessageContaining("probability must be 0..1");
    assertThatThrownBy(() -> Fault.status(99, "")).hasMessageContaining("100..599");
    assertThatThrownBy(() -> Fault.delay(Duration.ofMillis(1), Fault.delay(Duration.ofMillis(1))))
        .hasMessageContaining("cannot wrap another delay");
  }

  @Test
  void remainingDropsSpentRulesAndCountsDownThePartlySpentOnes() {
    rules.add(FaultRule.on(PAUSE_CHANGEFEED).times(1).inject(BOOM));
    rules.add(FaultRule.on(RESUME_CHANGEFEED).after(3).times(2).inject(BOOM));
    rules.add(FaultRule.on(GET_CHANGEFEED).inject(BOOM));

    fires(PAUSE_CHANGEFEED);
    for (int i = 0; i < 4; i++) {
      fires(RESUME_CHANGEFEED); // three let through, one fired
    }
    fires(GET_CHANGEFEED);

    List<FaultRule> left = rules.remaining();
    assertThat(left).hasSize(2);
    assertThat(left.get(0).operations()).containsExactly(RESUME_CHANGEFEED);
    assertThat(left.get(0).after()).isZero();
    assertThat(left.get(0).times()).hasValue(1);
    assertThat(left.get(1).operations()).containsExactly(GET_CHANGEFEED);
    assertThat(left.get(1).times()).isEmpty();
    assertThat(rules.rules()).hasSize(3);
  }

  @Test
  void aRuleThatHasNotMatchedYetKeepsItsAfter() {
    rules.add(FaultRule.on(PAUSE_CHANGEFEED).after(3).times(2).inject(BOOM));
    fires(PAUSE_CHANGEFEED);

    FaultRule left = rules.remaining().get(0);

    assertThat(left.after()).isEqualTo(2);
    assertThat(left.times()).hasValue(2);
  }

  @Test
  void aRemainingProbabilityRuleGoesOnWithTheSameRandomSequence() {
    FaultRule rule = FaultRule.on(PAUSE_CHANGEFEED).withProbability(0.5, 42).inject(BOOM);
    FaultRules uninterrupted = new FaultRules();
    uninterrupted.add(rule);
    rules.add(rule);
    for (int i = 0; i < 7; i++) {
      uninterrupted.fire(PAUSE_CHANGEFEED, "cf-1", "capture-a", NOW);
      fires(PAUSE_CHANGEFEED);
    }

    FaultRules reloaded = new FaultRules();
    reloaded.add(rules.remaining().get(0));
    List<Boolean> expected = new ArrayList<>();
    List<Boolean> actual = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add(uninterrupted.fire(PAUSE_CHANGEFEED, "cf-1", "capture-a", NOW).isPresent());
      actual.add(reloaded.fire(PAUSE_CHANGEFEED, "cf-1", "capture-a", NOW).isPresent());
    }
    assertThat(actual).isEqualTo(expected).contains(true, false);
  }
}
