package io.github.ticdcfake.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a fake TiCDC cluster for the annotated test class and injects it into tests.
 *
 * <p>One cluster serves the whole class, its {@code @Nested} classes and, because the annotation is
 * {@link Inherited}, every subclass; it binds loopback on ephemeral ports and stops after the
 * class. Before each test it is reset to the state right after start (changefeeds, owner, clock),
 * which takes microseconds. Parameters of type {@link io.github.ticdcfake.FakeTiCdcServer}, {@link
 * io.github.ticdcfake.cluster.FakeCluster} and {@link TiCdcUrl @TiCdcUrl} {@code URI}/{@code
 * String} are resolved in test methods, constructors and {@code @BeforeAll}/{@code @BeforeEach}
 * methods.
 *
 * <pre>{@code
 * @TiCdcServer(captures = 3)
 * class ChangefeedServiceTest {
 *   @Test
 *   void pausesChangefeed(FakeCluster cluster, @TiCdcUrl URI url) {
 *     cluster.createChangefeed(
 *         ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
 *
 *     new ChangefeedService(url).pause("cf-1");
 *
 *     assertThat(cluster.changefeed("cf-1")).map(Changefeed::state).contains(ChangefeedState.STOPPED);
 *   }
 * }
 * }</pre>
 *
 * <p>For anything the attributes cannot say (a manual clock, a seeded initial state, other server
 * options) register a {@link TiCdcExtension} built with {@link TiCdcExtension#builder()} instead.
 * When the system property (or JUnit configuration parameter) {@code ticdc.fake.target} or the
 * environment variable {@code TICDC_FAKE_TARGET} holds a URL, no fake starts: {@link TiCdcUrl}
 * resolves to that URL and tests that need the fake itself are skipped.
 *
 * @since 0.1.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(TiCdcExtension.class)
public @interface TiCdcServer {

  /** The number of captures, each on its own port; capture 0 starts as the owner. At least 1. */
  int captures() default 1;

  /**
   * The TiCDC release to mimic, for example {@code "v8.5"} or {@code "v8.5.4"}; empty for the
   * newest supported one.
   */
  String version() default "";

  /**
   * Mimic TiCDC's new architecture as released in v26.3.4 ({@code cdc server --newarch}); {@code
   * version} must then be empty or {@code "v26.3"}.
   */
  boolean newarch() default false;

  /**
   * A scenario document that seeds the cluster, as a classpath resource (for example {@code
   * "scenarios/orders.json"}) or else a file path; empty for none. Every reset returns to it.
   *
   * <p>An unreadable or invalid document fails the class with an {@link
   * org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the attribute and the
   * bad field.
   */
  String scenario() default "";

  /**
   * Whether to reset the cluster to its post-start state before each test; {@code false} lets tests
   * of one class build on each other's state.
   */
  boolean resetBeforeEach() default true;

  /**
   * A system property to publish the owner's base URL in (for frameworks that read configuration
   * from properties, such as Spring's {@code @Value("${ticdc.url}")}); empty for none.
   *
   * <p>Set before {@code @BeforeAll} methods run and after every reset; the previous value is
   * restored when the class finishes. System properties are JVM-wide: classes that run in parallel
   * must not publish into the same property.
   */
  String urlProperty() default "";

  /**
   * The upstream PD's endpoints ({@code cdc server --pd}), for example {@code
   * "https://127.0.0.1:2579"}: {@code pd_addrs} in request bodies must name one of them. Empty for
   * {@code http://127.0.0.1:2379}; wins over the scenario's {@code pd_endpoints}.
   */
  String[] pdEndpoints() default {};

  /**
   * TiCDC's cluster id ({@code cdc server --cluster-id}), reported in status and captures; empty
   * for {@code default}; wins over the scenario's {@code cluster_id}.
   */
  String clusterId() default "";
}
