package io.github.ticdcfake.bench.jmh;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.bench.load.RawHttp;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The transport floor under {@link ListBench}: a bare Undertow handler sending the very bytes the
 * fake's list of N changefeeds answers, through the same client.
 *
 * <p>What {@code ListBench} measures beyond this is the fake's own work (the domain walk and the
 * JSON); what this measures is what any server pays to move that body over loopback, and how it
 * grows with the body's size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class ListFloorBench {
  @Param({"10", "1000", "10000"})
  int changefeeds;

  Undertow server;
  RawHttp client;
  byte[] request;

  @Setup(Level.Trial)
  public void start() throws IOException {
    byte[] body;
    try (FakeTiCdcServer fake = Fixtures.fakeWith(1, changefeeds);
        InputStream in = fake.url().resolve("/api/v2/changefeeds").toURL().openStream()) {
      body = in.readAllBytes();
    }
    server =
        Undertow.builder()
            .addHttpListener(0, "127.0.0.1")
            .setHandler(
                exchange -> {
                  exchange
                      .getResponseHeaders()
                      .put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
                  exchange.getResponseSender().send(ByteBuffer.wrap(body));
                })
            .build();
    server.start();
    int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    client = new RawHttp("127.0.0.1", port);
    request = RawHttp.request("GET", "/api/v2/changefeeds", port, null);
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    client.close();
    server.stop();
  }

  @Benchmark
  public int sendListBytes() throws IOException {
    return Fixtures.ok(client, request);
  }
}
