package io.github.ticdcfake;

import static io.github.ticdcfake.fault.Operation.CREATE_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.GET_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.LIST_CHANGEFEEDS;
import static io.github.ticdcfake.fault.Operation.PAUSE_CHANGEFEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.cluster.CdcError;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.fault.ConnectionFault;
import io.github.ticdcfake.fault.Fault;
import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every fault effect as a real HTTP client (or a raw socket) sees it. */
class FaultInjectionTest {
  private final FakeTiCdcServer server = FakeTiCdcServer.builder().captures(2).start();
  private final FakeCluster cluster = server.cluster();
  private final URI url = server.url();

  @AfterEach
  void close() {
    server.close();
  }

  private void createCf1() {
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
  }

  @Test
  void errorEnvelopeIsTiCdcsAndTagged() {
    createCf1();
    cluster
        .faults()
        .add(FaultRule.on(PAUSE_CHANGEFEED).inject(CdcError.PD_ETCD_API_ERROR.asFault()));

    HttpResponse<String> response = Http.post(url, "/api/v2/changefeeds/cf-1/pause", "");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/json; charset=utf-8");
    assertThat(response.body())
        .isEqualTo(
            "{\n    \"error_msg\": \"[CDC:ErrPDEtcdAPIError]etcd api call error\",\n"
                + "    \"error_code\": \"CDC:ErrPDEtcdAPIError\"\n}");
    assertThat(response.headers().firstValue("X-Fake-Fault"))
        .contains("rule 1: error 500 CDC:ErrPDEtcdAPIError");
    assertThat(cluster.changefeed("cf-1").orElseThrow().state()).isEqualTo(ChangefeedState.NORMAL);
    assertThat(cluster.journal().requests(PAUSE_CHANGEFEED, "cf-1"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(500);
              assertThat(r.fault()).contains("rule 1: error 500 CDC:ErrPDEtcdAPIError");
              assertThat(r.captureId()).isEqualTo(cluster.owner().orElseThrow().id());
            });
  }

  @Test
  void rawStatusAndBody() {
    cluster.faults().add(FaultRule.on(LIST_CHANGEFEEDS).inject(Fault.status(503, "upstream busy")));

    HttpResponse<String> response = Http.get(url, "/api/v2/changefeeds");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("upstream busy");
    assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
  }

  @Test
  void failTwiceThenSucceed() {
    createCf1();
    cluster
        .faults()
        .add(
            FaultRule.on(PAUSE_CHANGEFEED)
                .forChangefeed("cf-1")
                .times(2)
                .inject(Fault.status(500, "")));

    int first = Http.post(url, "/api/v2/changefeeds/cf-1/pause", "").statusCode();
    int second = Http.post(url, "/api/v2/changefeeds/cf-1/pause", "").statusCode();
    int third = Http.post(url, "/api/v2/changefeeds/cf-1/pause", "").statusCode();

    assertThat(new int[] {first, second, third}).containsExactly(500, 500, 200);
    assertThat(cluster.journal().count(PAUSE_CHANGEFEED, "cf-1")).isEqualTo(3);
    assertThat(cluster.changefeed("cf-1").orElseThrow().state()).isEqualTo(ChangefeedState.STOPPED);
  }

  @Test
  void commitThenFailAppliesThePauseYetTheClientSeesA500() {
    createCf1();
    cluster
        .faults()
        .add(
            FaultRule.on(PAUSE_CHANGEFEED)
                .applyFirst()
                .times(1)
                .inject(CdcError.OWNER_NOT_FOUND.asFault()));

    HttpResponse<String> response = Http.post(url, "/api/v2/changefeeds/cf-1/pause", "");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("CDC:ErrOwnerNotFound");
    assertThat(cluster.changefeed("cf-1").orElseThrow().state()).isEqualTo(ChangefeedState.STOPPED);
  }

  @Test
  void withoutApplyFirstTheOperationDoesNotHappen() {
    cluster.faults().add(FaultRule.on(CREATE_CHANGEFEED).times(1).inject(Fault.status(500, "")));

    Http.post(
        url, "/api/v2/changefeeds", "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}");

    assertThat(cluster.changefeed("cf-1")).isEmpty();
  }

  @Test
  void createIsAboutTheChangefeedInItsBody() {
    cluster
        .faults()
        .add(FaultRule.on(CREATE_CHANGEFEED).forChangefeed("cf-2").inject(Fault.status(418, "")));

    int cf1 =
        Http.post(
                url,
                "/api/v2/changefeeds",
                "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}")
            .statusCode();
    int cf2 =
        Http.post(
                url,
                "/api/v2/changefeeds",
                "{\"changefeed_id\":\"cf-2\",\"sink_uri\":\"blackhole://\"}")
            .statusCode();

    assertThat(new int[] {cf1, cf2}).containsExactly(200, 418);
  }

  @Test
  void captureScopedRuleOnlyHitsThatPort() {
    String second = cluster.captures().get(1).id();
    cluster
        .faults()
        .add(FaultRule.onAnyOperation().onCapture(second).inject(Fault.status(502, "")));

    assertThat(Http.get(server.url(second), "/api/v2/changefeeds").statusCode()).isEqualTo(502);
    assertThat(Http.get(url, "/api/v2/changefeeds").statusCode()).isEqualTo(200);
    assertThat(cluster.journal().requests(r -> r.captureId().equals(second))).hasSize(1);
  }

  @Test
  void delayHoldsTheAnswerThenAnswersNormally() {
    createCf1();
    cluster.faults().add(FaultRule.on(GET_CHANGEFEED).inject(Fault.delay(Duration.ofMillis(300))));

    long start = System.nanoTime();
    HttpResponse<String> response = Http.get(url, "/api/v2/changefeeds/cf-1");
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"id\":\"cf-1\"");
    assertThat(response.headers().firstValue("X-Fake-Fault")).contains("rule 1: delay 300ms");
    assertThat(tookMillis).isGreaterThanOrEqualTo(300);
  }

  @Test
  void delayBeforeAnotherFault() {
    cluster
        .faults()
        .add(
            FaultRule.on(LIST_CHANGEFEEDS)
                .inject(Fault.delay(Duration.ofMillis(50), Fault.status(504, "late"))));

    HttpResponse<String> response = Http.get(url, "/api/v2/changefeeds");

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.body()).isEqualTo("late");
  }

  @Test
  void resetConnectionIsSeenAsAResetByARawSocket() throws IOException {
    cluster.faults().add(FaultRule.on(LIST_CHANGEFEEDS).inject(ConnectionFault.RESET));

    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.getOutputStream().write(rawGet("/api/v2/changefeeds"));
      assertThatThrownBy(() -> readAll(socket.getInputStream()))
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
    }
    assertThat(cluster.journal().requests(LIST_CHANGEFEEDS))
        .singleElement()
        .extracting(RecordedRequest::status, RecordedRequest::fault)
        .containsExactly(0, java.util.Optional.of("rule 1: connection reset"));
  }

  @Test
  void resetConnectionFailsTheHttpClient() {
    cluster.faults().add(FaultRule.on(LIST_CHANGEFEEDS).inject(ConnectionFault.RESET));

    assertThatThrownBy(
            () -> Http.trySend(HttpRequest.newBuilder(url.resolve("/api/v2/changefeeds")).build()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void closedConnectionGivesTheClientNoResponse() throws IOException {
    cluster.faults().add(FaultRule.on(LIST_CHANGEFEEDS).inject(ConnectionFault.CLOSE));

    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.getOutputStream().write(rawGet("/api/v2/changefeeds"));
      assertThat(readAll(socket.getInputStream())).isEmpty();
    }
    assertThatThrownBy(
            () -> Http.trySend(HttpRequest.newBuilder(url.resolve("/api/v2/changefeeds")).build()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void emptyResponseHasHeadersButNoBody() {
    cluster.faults().add(FaultRule.on(LIST_CHANGEFEEDS).inject(ConnectionFault.EMPTY));

    HttpResponse<String> response = Http.get(url, "/api/v2/changefeeds");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("X-Fake-Fault")).contains("rule 1: connection empty");
  }

  @Test
  void malformedResponseIsTruncated() throws IOException {
    createCf1();
    cluster
        .faults()
        .add(FaultRule.on(GET_CHANGEFEED).applyFirst().inject(ConnectionFault.MALFORMED));

    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.getOutputStream().write(rawGet("/api/v2/changefeeds/cf-1"));
      String raw = readAll(socket.getInputStream());
      int length = Integer.parseInt(raw.replaceAll("(?s).*[Cc]ontent-[Ll]ength: (\\d+).*", "$1"));
      String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
      assertThat(raw).startsWith("HTTP/1.1 200");
      assertThat(body).startsWith("{\"upstream_id\":");
      assertThat(body.length()).isEqualTo(length / 2);
    }
    assertThatThrownBy(
            () ->
                Http.trySend(
                    HttpRequest.newBuilder(url.resolve("/api/v2/changefeeds/cf-1")).build()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void stallMakesTheClientTimeOutAndCloseReleasesIt() throws Exception {
    cluster.faults().add(FaultRule.on(LIST_CHANGEFEEDS).inject(ConnectionFault.STALL));
    HttpRequest request =
        HttpRequest.newBuilder(url.resolve("/api/v2/changefeeds"))
            .timeout(Duration.ofMillis(200))
            .build();

    assertThatThrownBy(
            () -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);

    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.getOutputStream().write(rawGet("/api/v2/changefeeds"));
      cluster.awaitRequest(r -> r.is(LIST_CHANGEFEEDS) && r.sequence() == 2);
      server.close();
      assertThat(readAll(socket.getInputStream())).isEmpty(); // released, not left hanging
    }
    assertThatThrownBy(() -> new Socket(url.getHost(), url.getPort()).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void adminRoutesAreNeverFaulted() {
    cluster.faults().add(FaultRule.onAnyOperation().inject(Fault.status(500, "")));

    assertThat(Http.get(url, "/__fake/state").statusCode()).isEqualTo(200);
    assertThat(Http.get(url, "/status").statusCode()).isEqualTo(200);
    assertThat(Http.get(url, "/api/v2/health").statusCode()).isEqualTo(500);
  }

  @Test
  void journalRecordsUnknownPathsWithoutAnOperation() {
    HttpResponse<String> response = Http.get(url, "/api/v2/nope?x=1");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(cluster.journal().requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("/api/v2/nope");
              assertThat(r.query()).isEqualTo("x=1");
              assertThat(r.operation()).isEmpty();
              assertThat(r.status()).isEqualTo(404);
              assertThat(r.header("host")).isPresent();
            });
  }

  @Test
  void journalIsBounded() {
    try (FakeTiCdcServer small = FakeTiCdcServer.builder().journalCapacity(3).start()) {
      for (int i = 0; i < 5; i++) {
        Http.get(small.url(), "/api/v2/health");
      }
      assertThat(small.cluster().journal().requests()).hasSize(3);
      assertThat(small.cluster().journal().dropped()).isEqualTo(2);
    }
  }

  private static byte[] rawGet(String path) {
    return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
