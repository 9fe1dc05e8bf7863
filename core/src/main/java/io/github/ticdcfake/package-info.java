/**
 * ticdc-fake: an embeddable, stateful fake of TiCDC's OpenAPI v2 server for tests of code that
 * manages TiCDC. Start with {@link io.github.ticdcfake.FakeTiCdcServer}.
 */
package io.github.ticdcfake;
