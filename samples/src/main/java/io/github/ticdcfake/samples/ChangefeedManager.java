package io.github.ticdcfake.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Manages TiCDC changefeeds through the OpenAPI v2, the way a service that owns replication would:
 * every call is retried with exponential backoff on 5xx (including {@code CDC:ErrOwnerNotFound}
 * while an owner is being elected) and on I/O errors, fails over to the next capture when one
 * refuses connections, and state changes are confirmed by polling because TiCDC applies pause and
 * resume on the owner's next tick.
 *
 * <p>This is the code under test in the samples; nothing in it knows about ticdc-fake.
 *
 * <pre>{@code
 * ChangefeedManager manager = ChangefeedManager.builder(URI.create("http://127.0.0.1:8300")).build();
 * manager.create("orders", "kafka://kafka:9092/orders?protocol=canal-json");
 * manager.pause("orders");
 * }</pre>
 */
public final class ChangefeedManager {
  static final String OWNER_NOT_FOUND = "CDC:ErrOwnerNotFound";
  static final String ALREADY_EXISTS = "CDC:ErrChangeFeedAlreadyExists";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Waits between retries and polls; tests pass one that does not really wait. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
  }

  private final List<URI> endpoints;
  private final AtomicInteger current = new AtomicInteger();
  private final HttpClient http;
  private final Duration requestTimeout;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration pollInterval;
  private final int maxPolls;
  private final Sleeper sleeper;

  /** A manager for the TiCDC at {@code endpoint} (for example {@code http://127.0.0.1:8300}). */
  public ChangefeedManager(URI endpoint) {
    this(builder(endpoint));
  }

  private ChangefeedManager(Builder b) {
    this.endpoints = List.copyOf(b.endpoints);
    this.requestTimeout = b.requestTimeout;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.pollInterval = b.pollInterval;
    this.maxPolls = b.maxPolls;
    this.sleeper = b.sleeper;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(b.requestTimeout)
            .build();
  }

  /** A builder for a manager of the TiCDC cluster reachable at any of {@code endpoints}. */
  public static Builder builder(URI... endpoints) {
    return new Builder(List.of(endpoints));
  }

  /** The capture this manager currently talks to. */
  public URI currentEndpoint() {
    return endpoints.get(current.get());
  }

  /** Creates a changefeed and waits until it is {@code normal}. */
  public ChangefeedInfo create(String id, String sinkUri) {
    return create(id, sinkUri, Map.of());
  }

  /**
   * Creates a changefeed with a (partial) replica config and waits until it is {@code normal}.
   *
   * <p>A retried create whose first attempt did reach TiCDC is answered {@code
   * CDC:ErrChangeFeedAlreadyExists}; that counts as success.
   */
  public ChangefeedInfo create(String id, String sinkUri, Map<String, ?> replicaConfig) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("changefeed_id", id);
    body.put("sink_uri", sinkUri);
    if (!replicaConfig.isEmpty()) {
      body.put("replica_config", replicaConfig);
    }
    call("POST", "/api/v2/changefeeds", json(body), true);
    return awaitState(id, "normal");
  }

  /** The changefeed as TiCDC shows it now. */
  public ChangefeedInfo get(String id) {
    JsonNode node = call("GET", "/api/v2/changefeeds/" + id, null, false);
    return JSON.convertValue(node, ChangefeedInfo.class);
  }

  /** Pauses a changefeed and waits until it is {@code stopped}. */
  public ChangefeedInfo pause(String id) {
    call("POST", "/api/v2/changefeeds/" + id + "/pause", null, false);
    return awaitState(id, "stopped");
  }

  /** Resumes a changefeed and waits until it is {@code normal}. */
  public ChangefeedInfo resume(String id) {
    call("POST", "/api/v2/changefeeds/" + id + "/resume", "{}", false);
    return awaitState(id, "normal");
  }

  /**
   * Changes a changefeed ({@code sink_uri}, {@code target_ts}, {@code replica_config}, as TiCDC's
   * {@code PUT} takes them): pauses it if it runs (TiCDC only updates stopped or failed
   * changefeeds), updates it, and resumes it again.
   */
  public ChangefeedInfo update(String id, Map<String, ?> changes) {
    String state = get(id).state();
    if (!state.equals("stopped") && !state.equals("failed")) {
      pause(id);
    }
    call("PUT", "/api/v2/changefeeds/" + id, json(changes), false);
    return resume(id);
  }

  /** Deletes a changefeed; deleting one that does not exist succeeds, as in TiCDC. */
  public void delete(String id) {
    call("DELETE", "/api/v2/changefeeds/" + id, null, false);
  }

  /** All changefeeds of the default namespace with their lag behind PD's clock. */
  public List<ChangefeedSummary> list() {
    JsonNode items = call("GET", "/api/v2/changefeeds", null, false).path("items");
    long now = pdTimeMillis();
    List<ChangefeedSummary> out = new ArrayList<>();
    for (JsonNode item : items) {
      long checkpoint = item.path("checkpoint_tso").asLong();
      long lagMillis = Math.max(0, now - (checkpoint >>> 18)); // a TSO's physical part is ms
      out.add(
          new ChangefeedSummary(
              item.path("id").asText(),
              item.path("state").asText(),
              checkpoint,
              Duration.ofMillis(lagMillis),
              item.path("error").path("code").asText("")));
    }
    return out;
  }

  /** PD's current time in milliseconds, from {@code POST /api/v2/tso}. */
  public long pdTimeMillis() {
    return call("POST", "/api/v2/tso", "{}", false).path("timestamp").asLong();
  }

  /**
   * Polls until the changefeed is in {@code state}.
   *
   * @throws IllegalStateException if it fails instead, or is not there after the configured polls
   */
  public ChangefeedInfo awaitState(String id, String state) {
    ChangefeedInfo info = get(id);
    for (int poll = 1; !info.state().equals(state); poll++) {
      if (info.state().equals("failed")) {
        throw new IllegalStateException("changefeed " + id + " failed while waiting for " + state);
      }
      if (poll >= maxPolls) {
        throw new IllegalStateException(
            "changefeed " + id + " still " + info.state() + " after " + poll + " polls");
      }
      sleep(pollInterval);
      info = get(id);
    }
    return info;
  }

  private JsonNode call(String method, String path, String body, boolean create) {
    Duration backoff = initialBackoff;
    for (int attempt = 1; ; attempt++) {
      RuntimeException failure;
      try {
        HttpResponse<String> response =
            http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
          return JSON.readTree(response.body());
        }
        TiCdcApiException error = error(response);
        if (create && attempt > 1 && error.errorCode().equals(ALREADY_EXISTS)) {
          return JSON.createObjectNode(); // an earlier attempt created it
        }
        if (!retryable(error)) {
          throw error;
        }
        failure = error;
      } catch (ConnectException e) {
        // This capture is gone (killed, or restarting): try the next one.
        current.updateAndGet(i -> (i + 1) % endpoints.size());
        failure = new UncheckedIOException(e);
      } catch (IOException e) {
        failure = new UncheckedIOException(e); // reset, truncated answer, timeout
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      if (attempt >= maxAttempts) {
        throw failure;
      }
      sleep(backoff);
      Duration doubled = backoff.multipliedBy(2);
      backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }
  }

  private static boolean retryable(TiCdcApiException error) {
    return error.errorCode().equals(OWNER_NOT_FOUND)
        || (error.status() >= 500 && !error.errorCode().equals(ALREADY_EXISTS));
  }

  private HttpRequest request(String method, String path, String body) {
    return HttpRequest.newBuilder(URI.create(currentEndpoint() + path))
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static TiCdcApiException error(HttpResponse<String> response) {
    String code = "";
    String message = response.body();
    try {
      JsonNode envelope = JSON.readTree(response.body());
      if (envelope != null && envelope.has("error_code")) {
        code = envelope.path("error_code").asText();
        message = envelope.path("error_msg").asText();
      }
    } catch (JsonProcessingException notJson) {
      // "404 page not found", a proxy's HTML page, ...: keep the raw text
    }
    return new TiCdcApiException(response.statusCode(), code, message);
  }

  private void sleep(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Configures a {@link ChangefeedManager}. */
  public static final class Builder {
    private final List<URI> endpoints;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private Duration pollInterval = Duration.ofMillis(500);
    private int maxPolls = 60;
    private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());

    private Builder(List<URI> endpoints) {
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("give at least one TiCDC endpoint");
      }
      this.endpoints = endpoints;
    }

    /** How long one HTTP request may take; default 10 s. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** Attempts per call, the first included, and the backoff between them (doubling). */
    public Builder retries(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
      this.maxAttempts = maxAttempts;
      this.initialBackoff = initialBackoff;
      this.maxBackoff = maxBackoff;
      return this;
    }

    /** How often and how many times to poll for a state change; default every 500 ms, 60 times. */
    public Builder polling(Duration interval, int maxPolls) {
      this.pollInterval = interval;
      this.maxPolls = maxPolls;
      return this;
    }

    /** How to wait between retries and polls; default {@link Thread#sleep}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    /** The manager. */
    public ChangefeedManager build() {
      return new ChangefeedManager(this);
    }
  }
}
