package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.fault.Operation;
import io.github.ticdcfake.internal.json.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.Map;

/**
 * One routed request on its way through the pipeline: the exchange, the whole body, the capture
 * whose port it reached, the capture that answers it (the owner once forwarded) and the route it
 * matched ({@code null}: none). Stages derive copies; the exchange is shared.
 */
final class Request {
  static final HttpString FAULT_HEADER = new HttpString("X-Fake-Fault");

  /** Sees what became of a request (the journal): the status sent, or 0 when none was. */
  @FunctionalInterface
  interface Outcome {
    void answered(Request request, int status, String faultTag);

    Outcome NONE = (request, status, faultTag) -> {};
  }

  final HttpServerExchange exchange;
  final byte[] body;
  final String method;
  final String path;
  final String captureId;
  final String answeringCaptureId;
  final RouteTable.Match match;
  private final Outcome outcome;
  private final String changefeedId;

  Request(
      HttpServerExchange exchange,
      byte[] body,
      String method,
      String path,
      String captureId,
      RouteTable.Match match) {
    this(
        exchange,
        body,
        method,
        path,
        captureId,
        captureId,
        match,
        Outcome.NONE,
        changefeedIdOf(match, body));
  }

  private Request(
      HttpServerExchange exchange,
      byte[] body,
      String method,
      String path,
      String captureId,
      String answeringCaptureId,
      RouteTable.Match match,
      Outcome outcome,
      String changefeedId) {
    this.exchange = exchange;
    this.body = body;
    this.method = method;
    this.path = path;
    this.captureId = captureId;
    this.answeringCaptureId = answeringCaptureId;
    this.match = match;
    this.outcome = outcome;
    this.changefeedId = changefeedId;
  }

  /** The same request, its outcome reported to {@code observer} (the journal). */
  Request observedBy(Outcome observer) {
    return new Request(
        exchange, body, method, path, captureId, answeringCaptureId, match, observer, changefeedId);
  }

  /** The same request, answered by another capture (the owner it is forwarded to). */
  Request answeredBy(String otherCaptureId) {
    return new Request(
        exchange, body, method, path, captureId, otherCaptureId, match, outcome, changefeedId);
  }

  Route route() {
    return match.route();
  }

  /** The operation fault rules and the journal name this request by, or {@code null}. */
  Operation operation() {
    return match == null ? null : match.route().operation();
  }

  /** The changefeed a request is about: its path parameter, or the id in a create body. */
  String changefeedId() {
    return changefeedId;
  }

  /** Writes the answer in one flush after reporting it, tagged when a fault shaped it. */
  void send(Response response, String faultTag) {
    if (faultTag != null) {
      exchange.getResponseHeaders().put(FAULT_HEADER, faultTag);
    }
    outcome.answered(this, response.status(), faultTag);
    response.writeTo(exchange);
  }

  /** Reports an answer the caller writes itself, or withholds ({@code status} 0). */
  void report(int status, String faultTag) {
    outcome.answered(this, status, faultTag);
  }

  private static String changefeedIdOf(RouteTable.Match match, byte[] body) {
    if (match == null) {
      return null;
    }
    String fromPath = match.params().get("changefeed_id");
    Operation operation = match.route().operation();
    if (fromPath != null
        || (operation != Operation.CREATE_CHANGEFEED
            && operation != Operation.V1_CREATE_CHANGEFEED)) {
      return fromPath;
    }
    try {
      if (Json.parse(body) instanceof Map<?, ?> create
          && create.get("changefeed_id") instanceof String id
          && !id.isEmpty()) {
        return id;
      }
    } catch (Json.SyntaxException e) {
      // not decodable: the create fails anyway, and is about no changefeed
    }
    return null;
  }
}
