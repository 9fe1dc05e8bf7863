package io.github.ticdcfake.fault;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request a fake capture received, with the answer's status and the fault applied to it.
 *
 * @param sequence position in the journal, from 1, never reused until a reset
 * @param method HTTP method
 * @param path path without the query string
 * @param query raw query string, empty when none
 * @param headers request headers (names as sent)
 * @param body request body as UTF-8 text, empty when none; at most {@link Journal#MAX_BODY_BYTES}
 *     of it when recorded by a fake capture (see {@code bodyTruncated})
 * @param status status of the answer; 0 when none was sent (connection faults)
 * @param captureId the capture whose port received and answered the request
 * @param operation the routed operation; empty for unknown paths and {@code /__fake}
 * @param changefeedId the changefeed the request is about (path or create body), if any
 * @param fault the injected fault's description, if one was applied
 * @param bodySize the whole body's length in bytes, also when {@code body} holds only part of it;
 *     -1 when unknown (a too-large chunked body that was refused unread)
 * @param bodyTruncated whether {@code body} holds less than the whole body (cut at {@link
 *     Journal#MAX_BODY_BYTES}, refused unread as too large, or dropped to keep the journal within
 *     {@link Journal#BODY_BUDGET_CHARS})
 * @param time when the request arrived, on the wall clock; {@link Instant#EPOCH} when unknown
 * @param pdTime when the request arrived, on the cluster's PD clock; {@link Instant#EPOCH} when
 *     unknown
 */
public record RecordedRequest(
    long sequence,
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    String body,
    int status,
    String captureId,
    Optional<Operation> operation,
    Optional<String> changefeedId,
    Optional<String> fault,
    long bodySize,
    boolean bodyTruncated,
    Instant time,
    Instant pdTime) {
  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(captureId, "captureId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(changefeedId, "changefeedId");
    Objects.requireNonNull(fault, "fault");
    if (bodySize < -1) {
      throw new IllegalArgumentException("bodySize must be >= -1, got " + bodySize);
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(pdTime, "pdTime");
  }

  /**
   * A request whose whole body is {@code body}, at unknown times (the shape before the journal
   * recorded sizes and times).
   */
  public RecordedRequest(
      long sequence,
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      String body,
      int status,
      String captureId,
      Optional<Operation> operation,
      Optional<String> changefeedId,
      Optional<String> fault) {
    this(
        sequence,
        method,
        path,
        query,
        headers,
        body,
        status,
        captureId,
        operation,
        changefeedId,
        fault,
        body.getBytes(StandardCharsets.UTF_8).length,
        false,
        Instant.EPOCH,
        Instant.EPOCH);
  }

  /** Whether this request was routed to {@code operation}. */
  public boolean is(Operation operation) {
    return this.operation.isPresent() && this.operation.get() == operation;
  }

  /** Whether this request was routed to {@code operation} for changefeed {@code changefeedId}. */
  public boolean is(Operation operation, String changefeedId) {
    return is(operation)
        && this.changefeedId.isPresent()
        && this.changefeedId.get().equals(changefeedId);
  }

  /** The first value of a header (case-insensitive name), if sent. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return Optional.of(e.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  RecordedRequest withSequence(long n) {
    return new RecordedRequest(
        n,
        method,
        path,
        query,
        headers,
        body,
        status,
        captureId,
        operation,
        changefeedId,
        fault,
        bodySize,
        bodyTruncated,
        time,
        pdTime);
  }

  /** The same request without its body text (size kept), to keep the journal in its budget. */
  RecordedRequest withoutBody() {
    return new RecordedRequest(
        sequence,
        method,
        path,
        query,
        headers,
        "",
        status,
        captureId,
        operation,
        changefeedId,
        fault,
        bodySize,
        true,
        time,
        pdTime);
  }
}
