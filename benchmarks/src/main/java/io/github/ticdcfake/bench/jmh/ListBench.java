package io.github.ticdcfake.bench.jmh;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.bench.load.RawHttp;
import java.io.IOException;
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

/** {@code GET /api/v2/changefeeds} over HTTP with 10, 1 000 and 10 000 changefeeds: linear? */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class ListBench {
  @Param({"10", "1000", "10000"})
  int changefeeds;

  FakeTiCdcServer server;
  RawHttp client;
  byte[] list;

  @Setup(Level.Trial)
  public void start() throws IOException {
    server = Fixtures.fakeWith(1, changefeeds);
    client = new RawHttp("127.0.0.1", server.url().getPort());
    list = Fixtures.get(server, "/api/v2/changefeeds");
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    client.close();
    server.close();
  }

  @Benchmark
  public int listChangefeeds() throws IOException {
    return Fixtures.ok(client, list);
  }
}
