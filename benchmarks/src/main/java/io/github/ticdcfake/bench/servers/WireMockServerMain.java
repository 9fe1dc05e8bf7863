package io.github.ticdcfake.bench.servers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * WireMock with its defaults (request journal on, chunked encoding policy as shipped) serving
 * static stubs: {@code --port P --stubs FILE}, where each line of FILE is {@code
 * method<TAB>url<TAB>status<TAB>content-type<TAB>body-file}, the fake's own answers.
 */
public final class WireMockServerMain {
  private WireMockServerMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(ServerControl.arg(args, "--port", "0"));
    Path stubs = Path.of(ServerControl.arg(args, "--stubs", "stubs.tsv"));
    int before = ServerControl.threads();
    WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(port));
    server.start();
    for (String line : Files.readAllLines(stubs, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      byte[] body = Files.readAllBytes(stubs.resolveSibling(f[4]));
      server.stubFor(
          request(f[0], urlEqualTo(f[1]))
              .willReturn(
                  aResponse()
                      .withStatus(Integer.parseInt(f[2]))
                      .withHeader("Content-Type", f[3])
                      .withBody(body)));
    }
    ServerControl.serve(before, server::stop);
  }
}
