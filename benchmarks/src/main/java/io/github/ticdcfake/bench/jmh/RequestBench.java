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

/**
 * In-process request latency over one keep-alive connection (raw socket, TCP_NODELAY), with 10 or
 * 10 000 changefeeds in the cluster: what one request costs a test, and whether it grows with the
 * cluster when it should not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class RequestBench {
  @Param({"10", "10000"})
  int changefeeds;

  FakeTiCdcServer server;
  RawHttp client;
  byte[] status;
  byte[] get;
  byte[] pause;
  byte[] create;
  byte[] v1Status;
  byte[] v1Get;

  @Setup(Level.Trial)
  public void start() throws IOException {
    server = Fixtures.fakeWith(1, changefeeds);
    client = new RawHttp("127.0.0.1", server.url().getPort());
    status = Fixtures.get(server, "/api/v2/status");
    get = Fixtures.get(server, "/api/v2/changefeeds/cf-1");
    pause = Fixtures.post(server, "/api/v2/changefeeds/cf-1/pause", "");
    create = Fixtures.post(server, "/api/v2/changefeeds", "{\"sink_uri\":\"blackhole://\"}");
    v1Status = Fixtures.get(server, "/api/v1/status");
    v1Get = Fixtures.get(server, "/api/v1/changefeeds/cf-1");
  }

  /** Drops the changefeeds {@link #create} added, so the cluster size stays what the param says. */
  @Setup(Level.Iteration)
  public void reset() {
    server.reset();
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    client.close();
    server.close();
  }

  @Benchmark
  public int status() throws IOException {
    return Fixtures.ok(client, status);
  }

  @Benchmark
  public int getChangefeed() throws IOException {
    return Fixtures.ok(client, get);
  }

  @Benchmark
  public int pauseChangefeed() throws IOException {
    return Fixtures.ok(client, pause);
  }

  @Benchmark
  public int createChangefeed() throws IOException {
    return Fixtures.ok(client, create);
  }

  /** {@code /api/v1}'s twin of {@link #status}: the same handler behind the v1 route table. */
  @Benchmark
  public int v1Status() throws IOException {
    return Fixtures.ok(client, v1Status);
  }

  /** {@code /api/v1}'s twin of {@link #getChangefeed}: the indented {@code ChangefeedDetail}. */
  @Benchmark
  public int v1GetChangefeed() throws IOException {
    return Fixtures.ok(client, v1Get);
  }
}
