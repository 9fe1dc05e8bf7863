/**
 * Failure injection and observation: the named {@link io.github.ticdcfake.fault.Operation}s of
 * TiCDC's API that fault rules and the request journal refer to.
 */
package io.github.ticdcfake.fault;
