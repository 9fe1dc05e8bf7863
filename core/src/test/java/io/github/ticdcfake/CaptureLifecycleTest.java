package io.github.ticdcfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.FakeCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Killing and adding captures changes what listens, as a client sees it. */
class CaptureLifecycleTest {
  /** An instance field: every test gets a server of its own to kill captures in. */
  @RegisterExtension final FakeServerFixture fake = FakeServerFixture.builder().captures(3).build();

  private final FakeTiCdcServer server = fake.server();
  private final FakeCluster cluster = fake.cluster();

  private static void assertRefused(URI url) {
    assertThatThrownBy(() -> new Socket(url.getHost(), url.getPort()).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void killedCapturesPortStopsAnswering() {
    Capture second = cluster.captures().get(1);
    URI url = server.url(second.id());

    cluster.killCapture(second.id());

    assertRefused(url);
    assertThat(TestHttp.freshConnections(server.url()).get("/api/v2/captures").body())
        .doesNotContain(second.id());
    assertThatThrownBy(() -> server.url(second.id())).hasMessageContaining("was killed");
  }

  @Test
  void killingTheOwnerElectsAnotherThatAnswersOwnerRoutes() {
    Capture owner = cluster.owner().orElseThrow();
    URI ownerUrl = server.url();
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());

    cluster.killCapture(owner.id());

    assertRefused(ownerUrl);
    Capture next = cluster.owner().orElseThrow();
    assertThat(next.id()).isNotEqualTo(owner.id());
    assertThat(server.url()).isNotEqualTo(ownerUrl);
    URI third = server.url(cluster.captures().get(2).id());
    assertThat(TestHttp.freshConnections(third).get("/api/v2/changefeeds/cf-1").status())
        .isEqualTo(200);
    assertThat(TestHttp.freshConnections(third).get("/api/v2/captures").body())
        .contains("\"total\":2");
  }

  @Test
  void connectionOpenedBeforeTheKillIsReset() throws IOException {
    Capture second = cluster.captures().get(1);
    URI url = server.url(second.id());
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(get("/api/v2/status"));
      assertThat(readResponseHead(in)).startsWith("HTTP/1.1 200");

      cluster.killCapture(second.id());
      byte[] answer;
      try {
        out.write(get("/api/v2/status"));
        answer = in.readAllBytes(); // closed (EOF) ...
      } catch (IOException reset) {
        answer = new byte[0]; // ... or reset: either way no answer comes
      }

      assertThat(answer).isEmpty();
    }
  }

  @Test
  void addedCaptureListensOnANewPort() {
    Capture added = cluster.addCapture();
    URI url = server.url(added.id());

    assertThat(server.captureUrls()).hasSize(4).contains(url);
    assertThat(TestHttp.freshConnections(url).get("/api/v2/status").body()).contains(added.id());
  }

  @Test
  void resetReopensKilledPortsAndClosesAddedOnes() {
    Capture second = cluster.captures().get(1);
    URI secondUrl = server.url(second.id());
    cluster.killCapture(second.id());
    Capture added = cluster.addCapture();
    URI addedUrl = server.url(added.id());

    server.reset();

    assertThat(TestHttp.freshConnections(secondUrl).get("/api/v2/status").body())
        .contains(second.id());
    assertRefused(addedUrl);
    assertThat(cluster.captures()).extracting(Capture::id).hasSize(3).doesNotContain(added.id());
    assertThat(server.captureUrls()).hasSize(3);
  }

  @Test
  void tablesMoveToTheLiveCaptures() {
    for (String t : List.of("a", "b", "c")) {
      cluster.addUpstreamTable("test", t, 0, List.of("id"), List.of("id"));
    }
    cluster.createChangefeed(
        ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
    String third = cluster.captures().get(2).id();

    cluster.killCapture(third);

    String processors = TestHttp.freshConnections(server.url()).get("/api/v2/processors").body();
    assertThat(processors).contains("\"total\":2").doesNotContain(third);
    assertThat(cluster.changefeed("cf-1").orElseThrow().tables().values())
        .flatExtracting(ids -> ids)
        .containsExactlyInAnyOrder(104L, 106L, 108L);
  }

  private static byte[] get(String path) {
    return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads one keep-alive response (head and Content-Length body). */
  private static String readResponseHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      head.append((char) c);
    }
    String text = head.toString();
    int length = Integer.parseInt(text.replaceAll("(?s).*[Cc]ontent-[Ll]ength: (\\d+).*", "$1"));
    in.readNBytes(length);
    return text;
  }
}
