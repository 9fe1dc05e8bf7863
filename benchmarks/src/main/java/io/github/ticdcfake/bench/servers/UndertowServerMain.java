package io.github.ticdcfake.bench.servers;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The ceiling of our stack: a bare Undertow handler on the I/O thread answering every request with
 * 200 and a fixed JSON-typed body of {@code --body-size} bytes ({@code --port P}).
 */
public final class UndertowServerMain {
  private UndertowServerMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(ServerControl.arg(args, "--port", "0"));
    int size = Integer.parseInt(ServerControl.arg(args, "--body-size", "16"));
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) ' ');
    if (size >= 2) {
      body[0] = '{';
      body[size - 1] = '}';
    }
    int before = ServerControl.threads();
    Undertow server =
        Undertow.builder()
            .addHttpListener(port, "127.0.0.1")
            .setHandler(
                exchange -> {
                  exchange
                      .getResponseHeaders()
                      .put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
                  exchange.getResponseSender().send(ByteBuffer.wrap(body));
                })
            .build();
    server.start();
    ServerControl.serve(before, server::stop);
  }
}
