/**
 * The views of TiCDC's {@code /api/v2}: response records named after tiflow's {@code
 * cdc/api/v2/model.go} types, with Go's field order and {@code omitempty}, rendered from domain
 * snapshots. What differs per release is decided by {@link
 * io.github.ticdcfake.internal.json.v2.V2ViewFlavour}, never read from the snapshot.
 */
package io.github.ticdcfake.internal.json.v2;
