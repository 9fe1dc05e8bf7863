/**
 * Failure injection and observation: {@link io.github.ticdcfake.fault.FaultRule}s (when) with
 * {@link io.github.ticdcfake.fault.Fault}s (what), keyed by the named {@link
 * io.github.ticdcfake.fault.Operation}s of TiCDC's API, and the bounded request {@link
 * io.github.ticdcfake.fault.Journal}.
 *
 * <p>This package depends on the JDK only; a {@code FakeCluster} holds one {@link
 * io.github.ticdcfake.fault.FaultRules} and one {@link io.github.ticdcfake.fault.Journal}.
 */
package io.github.ticdcfake.fault;
