package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.ServerPanicException;
import io.github.ticdcfake.internal.json.HttpError;
import io.github.ticdcfake.internal.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's error-mapping step and the one writer of TiCDC's error envelope {@code
 * {"error_msg","error_code"}} (tiflow {@code cdc/api/middleware/middleware.go}
 * ErrorHandleMiddleware): failures become answers with TiCDC's statuses, and every envelope the
 * fake sends — TiCDC errors, fault rules, {@code /__fake} errors — is written by {@link #envelope}.
 */
final class ErrorMapper implements Responder {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private final Responder next;

  ErrorMapper(Responder next) {
    this.next = next;
  }

  @Override
  public Response answer(Request request) {
    try {
      return next.answer(request);
    } catch (Throwable failure) {
      return toResponse(failure);
    }
  }

  static Response toResponse(Throwable failure) {
    if (failure instanceof BindException bind) {
      // 400 whatever the code: gin wrote the status before the envelope (gin's BindJSON).
      return envelope(400, Response.TEXT_PLAIN_UTF8, bind.cause);
    }
    if (failure instanceof CdcException e) {
      return envelope(e.httpStatus(), Response.JSON, e);
    }
    if (failure instanceof ServerPanicException) {
      // gin's Recovery: 500 with an empty body.
      return new Response(500, null, new byte[0], null, null);
    }
    LOG.error("ticdc-fake failed to answer a request; answering 500 like gin's recovery", failure);
    return new Response(500, null, new byte[0], null, failure.getClass().getName());
  }

  /** A TiCDC error in the envelope, four-space indented like gin's {@code IndentedJSON}. */
  static Response envelope(int status, String contentType, CdcException e) {
    return envelope(status, contentType, e.errorMessage(), e.errorCode());
  }

  /**
   * The envelope with this message and code, four-space indented like gin's {@code IndentedJSON}.
   */
  static Response envelope(int status, String contentType, String message, String code) {
    return new Response(status, contentType, Json.indented(new HttpError(message, code)), null);
  }
}
