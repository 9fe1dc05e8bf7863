package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Malformed, mistyped and odd requests get TiCDC's answers and never change state (pingcap/tiflow
 * cdc/api/middleware/middleware.go; pingcap/tiflow pkg/errors/cdc_errors.go).
 */
class BadInputTest {
  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder()
          .manualClock(Instant.parse("2024-05-20T02:00:00Z"))
          .server(server -> server.maxRequestBodyBytes(64 * 1024))
          .build();

  private final FakeTiCdcServer server = fake.server();
  private final TestHttp http = fake.http();

  private static String errorMessage(Reply reply) {
    return reply.json().get("error_msg").asText();
  }

  @Test
  void malformedJsonReturns400TextPlainWithGoSyntaxError() {
    Reply reply = http.post("/api/v2/changefeeds", "{\"sink_uri\":");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(errorMessage(reply))
        .isEqualTo("[CDC:ErrAPIInvalidParam]invalid api parameter: unexpected EOF");
    assertThat(server.cluster().changefeeds()).isEmpty();
  }

  @Test
  void garbageBodyReturns400InvalidCharacter() {
    Reply reply = http.post("/api/v2/changefeeds", "xyz");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(errorMessage(reply))
        .isEqualTo(
            "[CDC:ErrAPIInvalidParam]invalid api parameter: invalid character 'x' looking for"
                + " beginning of value");
  }

  @Test
  void wrongTypeReturns400WithGoUnmarshalError() {
    Reply reply =
        http.post("/api/v2/changefeeds", "{\"start_ts\":\"now\",\"sink_uri\":\"blackhole://\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error_code").asText()).isEqualTo("CDC:ErrAPIInvalidParam");
    assertThat(errorMessage(reply))
        .isEqualTo(
            "[CDC:ErrAPIInvalidParam]invalid api parameter: json: cannot unmarshal string into Go"
                + " struct field ChangefeedConfig.start_ts of type uint64");
  }

  @Test
  void negativeTimestampReturns400() {
    Reply reply =
        http.post("/api/v2/changefeeds", "{\"start_ts\":-1,\"sink_uri\":\"blackhole://\"}");

    assertThat(errorMessage(reply))
        .isEqualTo(
            "[CDC:ErrAPIInvalidParam]invalid api parameter: json: cannot unmarshal number -1 into"
                + " Go struct field ChangefeedConfig.start_ts of type uint64");
  }

  @Test
  void nestedWrongTypeNamesTheInnermostStructAndTheFullPath() {
    Reply reply =
        http.post(
            "/api/v2/changefeeds",
            "{\"sink_uri\":\"blackhole://\",\"replica_config\":{\"sink\":{\"encoder_concurrency\":\"x\"}}}");

    assertThat(errorMessage(reply))
        .endsWith(
            "json: cannot unmarshal string into Go struct field SinkConfig.replica_config.sink"
                + ".encoder_concurrency of type int");
  }

  @Test
  void badDurationStringReturns400() {
    Reply reply =
        http.post(
            "/api/v2/changefeeds",
            "{\"sink_uri\":\"blackhole://\",\"replica_config\":{\"sync_point_interval\":\"soon\"}}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(errorMessage(reply)).endsWith("time: invalid duration \"soon\"");
  }

  @Test
  void arrayBodyReturns400() {
    assertThat(errorMessage(http.post("/api/v2/changefeeds", "[]")))
        .endsWith("json: cannot unmarshal array into Go value of type v2.ChangefeedConfig");
  }

  @Test
  void deeplyNestedBodyIsDecodedWithoutExhaustingTheStack() {
    // Go accepts 10 000 levels; found by the hostile-input suite as a StackOverflowError.
    String body = "[".repeat(9000) + "]".repeat(9000);

    Reply reply = http.post("/api/v2/log", body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.header("X-Fake-Internal-Error")).isNull();
    assertThat(errorMessage(reply))
        .isEqualTo(
            "[CDC:ErrAPIInvalidParam]invalid log level: json: cannot unmarshal array into Go value"
                + " of type v2.LogLevelReq");
  }

  @Test
  void nullBodyPanicsLikeTiCdcWith500AndEmptyBody() {
    Reply reply = http.post("/api/v2/changefeeds", "null");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void nullReplicaConfigPanicsLikeTiCdc() {
    Reply reply =
        http.post("/api/v2/changefeeds", "{\"sink_uri\":\"blackhole://\",\"replica_config\":null}");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void unknownFieldsAreIgnoredAndKeysMatchCaseInsensitively() {
    Reply reply =
        http.post(
            "/api/v2/changefeeds",
            "{\"Changefeed_ID\":\"cf\",\"SINK_URI\":\"blackhole://\",\"whatever\":[1,2]}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("id").asText()).isEqualTo("cf");
  }

  @Test
  void contentTypeIsNotRequiredAndTrailingDataIsIgnored() {
    Reply reply =
        http.send(
            "POST",
            "/api/v2/changefeeds",
            "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"} trailing",
            "Content-Type",
            "text/plain");

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void unknownRouteReturnsGinTextPlain404() {
    for (String path :
        new String[] {"/api/v2/nope", "/api/v1/nope", "/", "/api/v2/changefeeds/a/b/c"}) {
      Reply reply = http.get(path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.contentType()).isEqualTo("text/plain");
      assertThat(reply.body()).isEqualTo("404 page not found");
    }
  }

  @Test
  void wrongMethodReturns404NotAllowedIsNeverUsed() {
    Reply reply = http.send("PATCH", "/api/v2/changefeeds", "{}");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body()).isEqualTo("404 page not found");
  }

  @Test
  void trailingSlashOnGetRedirectsWith301() {
    Reply reply = http.get("/api/v2/changefeeds/?state=all");

    assertThat(reply.status()).isEqualTo(301);
    assertThat(reply.header("Location")).isEqualTo("/api/v2/changefeeds?state=all");
    assertThat(reply.body())
        .isEqualTo("<a href=\"/api/v2/changefeeds?state=all\">Moved Permanently</a>.\n\n");
  }

  @Test
  void trailingSlashOnPostRedirectsWith307() {
    Reply reply = http.post("/api/v2/changefeeds/", "{}");

    assertThat(reply.status()).isEqualTo(307);
    assertThat(reply.header("Location")).isEqualTo("/api/v2/changefeeds");
  }

  @Test
  void encodedSlashInAnIdDoesNotReachAnotherRoute() {
    Reply reply = http.get("/api/v2/changefeeds/a%2Fb");

    assertThat(reply.status()).isIn(400, 404);
  }

  @Test
  void oversizedBodyIsRefusedWithAClearError() {
    Reply reply = http.post("/api/v2/changefeeds", "{\"x\":\"" + "a".repeat(128 * 1024) + "\"}");

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().get("error_code").asText()).isEqualTo("FAKE:ErrRequestTooLarge");
    assertThat(http.get("/api/v2/status").status()).isEqualTo(200);
  }

  @Test
  void twoRequestsOnOneKeepAliveConnectionAreBothAnsweredWithContentLength() throws Exception {
    try (Socket socket = new Socket(server.url().getHost(), server.url().getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      String request = "GET /api/v2/health HTTP/1.1\r\nHost: x\r\n\r\n";
      for (int i = 0; i < 2; i++) {
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(in);
        assertThat(head).startsWith("HTTP/1.1 200").contains("Content-Length: 2");
        assertThat(head).doesNotContainIgnoringCase("chunked");
        assertThat(new String(in.readNBytes(2), StandardCharsets.US_ASCII)).isEqualTo("{}");
      }
    }
  }

  private static String readHead(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }
}
