/**
 * The JSON views of TiCDC's {@code /api/v1}: records named after tiflow's {@code
 * cdc/model/http_model.go} types, in Go's field order, rendered by the same Go-exact writer as v2.
 */
package io.github.ticdcfake.internal.json.v1;
