/**
 * The fake TiCDC cluster's domain: {@link io.github.ticdcfake.cluster.FakeCluster} with its
 * captures, owner, changefeeds, processors, PD clock and upstream schema, and TiCDC's error
 * catalogue. Knows nothing of HTTP or JSON libraries.
 */
package io.github.ticdcfake.cluster;
