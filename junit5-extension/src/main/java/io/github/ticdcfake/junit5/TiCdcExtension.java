package io.github.ticdcfake.junit5;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.OwnerTick;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit Jupiter extension behind {@link TiCdcServer @TiCdcServer}, and its programmatic form
 * for {@link RegisterExtension @RegisterExtension} fields.
 *
 * <p>A {@code static} field gives one cluster per class (shared by {@code @Nested} classes); an
 * instance field gives a fresh cluster per test method. Either way tests receive {@link
 * FakeTiCdcServer}, {@link FakeCluster} and {@link TiCdcUrl @TiCdcUrl} {@code URI}/{@code String}
 * parameters, and a shared cluster is reset before each test unless {@link
 * Builder#resetBeforeEach(boolean) resetBeforeEach(false)}. Register at most one per test class:
 * {@code @TiCdcServer} or one field.
 *
 * <pre>{@code
 * class ChangefeedPollerTest {
 *   @RegisterExtension
 *   static final TiCdcExtension ticdc =
 *       TiCdcExtension.builder()
 *           .captures(3)
 *           .clock(() -> PdClock.manual(Instant.parse("2024-05-20T02:00:00Z")))
 *           .initialState(cluster -> cluster.createChangefeed(
 *               ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build()))
 *           .build();
 *
 *   @Test
 *   void seesCheckpointAdvance(FakeCluster cluster, @TiCdcUrl URI url) {
 *     long before = cluster.changefeed("cf-1").orElseThrow().checkpointTs();
 *     cluster.clock().advance(Duration.ofSeconds(5));
 *     assertThat(new ChangefeedPoller(url).checkpointTs("cf-1")).isGreaterThan(before);
 *   }
 * }
 * }</pre>
 *
 * <p><b>Real-cluster mode.</b> When the JUnit configuration parameter or system property {@value
 * #TARGET_PROPERTY} (or the environment variable {@value #TARGET_ENV}) holds a URL, no fake starts:
 * {@code @TiCdcUrl} resolves to that URL, so the same class runs against a real TiCDC, and tests
 * (or whole classes, when a constructor or lifecycle method asks) that need a {@code FakeCluster}
 * or {@code FakeTiCdcServer} are skipped with a message saying why.
 *
 * <p><b>Failures.</b> When a test (or a {@code @BeforeEach}/{@code @AfterEach} method) fails, the
 * cluster's state at that moment (captures, owner, changefeeds with state and checkpoint) is
 * attached to the failure as a suppressed exception.
 *
 * @since 0.1.0
 */
public final class TiCdcExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        ParameterResolver,
        ExecutionCondition,
        TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

  /** The configuration parameter or system property that switches to real-cluster mode. */
  public static final String TARGET_PROPERTY = "ticdc.fake.target";

  /** The environment variable that switches to real-cluster mode. */
  public static final String TARGET_ENV = "TICDC_FAKE_TARGET";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TiCdcExtension.class);
  private static final String RESOURCE = "server";

  /** Empty when registered through the annotation: each class's annotation then decides. */
  private final Optional<Settings> programmatic;

  /** Used by JUnit for {@code @TiCdcServer} and {@code @ExtendWith(TiCdcExtension.class)}. */
  TiCdcExtension() {
    this.programmatic = Optional.empty();
  }

  private TiCdcExtension(Settings settings) {
    this.programmatic = Optional.of(settings);
  }

  /**
   * A builder for {@code @RegisterExtension}: one capture, newest TiCDC, reset before each test.
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  @Override
  public void beforeAll(ExtensionContext context) {
    Optional<ServerResource> visible = visible(context);
    if (visible.isPresent()) {
      requireSameRegistration(visible.get(), context);
      if (visible.get().belongsTo(context) || !declaresOwnCluster(context)) {
        return; // the enclosing class's cluster, or one a PER_CLASS constructor already started
      }
    }
    start(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<ServerResource> visible = visible(context);
    if (visible.isEmpty()) {
      start(context); // an instance field: one cluster for this test alone
      return;
    }
    requireSameRegistration(visible.get(), context);
    visible.get().beforeTest();
  }

  // ---- parameters -----------------------------------------------------------------------------

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    if (!isOurs(parameter)) {
      return false;
    }
    Optional<ServerResource> visible = visible(context);
    return visible.isEmpty() || visible.get().owner() == this;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // Nothing visible yet only when a PER_CLASS test instance is constructed before beforeAll.
    ServerResource resource = visible(context).orElseGet(() -> start(classContext(context)));
    Class<?> type = parameter.getParameter().getType();
    if (parameter.isAnnotated(TiCdcUrl.class)) {
      return type == String.class ? resource.url().toString() : resource.url();
    }
    FakeTiCdcServer server =
        resource
            .server()
            .orElseThrow(
                () ->
                    new ExtensionConfigurationException(
                        describe(parameter.getDeclaringExecutable())
                            + " asks for a "
                            + type.getSimpleName()
                            + ", but "
                            + targetDescription(resource)
                            + " points at a real TiCDC, which has none. Unset "
                            + TARGET_PROPERTY
                            + " to run it against the fake, ask only for @TiCdcUrl URI/String"
                            + " so it runs against both, or stop deactivating "
                            + TiCdcExtension.class.getName()
                            + " (junit.jupiter.conditions.deactivate) so it is skipped"));
    return type == FakeCluster.class ? server.cluster() : server;
  }

  // ---- real-cluster mode ----------------------------------------------------------------------

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<URI> target = target(context);
    if (target.isEmpty()) {
      return ConditionEvaluationResult.enabled("a fake TiCDC serves this test");
    }
    List<Executable> needingFake = new ArrayList<>();
    if (context.getTestMethod().isPresent()) {
      needingFake.add(context.getTestMethod().get());
    } else if (context.getTestClass().isPresent()) {
      Class<?> testClass = context.getTestClass().get();
      needingFake.addAll(List.of(testClass.getDeclaredConstructors()));
      for (Class<? extends java.lang.annotation.Annotation> lifecycle :
          List.of(BeforeAll.class, BeforeEach.class, AfterEach.class, AfterAll.class)) {
        needingFake.addAll(
            AnnotationSupport.findAnnotatedMethods(
                testClass, lifecycle, HierarchyTraversalMode.TOP_DOWN));
      }
    }
    needingFake.removeIf(executable -> !asksForFake(executable));
    if (needingFake.isEmpty()) {
      return ConditionEvaluationResult.enabled(
          "runs against the real TiCDC at " + target.get() + " (" + TARGET_PROPERTY + ")");
    }
    return ConditionEvaluationResult.disabled(
        "Skipped in real-cluster mode: "
            + describe(needingFake.get(0))
            + " needs the fake (FakeCluster or FakeTiCdcServer), but "
            + TARGET_PROPERTY
            + "="
            + target.get()
            + " points at a real TiCDC");
  }

  // ---- failures -------------------------------------------------------------------------------

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw explained(context, failure);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw explained(context, failure);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw explained(context, failure);
  }

  private Throwable explained(ExtensionContext context, Throwable failure) {
    if (failure instanceof TestAbortedException) {
      return failure;
    }
    Optional<ServerResource> visible = visible(context);
    if (visible.isPresent() && visible.get().owner() == this) {
      visible
          .get()
          .server()
          .ifPresent(
              server -> {
                try {
                  failure.addSuppressed(FailureReport.of(server, context.getDisplayName()));
                } catch (RuntimeException e) {
                  failure.addSuppressed(e); // never hide the test's own failure
                }
              });
    }
    return failure;
  }

  // ---- internals ------------------------------------------------------------------------------

  private ServerResource start(ExtensionContext scope) {
    Settings settings = settingsFor(scope.getRequiredTestClass());
    ServerResource resource =
        target(scope)
            .map(url -> ServerResource.real(this, scope, settings, url))
            .orElseGet(() -> ServerResource.fake(this, scope, settings));
    scope.getStore(NAMESPACE).put(RESOURCE, resource);
    return resource;
  }

  /** The cluster this context sees: its own, or the nearest enclosing class's or test's. */
  private static Optional<ServerResource> visible(ExtensionContext context) {
    return Optional.ofNullable(context.getStore(NAMESPACE).get(RESOURCE, ServerResource.class));
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  private void requireSameRegistration(ServerResource visible, ExtensionContext context) {
    if (visible.owner() == this) {
      return;
    }
    throw new ExtensionConfigurationException(
        "Two ticdc-fake registrations apply to "
            + context.getRequiredTestClass().getName()
            + context.getTestMethod().map(m -> "." + m.getName() + "()").orElse("")
            + ": "
            + visible.settings().origin()
            + " (serving "
            + visible.scope()
            + ") and "
            + settingsFor(context.getRequiredTestClass()).origin()
            + " ("
            + (context.getTestMethod().isPresent() ? "an instance field" : "a static field")
            + "). Keep exactly one: @TiCdcServer or a static @RegisterExtension TiCdcExtension"
            + " field for one cluster per class, or an instance field for one cluster per test.");
  }

  /** Whether a {@code @Nested} class carries its own {@code @TiCdcServer}, so wants a cluster. */
  private boolean declaresOwnCluster(ExtensionContext context) {
    return programmatic.isEmpty()
        && context.getTestMethod().isEmpty()
        && context.getRequiredTestClass().isAnnotationPresent(TiCdcServer.class);
  }

  private Settings settingsFor(Class<?> testClass) {
    if (programmatic.isPresent()) {
      return programmatic.get();
    }
    for (Class<?> c = testClass; c != null; c = enclosingOfInner(c)) {
      TiCdcServer annotation = c.getAnnotation(TiCdcServer.class);
      if (annotation != null) {
        return Settings.of(annotation, c);
      }
    }
    return Settings.defaults(testClass);
  }

  private static Class<?> enclosingOfInner(Class<?> c) {
    return Modifier.isStatic(c.getModifiers()) ? null : c.getEnclosingClass();
  }

  private static boolean isOurs(ParameterContext parameter) {
    Class<?> type = parameter.getParameter().getType();
    if (parameter.isAnnotated(TiCdcUrl.class)) {
      if (type != URI.class && type != String.class) {
        throw new ExtensionConfigurationException(
            "@TiCdcUrl marks a java.net.URI or String parameter, but parameter "
                + parameter.getParameter().getName()
                + " of "
                + describe(parameter.getDeclaringExecutable())
                + " is a "
                + type.getName()
                + "; change its type");
      }
      return true;
    }
    return type == FakeCluster.class || type == FakeTiCdcServer.class;
  }

  private static boolean asksForFake(Executable executable) {
    for (Parameter parameter : executable.getParameters()) {
      Class<?> type = parameter.getType();
      if (type == FakeCluster.class || type == FakeTiCdcServer.class) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Executable executable) {
    String name =
        executable instanceof Constructor<?>
            ? "the constructor of " + executable.getDeclaringClass().getSimpleName()
            : executable.getDeclaringClass().getSimpleName() + "." + executable.getName();
    StringBuilder out = new StringBuilder(name).append('(');
    Class<?>[] types = executable.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      out.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
    }
    return out.append(')').toString();
  }

  private static String targetDescription(ServerResource resource) {
    return TARGET_PROPERTY + "=" + resource.target().map(URI::toString).orElse("?");
  }

  /** The real TiCDC to use instead of a fake, if configured. */
  static Optional<URI> target(ExtensionContext context) {
    Optional<String> configured =
        context
            .getConfigurationParameter(TARGET_PROPERTY)
            .or(() -> Optional.ofNullable(System.getenv(TARGET_ENV)))
            .map(String::strip)
            .filter(value -> !value.isEmpty());
    return configured.map(TiCdcExtension::parseTarget);
  }

  private static URI parseTarget(String value) {
    String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    try {
      URI uri = new URI(trimmed);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ExtensionConfigurationException(
        TARGET_PROPERTY
            + " (or "
            + TARGET_ENV
            + ") must be the base URL of a real TiCDC such as http://127.0.0.1:8300, but is \""
            + value
            + "\"");
  }

  @Override
  public String toString() {
    return "TiCdcExtension"
        + programmatic.map(s -> "[" + s.origin() + "]").orElse("[@TiCdcServer]");
  }

  /**
   * Configures a {@link TiCdcExtension} for {@code @RegisterExtension}.
   *
   * <pre>{@code
   * @RegisterExtension
   * static final TiCdcExtension ticdc =
   *     TiCdcExtension.builder().captures(3).version(TiCdcVersion.V8_5).urlProperty("ticdc.url").build();
   * }</pre>
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private int captures = 1;
    private TiCdcVersion version = TiCdcVersion.latest();
    private String scenario = "";
    private boolean resetBeforeEach = true;
    private String urlProperty = "";
    private Supplier<PdClock> clock = PdClock::system;
    private OwnerTick ownerTick = OwnerTick.immediate();
    private Consumer<FakeTiCdcServer.Builder> server = Settings.noOptions();
    private Consumer<FakeCluster> initialState = Settings.noState();

    private Builder() {}

    /** The number of captures, each on its own port; capture 0 starts as owner. Default 1. */
    public Builder captures(int captures) {
      this.captures = captures;
      return this;
    }

    /** Mimics TiCDC's new architecture as released in v26.3.4 ({@code cdc server --newarch}). */
    public Builder newArchitecture() {
      return version(TiCdcVersion.newArchitecture(null));
    }

    /** The TiCDC release to mimic; default {@link TiCdcVersion#latest()}. */
    public Builder version(TiCdcVersion version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * A scenario document that seeds the cluster: a classpath resource (for example {@code
     * "scenarios/orders.json"}) or else a file path; resets return to it. Read and validated by
     * {@link #build()}, which fails naming the problem. Its {@code captures} and {@code version},
     * when set, win over this builder's; {@link #initialState} runs after it.
     */
    public Builder scenario(String scenario) {
      this.scenario = Objects.requireNonNull(scenario, "scenario");
      return this;
    }

    /** Whether a shared cluster is reset before each test; default {@code true}. */
    public Builder resetBeforeEach(boolean resetBeforeEach) {
      this.resetBeforeEach = resetBeforeEach;
      return this;
    }

    /**
     * A system property that receives the owner's base URL at start and after every reset; the
     * previous value is restored afterwards. Not for classes running in parallel with the same
     * property.
     */
    public Builder urlProperty(String urlProperty) {
      this.urlProperty = Objects.requireNonNull(urlProperty, "urlProperty");
      return this;
    }

    /**
     * Makes the PD clock of each cluster started, called once per cluster so parallel classes never
     * share time; reach the clock in tests through {@link FakeCluster#clock()}. Default {@link
     * PdClock#system()}.
     *
     * <pre>{@code
     * .clock(() -> PdClock.manual(Instant.parse("2024-05-20T02:00:00Z")))
     * }</pre>
     */
    public Builder clock(Supplier<PdClock> clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** When pause and resume take effect; default {@link OwnerTick#immediate()}. */
    public Builder ownerTick(OwnerTick ownerTick) {
      this.ownerTick = Objects.requireNonNull(ownerTick, "ownerTick");
      return this;
    }

    /**
     * Applies further server options (host, seed, cluster id, …) to each server before it starts,
     * after the options above.
     *
     * <pre>{@code
     * .server(server -> server.seed(42).clusterId("cdc-test"))
     * }</pre>
     */
    public Builder server(Consumer<FakeTiCdcServer.Builder> options) {
      this.server = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Seeds each cluster after start (changefeeds, owner, tables); resets return to the seeded
     * state, not to an empty cluster.
     */
    public Builder initialState(Consumer<FakeCluster> seeding) {
      this.initialState = Objects.requireNonNull(seeding, "seeding");
      return this;
    }

    /**
     * Builds the extension.
     *
     * @throws ExtensionConfigurationException naming the fix when the options cannot work
     */
    public TiCdcExtension build() {
      return new TiCdcExtension(
          new Settings(
                  "a @RegisterExtension TiCdcExtension field",
                  captures,
                  version,
                  scenario,
                  resetBeforeEach,
                  urlProperty,
                  clock,
                  ownerTick,
                  server,
                  initialState)
              .validated());
    }
  }
}
