package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.FakeCluster;

/**
 * The two places where {@code /api/v1} differs between releases beyond its routes' flags, read from
 * the {@link ApiSurface} (tiflow {@code cdc/api/v1/api.go} and {@code
 * cdc/api/middleware/middleware.go} at v7.3.0 and HEAD).
 */
final class V1Checks {
  private V1Checks() {}

  /**
   * v7.3's "changefeed owner" middleware: the changefeed is looked up before the handler checks its
   * id; later releases leave both to the handler.
   */
  static void beforeChangefeedHandler(Call call, String changefeedId) {
    if (call.surface().v1LooksUpChangefeedBeforeIdCheck()
        && call.cluster().changefeed(FakeCluster.DEFAULT_NAMESPACE, changefeedId).isEmpty()) {
      throw CdcError.CHANGEFEED_NOT_EXISTS.raise(
          FakeCluster.DEFAULT_NAMESPACE + "/" + changefeedId);
    }
  }

  /**
   * The create-time sink URI parse error as the release prints it: masked at HEAD; v7.3 prints the
   * template's raw {@code '%s'} and Go's unmasked error.
   */
  static CdcException createError(Call call, CdcException e, String sinkUri) {
    if (call.surface().v1MasksSinkUriParseErrors()) {
      return e;
    }
    String masked =
        CdcError.SINK_URI_INVALID.message("<invalid uri>") + ": parse \"<invalid uri>\": ";
    if (e.error() != CdcError.SINK_URI_INVALID || !e.text().startsWith(masked)) {
      return e;
    }
    String cause = e.text().substring(masked.length());
    return CdcError.SINK_URI_INVALID.raiseWithMessage(
        CdcError.SINK_URI_INVALID.template() + ": parse \"" + sinkUri + "\": " + cause);
  }
}
