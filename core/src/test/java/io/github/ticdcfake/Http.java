package io.github.ticdcfake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A one-shot HTTP client for fault-injection tests: every request opens its own connection.
 *
 * <p>Unlike {@link TestHttp}, which pools connections, this never reuses one, so a fault that drops
 * or stalls a connection cannot leak into the next request; it also hands back the raw {@link
 * HttpResponse} and lets I/O failures through via {@link #trySend}.
 */
public final class Http {
  private Http() {}

  public static HttpResponse<String> get(URI base, String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
  }

  public static HttpResponse<String> post(URI base, String path, String body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public static HttpResponse<String> delete(URI base, String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE().build());
  }

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return trySend(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends on a fresh client (no pooled connection), letting I/O failures through. */
  public static HttpResponse<String> trySend(HttpRequest request) throws IOException {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
