/**
 * JUnit Jupiter support for ticdc-fake: a fake TiCDC cluster per test class (or per test), injected
 * into tests and reset between them.
 *
 * <p>Annotate the class with {@link io.github.ticdcfake.junit5.TiCdcServer @TiCdcServer} and ask
 * for what you need as parameters:
 *
 * <pre>{@code
 * @TiCdcServer(captures = 3)
 * class ChangefeedServiceTest {
 *   @Test
 *   void pausesChangefeed(FakeCluster cluster, @TiCdcUrl URI url) {
 *     cluster.createChangefeed(
 *         ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
 *     new ChangefeedService(url).pause("cf-1");
 *     assertThat(cluster.changefeed("cf-1")).map(Changefeed::state).contains(ChangefeedState.STOPPED);
 *   }
 * }
 * }</pre>
 *
 * <p>For richer setups (a manual PD clock, a seeded initial state, a fresh cluster per test)
 * register a {@link io.github.ticdcfake.junit5.TiCdcExtension} built with {@link
 * io.github.ticdcfake.junit5.TiCdcExtension#builder()}. Set {@code ticdc.fake.target} to run the
 * same tests against a real TiCDC.
 */
package io.github.ticdcfake.junit5;
