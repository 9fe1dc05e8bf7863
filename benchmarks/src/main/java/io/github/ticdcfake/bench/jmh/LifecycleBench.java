package io.github.ticdcfake.bench.jmh;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.bench.load.RawHttp;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A fresh cluster per test: warm start, the first request ({@code GET /api/v2/status} on a new
 * connection) and stop, for 1 and 3 captures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class LifecycleBench {
  @Param({"1", "3"})
  int captures;

  @Benchmark
  public int startRequestStop() throws IOException {
    try (FakeTiCdcServer server = FakeTiCdcServer.builder().captures(captures).start();
        RawHttp client = new RawHttp("127.0.0.1", server.url().getPort())) {
      return Fixtures.ok(client, Fixtures.get(server, "/api/v2/status"));
    }
  }
}
