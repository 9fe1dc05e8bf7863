package io.github.ticdcfake;

import static io.github.ticdcfake.fault.Operation.CREATE_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.GET_CHANGEFEED;
import static io.github.ticdcfake.fault.Operation.LIST_CHANGEFEEDS;
import static io.github.ticdcfake.fault.Operation.PAUSE_CHANGEFEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.TestHttp.Reply;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every fault effect as a real HTTP client (or a raw socket) sees it. */
class FaultInjectionTest {
  /** An instance field: every test gets a server of its own, as one test closes it. */
  @RegisterExtension
  final FakeServerFixture fake = FakeServerFixture.builder().captures(2).freshConnections().build();

  private final FakeTiCdcServer server = fake.server();
  private final FakeCluster cluster = fake.cluster();
  private final URI url = server.url();
  private final TestHttp http = fake.http();

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

    Reply response = http.post("/api/v2/changefeeds/cf-1/pause", "");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(response.body())
        .isEqualTo(
            "{\n    \"error_msg\": \"[CDC:ErrPDEtcdAPIError]etcd api call error\",\n"
                + "    \"error_code\": \"CDC:ErrPDEtcdAPIError\"\n}");
    assertThat(response.header("X-Fake-Fault"))
        .isEqualTo("rule 1: error 500 CDC:ErrPDEtcdAPIError");
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

    Reply response = http.get("/api/v2/changefeeds");

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("upstream busy");
    assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
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

    int first = http.post("/api/v2/changefeeds/cf-1/pause", "").status();
    int second = http.post("/api/v2/changefeeds/cf-1/pause", "").status();
    int third = http.post("/api/v2/changefeeds/cf-1/pause", "").status();

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

    Reply response = http.post("/api/v2/changefeeds/cf-1/pause", "");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.body()).contains("CDC:ErrOwnerNotFound");
    assertThat(cluster.changefeed("cf-1").orElseThrow().state()).isEqualTo(ChangefeedState.STOPPED);
  }

  @Test
  void withoutApplyFirstTheOperationDoesNotHappen() {
    cluster.faults().add(FaultRule.on(CREATE_CHANGEFEED).times(1).inject(Fault.status(500, "")));

    http.post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}");

    assertThat(cluster.changefeed("cf-1")).isEmpty();
  }

  @Test
  void createIsAboutTheChangefeedInItsBody() {
    cluster
        .faults()
        .add(FaultRule.on(CREATE_CHANGEFEED).forChangefeed("cf-2").inject(Fault.status(418, "")));

    int cf1 =
        http.post(
                "/api/v2/changefeeds", "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}")
            .status();
    int cf2 =
        http.post(
                "/api/v2/changefeeds", "{\"changefeed_id\":\"cf-2\",\"sink_uri\":\"blackhole://\"}")
            .status();

    assertThat(new int[] {cf1, cf2}).containsExactly(200, 418);
  }

  @Test
  void captureScopedRuleOnlyHitsThatPort() {
    String second = cluster.captures().get(1).id();
    cluster
        .faults()
        .add(FaultRule.onAnyOperation().onCapture(second).inject(Fault.status(502, "")));

    assertThat(fake.http(second).get("/api/v2/changefeeds").status()).isEqualTo(502);
    assertThat(http.get("/api/v2/changefeeds").status()).isEqualTo(200);
    assertThat(cluster.journal().requests(r -> r.captureId().equals(second))).hasSize(1);
  }

  @Test
  void delayHoldsTheAnswerThenAnswersNormally() {
    createCf1();
    cluster.faults().add(FaultRule.on(GET_CHANGEFEED).inject(Fault.delay(Duration.ofMillis(300))));

    long start = System.nanoTime();
    Reply response = http.get("/api/v2/changefeeds/cf-1");
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("\"id\":\"cf-1\"");
    assertThat(response.header("X-Fake-Fault")).isEqualTo("rule 1: delay 300ms");
    assertThat(tookMillis).isGreaterThanOrEqualTo(300);
  }

  @Test
  void delayBeforeAnotherFault() {
    cluster
        .faults()
        .add(
            FaultRule.on(LIST_CHANGEFEEDS)
                .inject(Fault.delay(Duration.ofMillis(50), Fault.status(504, "late"))));

    Reply response = http.get("/api/v2/changefeeds");

    assertThat(response.status()).isEqualTo(504);
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

    assertThatThrownBy(() -> http.trySend("GET", "/api/v2/changefeeds", null))
        .isInstanceOf(IOException.class);
  }

  @Test
  void closedConnectionGivesTheClientNoResponse() throws IOException {
    cluster.faults().add(FaultRule.on(LIST_CHANGEFEEDS).inject(ConnectionFault.CLOSE));

    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.getOutputStream().write(rawGet("/api/v2/changefeeds"));
      assertThat(readAll(socket.getInputStream())).isEmpty();
    }
    assertThatThrownBy(() -> http.trySend("GET", "/api/v2/changefeeds", null))
        .isInstanceOf(IOException.class);
  }

  @Test
  void emptyResponseHasHeadersButNoBody() {
    cluster.faults().add(FaultRule.on(LIST_CHANGEFEEDS).inject(ConnectionFault.EMPTY));

    Reply response = http.get("/api/v2/changefeeds");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.header("X-Fake-Fault")).isEqualTo("rule 1: connection empty");
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
    assertThatThrownBy(() -> http.trySend("GET", "/api/v2/changefeeds/cf-1", null))
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

    assertThat(http.get("/__fake/state").status()).isEqualTo(200);
    assertThat(http.get("/status").status()).isEqualTo(200);
    assertThat(http.get("/api/v2/health").status()).isEqualTo(500);
  }

  @Test
  void journalRecordsUnknownPathsWithoutAnOperation() {
    Reply response = http.get("/api/v2/nope?x=1");

    assertThat(response.status()).isEqualTo(404);
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
        TestHttp.freshConnections(small.url()).get("/api/v2/health");
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
