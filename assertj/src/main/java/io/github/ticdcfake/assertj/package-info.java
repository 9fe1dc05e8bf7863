/**
 * AssertJ assertions for a fake TiCDC cluster, entered through {@link
 * io.github.ticdcfake.assertj.TiCdcAssertions#assertThat}; shipped apart from core so that AssertJ
 * never becomes a runtime dependency of core.
 */
package io.github.ticdcfake.assertj;
