package io.github.ticdcfake.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link java.net.URI} or {@link String} parameter that receives the base URL of the
 * current owner capture, for example {@code http://127.0.0.1:41234}.
 *
 * <p>Works in test methods, constructors and lifecycle methods of classes that use {@link
 * TiCdcServer @TiCdcServer} or a registered {@link TiCdcExtension}. The URL has no trailing slash;
 * append {@code /api/v2/...}. In real-cluster mode ({@code ticdc.fake.target} set) it is that URL.
 *
 * <pre>{@code
 * @TiCdcServer
 * class ChangefeedClientTest {
 *   @Test
 *   void listsChangefeeds(@TiCdcUrl URI url) {
 *     ChangefeedClient client = new ChangefeedClient(url);
 *     assertThat(client.list()).isEmpty();
 *   }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface TiCdcUrl {}
