package io.github.ticdcfake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The HTTP client of core's tests: real requests over loopback, answers as text and JSON trees.
 *
 * <p>It has two modes that differ only in connection reuse. {@link #pooled} keeps connections alive
 * between requests, as most TiCDC clients do; use it unless a test injects connection faults.
 * {@link #freshConnections} opens a new connection for every request, so a fault that resets,
 * closes or stalls one connection cannot leak into the next request. {@link #trySend} lets I/O
 * failures through for tests that expect the connection to break.
 *
 * <pre>{@code
 * TestHttp http = TestHttp.pooled(server.url());
 * Reply reply = http.post("/api/v2/changefeeds", "{\"sink_uri\":\"blackhole://\"}");
 * assertThat(reply.status()).isEqualTo(200);
 * assertThat(reply.json().get("state").asText()).isEqualTo("normal");
 * assertThatThrownBy(() -> TestHttp.freshConnections(url).trySend("GET", "/api/v2/changefeeds", null))
 *     .isInstanceOf(IOException.class);
 * }</pre>
 *
 * <p>Inside a class that uses {@link FakeServerFixture}, take clients from {@code fake.http()}.
 */
public final class TestHttp {
  /** Bounds how long a broken fake can hang a test; no test expects an answer to take this long. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final HttpClient POOLED = newClient();

  /** Jackson's default mapper, for tests that read or write JSON themselves. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private final URI base;
  private final boolean pooled;

  private TestHttp(URI base, boolean pooled) {
    this.base = base;
    this.pooled = pooled;
  }

  /** A client that reuses keep-alive connections to {@code base}, as most TiCDC clients do. */
  public static TestHttp pooled(URI base) {
    return new TestHttp(base, true);
  }

  /**
   * A client that opens a new connection for every request, for fault-injection tests: a reset,
   * closed or stalled connection never carries over to the next request.
   */
  public static TestHttp freshConnections(URI base) {
    return new TestHttp(base, false);
  }

  /** The base URL that paths are resolved against. */
  public URI base() {
    return base;
  }

  /** One answer. */
  public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    /** The first value of a response header, or {@code null} if it is absent. */
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  /** A POST; {@code body == null} sends none, {@code ""} sends an empty one. */
  public Reply post(String path, String body) {
    return send("POST", path, body);
  }

  public Reply put(String path, String body) {
    return send("PUT", path, body);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null);
  }

  /**
   * Sends a request; {@code body == null} sends none; {@code headers} are name/value pairs.
   *
   * @throws UncheckedIOException if the connection fails
   */
  public Reply send(String method, String path, String body, String... headers) {
    try {
      return trySend(method, path, body, headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends a request like {@link #send}, letting a failed connection through as an {@link
   * IOException}, for tests that expect the fake to break it.
   *
   * @throws IllegalStateException if no answer comes at all: a hang is never the expected failure
   */
  public Reply trySend(String method, String path, String body, String... headers)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpClient client = pooled ? POOLED : newClient();
    try {
      HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body(),
          response);
    } catch (HttpTimeoutException e) {
      throw new IllegalStateException(
          "no answer within " + TIMEOUT + ": " + method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }
}
