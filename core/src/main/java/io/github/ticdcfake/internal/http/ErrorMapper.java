package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.ServerPanicException;
import io.github.ticdcfake.internal.json.Json;
import io.github.ticdcfake.internal.json.WireModels.HttpError;
import org.jboss.logging.Logger;

/** The one place where failures become HTTP answers, with TiCDC's envelope and statuses (§8). */
final class ErrorMapper {
  private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  static Response toResponse(Throwable failure) {
    if (failure instanceof BindException bind) {
      // 400 whatever the code: gin wrote the status before the envelope (reference §1).
      return new Response(400, Response.TEXT_PLAIN_UTF8, envelope(bind.cause), null);
    }
    if (failure instanceof CdcException e) {
      return new Response(e.httpStatus(), Response.JSON, envelope(e), null);
    }
    if (failure instanceof ServerPanicException) {
      // gin's Recovery: 500 with an empty body.
      return new Response(500, null, new byte[0], null);
    }
    LOG.error("ticdc-fake failed to answer a request; answering 500 like gin's recovery", failure);
    return new Response(500, null, new byte[0], null);
  }

  static byte[] envelope(CdcException e) {
    return Json.indented(new HttpError(e.errorMessage(), e.errorCode()));
  }
}
