package io.github.ticdcfake.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs nested {@code *TestCase} fixtures through the Jupiter engine, as users' builds would. */
final class EngineKit {
  /** Set only by {@link #run}: fixtures run under the kit, never on their own. */
  static final String UNDER_KIT = "ticdc.fake.test.under-kit";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private EngineKit() {}

  static EngineExecutionResults run(Class<?>... fixtures) {
    return run(Map.of(), fixtures);
  }

  static EngineExecutionResults run(Map<String, String> parameters, Class<?>... fixtures) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(UNDER_KIT, "true")
        .configurationParameters(parameters)
        .selectors(
            Arrays.stream(fixtures)
                .map(DiscoverySelectors::selectClass)
                .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
        .execute();
  }

  /** Asserts that every test and container passed and {@code tests} tests ran. */
  static void assertAllPassed(EngineExecutionResults results, long tests) {
    assertThat(failures(results)).as("failures of the fixtures").isEmpty();
    assertThat(results.testEvents().skipped().count()).as("skipped tests").isZero();
    assertThat(results.testEvents().succeeded().count()).as("passed tests").isEqualTo(tests);
  }

  /** The stack traces of every failed test and container. */
  static List<String> failures(EngineExecutionResults results) {
    return results.allEvents().failed().stream()
        .map(EngineKit::throwable)
        .flatMap(Optional::stream)
        .map(EngineKit::stackTrace)
        .toList();
  }

  /** The failure of an event, if any. */
  static Optional<Throwable> throwable(Event event) {
    return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable);
  }

  /** The single failure among {@code results}'s tests and containers. */
  static Throwable onlyFailure(EngineExecutionResults results) {
    List<Throwable> failures =
        results.allEvents().failed().stream()
            .map(EngineKit::throwable)
            .flatMap(Optional::stream)
            .toList();
    assertThat(failures).as("failures").hasSize(1);
    return failures.get(0);
  }

  /** The message of {@code failure} and all its causes, one per line. */
  static String messages(Throwable failure) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      out.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
    }
    return out.toString();
  }

  static String stackTrace(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /** The status code of {@code GET base + path}. */
  static int get(URI base, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Whether anything accepts connections at {@code base}. */
  static boolean answers(URI base) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 10_000);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Marks a fixture that runs only through {@link EngineKit#run}, never directly. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @java.lang.annotation.Inherited
  @ExtendWith(OnlyUnderKit.class)
  @interface Fixture {}

  static final class OnlyUnderKit implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(UNDER_KIT).isPresent()
          ? ConditionEvaluationResult.enabled("run by EngineKit")
          : ConditionEvaluationResult.disabled("a fixture: runs only through EngineKit");
    }
  }
}
