package io.github.ticdcfake.bench.load;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The side-by-side run: the fake, WireMock (static stubs holding the fake's own answers) and a bare
 * Undertow handler (a body of the same size), each in its own JVM on its own classpath, measured in
 * the same run by the same raw-socket client, interleaved per repetition. See BENCHMARKS.md.
 *
 * <p>Options: {@code --reps 3 --seconds 2 --warmup 2 --cold 10 --soak 1000000 --soak-wiremock
 * 200000 --scenarios status,get,list-10,... --out FILE --target DIR}.
 */
public final class SideBySide {
  static final String FAKE = "fake";
  static final String WIREMOCK = "wiremock";
  static final String UNDERTOW = "undertow";
  static final List<String> SERVERS = List.of(FAKE, WIREMOCK, UNDERTOW);
  static final String[] MODES = {"1 conn", "4 conns", "new conn/req"};

  /** One request type and the cluster it runs against. */
  record Scenario(String name, int changefeeds, String method, String target, String body) {}

  static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario("status", 10, "GET", "/api/v2/status", null),
          new Scenario("get", 10, "GET", "/api/v2/changefeeds/cf-1", null),
          new Scenario("list-10", 10, "GET", "/api/v2/changefeeds", null),
          new Scenario("list-1000", 1000, "GET", "/api/v2/changefeeds", null),
          new Scenario("list-10000", 10_000, "GET", "/api/v2/changefeeds", null),
          new Scenario("pause", 10, "POST", "/api/v2/changefeeds/cf-1/pause", ""),
          new Scenario(
              "create", 10, "POST", "/api/v2/changefeeds", "{\"sink_uri\":\"blackhole://\"}"),
          // the same requests through /api/v1 (tiflow cdc/api/v1/api.go), next to their v2 twins
          new Scenario("v1-status", 10, "GET", "/api/v1/status", null),
          new Scenario("v1-get", 10, "GET", "/api/v1/changefeeds/cf-1", null),
          new Scenario("v1-list-10", 10, "GET", "/api/v1/changefeeds", null),
          new Scenario("v1-pause", 10, "POST", "/api/v1/changefeeds/cf-1/pause", ""));

  /** A captured answer of the fake. */
  record Answer(int status, String contentType, byte[] body) {}

  private final Path target;
  private final Path work;
  private final Map<String, String> classpaths = new LinkedHashMap<>();
  private final PrintStream log;
  private final Map<String, Answer> answers = new LinkedHashMap<>();

  SideBySide(Path target, PrintStream log) throws IOException {
    this.target = target;
    this.log = log;
    this.work = Files.createTempDirectory("ticdc-fake-bench");
    String classes = target.resolve("classes").toAbsolutePath().toString();
    for (String server : SERVERS) {
      String cp = Files.readString(target.resolve("cp-" + server + ".txt")).trim();
      classpaths.put(server, classes + File.pathSeparator + cp);
    }
  }

  // ---- server processes ------------------------------------------------------------------------

  /** A server JVM under the driver's control. */
  final class ServerProcess implements AutoCloseable {
    final Process process;
    final int port;
    final BufferedReader out;
    final PrintWriter in;
    int threadsBefore;
    int threadsAfter;

    ServerProcess(String server, int port, List<String> extraArgs) throws IOException {
      this.port = port;
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx512m");
      cmd.add("-cp");
      cmd.add(classpaths.get(server));
      cmd.add(mainClass(server));
      cmd.add("--port");
      cmd.add(Integer.toString(port));
      cmd.addAll(extraArgs);
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.redirectError(work.resolve(server + "-stderr.log").toFile());
      process = pb.start();
      out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    void awaitReady() throws IOException {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("READY ")) {
          String[] f = line.split(" ");
          threadsBefore = Integer.parseInt(f[1]);
          threadsAfter = Integer.parseInt(f[2]);
          return;
        }
      }
      throw new IOException("server exited before READY; see " + work);
    }

    /** {heap bytes retained, live threads}. */
    long[] stats() throws IOException {
      in.println("stats");
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("STATS ")) {
          String[] f = line.split(" ");
          return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
        }
      }
      throw new IOException("server exited before STATS");
    }

    @Override
    public void close() throws InterruptedException {
      in.println("quit");
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  static String mainClass(String server) {
    return switch (server) {
      case FAKE -> "io.github.ticdcfake.bench.servers.FakeServerMain";
      case WIREMOCK -> "io.github.ticdcfake.bench.servers.WireMockServerMain";
      case UNDERTOW -> "io.github.ticdcfake.bench.servers.UndertowServerMain";
      default -> throw new IllegalArgumentException(server);
    };
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  /** Starts a server configured to answer the given scenarios like the fake does. */
  ServerProcess start(String server, List<Scenario> scenarios, int changefeeds) throws IOException {
    int port = freePort();
    List<String> args = new ArrayList<>();
    switch (server) {
      case FAKE -> args.addAll(List.of("--changefeeds", Integer.toString(changefeeds)));
      case WIREMOCK -> args.addAll(List.of("--stubs", writeStubs(scenarios).toString()));
      case UNDERTOW ->
          args.addAll(
              List.of(
                  "--body-size",
                  Integer.toString(answers.get(scenarios.get(0).name()).body().length)));
      default -> throw new IllegalArgumentException(server);
    }
    return new ServerProcess(server, port, args);
  }

  Path writeStubs(List<Scenario> scenarios) throws IOException {
    StringBuilder tsv = new StringBuilder();
    for (Scenario s : scenarios) {
      Answer a = answers.get(s.name());
      String file = "body-" + s.name() + ".json";
      Files.write(work.resolve(file), a.body());
      tsv.append(s.method())
          .append('\t')
          .append(s.target())
          .append('\t')
          .append(a.status())
          .append('\t')
          .append(a.contentType())
          .append('\t')
          .append(file)
          .append('\n');
    }
    Path stubs = work.resolve("stubs-" + String.join("+", names(scenarios)) + ".tsv");
    Files.writeString(stubs, tsv);
    return stubs;
  }

  static List<String> names(List<Scenario> scenarios) {
    return scenarios.stream().map(Scenario::name).toList();
  }

  static byte[] request(Scenario s, int port) {
    return RawHttp.request(
        s.method(),
        s.target(),
        port,
        s.body() == null ? null : s.body().getBytes(StandardCharsets.UTF_8));
  }

  /** Asks a fresh fake for each scenario's answer: the bodies WireMock and Undertow will serve. */
  void captureAnswers(List<Scenario> scenarios) throws Exception {
    for (Scenario s : scenarios) {
      try (ServerProcess p = start(FAKE, List.of(s), s.changefeeds())) {
        p.awaitReady();
        try (RawHttp client = new RawHttp("127.0.0.1", p.port)) {
          int status = client.exchange(request(s, p.port), true);
          answers.put(s.name(), new Answer(status, client.lastContentType(), client.lastBody()));
          log.printf(
              Locale.ROOT,
              "captured %-10s %d %s, %d bytes%n",
              s.name(),
              status,
              client.lastContentType(),
              client.lastBody().length);
        }
      }
    }
  }

  // ---- phases ----------------------------------------------------------------------------------

  /** Process start → first 200 from /api/v2/status, then retained heap and threads. */
  Map<String, List<long[]>> coldStarts(int reps) throws Exception {
    Scenario status = SCENARIOS.get(0);
    Map<String, List<long[]>> out = new LinkedHashMap<>();
    for (int rep = 0; rep < reps; rep++) {
      for (String server : rotate(SERVERS, rep)) {
        long t0 = System.nanoTime();
        try (ServerProcess p = start(server, List.of(status), 0)) {
          byte[] req = request(status, p.port);
          long deadline = t0 + TimeUnit.SECONDS.toNanos(30);
          long firstOk = -1;
          while (System.nanoTime() < deadline) {
            try (RawHttp c = new RawHttp("127.0.0.1", p.port)) {
              if (c.exchange(req, false) == 200) {
                firstOk = System.nanoTime();
                break;
              }
            } catch (IOException notYet) {
              // not listening yet
            }
            LockSupport.parkNanos(500_000);
          }
          p.awaitReady();
          long[] stats = p.stats();
          long[] row = {
            firstOk < 0 ? -1 : (firstOk - t0) / 1_000_000, stats[0], stats[1], p.threadsBefore
          };
          out.computeIfAbsent(server, k -> new ArrayList<>()).add(row);
          log.printf(
              Locale.ROOT,
              "cold %-8s rep %d: first 200 after %d ms; heap after start %.1f MB; threads %d (%d"
                  + " before start)%n",
              server,
              rep,
              row[0],
              row[1] / 1048576.0,
              row[2],
              row[3]);
        }
      }
    }
    return out;
  }

  /** results[scenario][server][mode] = one Result per repetition. */
  Map<String, Map<String, Map<String, List<LoadRun.Result>>>> throughput(
      List<Scenario> scenarios, int reps, double seconds, double warmup) throws Exception {
    Map<String, Map<String, Map<String, List<LoadRun.Result>>>> out = new LinkedHashMap<>();
    for (int rep = 0; rep < reps; rep++) {
      for (Scenario s : scenarios) {
        for (String server : rotate(SERVERS, rep)) {
          try (ServerProcess p = start(server, List.of(s), s.changefeeds())) {
            p.awaitReady();
            List<byte[]> req = List.of(request(s, p.port));
            int expect = answers.get(s.name()).status();
            long cap = 5_000_000;
            LoadRun.run(p.port, req, expect, 4, false, warmup, cap);
            LoadRun.Result[] r = {
              LoadRun.run(p.port, req, expect, 1, false, seconds, cap),
              LoadRun.run(p.port, req, expect, 4, false, seconds, cap),
              LoadRun.run(p.port, req, expect, 1, true, seconds, cap)
            };
            for (int m = 0; m < MODES.length; m++) {
              out.computeIfAbsent(s.name(), k -> new LinkedHashMap<>())
                  .computeIfAbsent(server, k -> new LinkedHashMap<>())
                  .computeIfAbsent(MODES[m], k -> new ArrayList<>())
                  .add(r[m]);
              log.printf(
                  Locale.ROOT,
                  "rep %d %-10s %-8s %-12s %9.0f req/s  p50 %8.1f µs  p99 %9.1f µs  p99.9 %9.1f"
                      + " µs  max %9.1f µs  stalls>30ms %d  errors %d%n",
                  rep,
                  s.name(),
                  server,
                  MODES[m],
                  r[m].perSecond(),
                  r[m].p50(),
                  r[m].p99(),
                  r[m].p999(),
                  r[m].max(),
                  r[m].stallsOver30ms(),
                  r[m].errors());
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Retained heap after start, after 100 k and after N requests (4 keep-alive connections, GET
   * status / GET changefeed / list of 10 / pause round robin): whatever a server keeps per request
   * shows as growth between the checkpoints.
   */
  Map<String, long[]> soak(long total, long wiremockTotal) throws Exception {
    List<Scenario> mix =
        SCENARIOS.stream()
            .filter(s -> List.of("status", "get", "list-10", "pause").contains(s.name()))
            .toList();
    Map<String, long[]> out = new LinkedHashMap<>();
    for (String server : SERVERS) {
      long n = server.equals(WIREMOCK) ? wiremockTotal : total;
      try (ServerProcess p = start(server, mix, 10)) {
        p.awaitReady();
        List<byte[]> reqs = mix.stream().map(s -> request(s, p.port)).toList();
        long h0 = p.stats()[0];
        long first = Math.min(100_000, n);
        long t0 = System.nanoTime();
        LoadRun.Result a = LoadRun.run(p.port, reqs, 200, 4, false, 300, first);
        if (a.errors() > 0 || !p.process.isAlive()) {
          // WireMock's unbounded journal ran its heap out: report that rather than hang.
          p.process.destroyForcibly().waitFor();
          out.put(server, new long[] {h0, -1, -1, a.requests(), -1, a.errors()});
          log.printf(
              Locale.ROOT,
              "soak %-8s heap: start %.1f MB; stopped answering after %d requests (see %s)%n",
              server,
              h0 / 1048576.0,
              a.requests(),
              work.resolve(server + "-stderr.log"));
          continue;
        }
        long h1 = p.stats()[0];
        LoadRun.Result b = LoadRun.run(p.port, reqs, 200, 4, false, 600, n - first);
        long secs = (System.nanoTime() - t0) / 1_000_000_000L;
        long[] st = p.stats();
        long done = a.requests() + b.requests();
        out.put(server, new long[] {h0, h1, st[0], done, st[1], a.errors() + b.errors()});
        log.printf(
            Locale.ROOT,
            "soak %-8s heap: start %.1f MB, after %d k %.1f MB, after %d k %.1f MB (%d s, %d"
                + " errors)%n",
            server,
            h0 / 1048576.0,
            a.requests() / 1000,
            h1 / 1048576.0,
            done / 1000,
            st[0] / 1048576.0,
            secs,
            a.errors() + b.errors());
      }
    }
    return out;
  }

  static List<String> rotate(List<String> list, int by) {
    List<String> r = new ArrayList<>(list);
    java.util.Collections.rotate(r, -by);
    return r;
  }

  /** {jars, bytes} of a classpath file. */
  long[] classpathSize(String file) throws IOException {
    String cp = Files.readString(target.resolve(file)).trim();
    long jars = 0;
    long bytes = 0;
    for (String entry : cp.split(File.pathSeparator)) {
      if (entry.endsWith(".jar")) {
        jars++;
        bytes += Files.size(Path.of(entry));
      }
    }
    return new long[] {jars, bytes};
  }

  // ---- report ----------------------------------------------------------------------------------

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length == 0
        ? Double.NaN
        : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static double med(
      List<LoadRun.Result> rs, java.util.function.ToDoubleFunction<LoadRun.Result> f) {
    return median(rs.stream().mapToDouble(f).toArray());
  }

  static String loadavg() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  static String cpu() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  public static void main(String[] args) throws Exception {
    int reps = Integer.parseInt(arg(args, "--reps", "3"));
    double seconds = Double.parseDouble(arg(args, "--seconds", "2"));
    double warmup = Double.parseDouble(arg(args, "--warmup", "2"));
    int cold = Integer.parseInt(arg(args, "--cold", "10"));
    long soak = Long.parseLong(arg(args, "--soak", "1000000"));
    long soakWiremock = Long.parseLong(arg(args, "--soak-wiremock", "200000"));
    Path target = Path.of(arg(args, "--target", "benchmarks/target"));
    Path outFile = Path.of(arg(args, "--out", "benchmarks/results/side-by-side.md"));
    List<String> wanted =
        Arrays.asList(arg(args, "--scenarios", String.join(",", names(SCENARIOS))).split(","));
    List<Scenario> scenarios = SCENARIOS.stream().filter(s -> wanted.contains(s.name())).toList();
    Files.createDirectories(outFile.toAbsolutePath().getParent());

    SideBySide run = new SideBySide(target, System.out);
    String started = Instant.now().toString();
    String loadBefore = loadavg();
    run.captureAnswers(
        SCENARIOS.stream()
            .filter(
                s ->
                    s.name().equals("status")
                        || scenarios.contains(s)
                        || List.of("get", "list-10", "pause").contains(s.name()))
            .toList());
    Map<String, List<long[]>> colds = cold > 0 ? run.coldStarts(cold) : Map.of();
    String fromLog = arg(args, "--from-log", "");
    var results =
        fromLog.isEmpty()
            ? run.throughput(scenarios, reps, seconds, warmup)
            : fromLog(Path.of(fromLog));
    Map<String, long[]> soaks = soak > 0 ? run.soak(soak, soakWiremock) : Map.of();
    String loadAfter = loadavg();

    StringBuilder md = new StringBuilder();
    md.append("# Side-by-side run ").append(started).append("\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Machine: %d cpus (%s), JDK %s, %s; load average before %s, after %s.%n"
                + "Settings: %d reps x %.1f s per mode after %.1f s warm-up (4 conns); cold starts:"
                + " %d per server; soak %d requests (WireMock %d). Server JVMs: -Xmx512m, default"
                + " GC.%n%n",
            Runtime.getRuntime().availableProcessors(),
            cpu(),
            Runtime.version(),
            System.getProperty("os.name") + " " + System.getProperty("os.version"),
            loadBefore,
            loadAfter,
            reps,
            seconds,
            warmup,
            cold,
            soak,
            soakWiremock));

    md.append("## Throughput and latency (medians over reps)\n\n");
    md.append(
        "| request | mode | fake req/s | WireMock req/s | Undertow req/s | fake/WireMock |"
            + " fake/Undertow | fake p50 / p99 µs | WireMock p50 / p99 µs | Undertow p50 / p99 µs"
            + " | fake stalls>30ms |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    Map<String, List<Double>> wmRatios = new LinkedHashMap<>();
    Map<String, List<Double>> utRatios = new LinkedHashMap<>();
    for (Scenario s : scenarios) {
      var byServer = results.get(s.name());
      for (String mode : MODES) {
        double f = med(byServer.get(FAKE).get(mode), LoadRun.Result::perSecond);
        double w = med(byServer.get(WIREMOCK).get(mode), LoadRun.Result::perSecond);
        double u = med(byServer.get(UNDERTOW).get(mode), LoadRun.Result::perSecond);
        wmRatios.computeIfAbsent(mode, k -> new ArrayList<>()).add(f / w);
        utRatios.computeIfAbsent(mode, k -> new ArrayList<>()).add(f / u);
        long stalls =
            byServer.get(FAKE).get(mode).stream().mapToLong(LoadRun.Result::stallsOver30ms).sum();
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %.0f | %.0f | %.0f | %.2f× | %.2f× | %s | %s | %s | %d |%n",
                s.name(),
                mode,
                f,
                w,
                u,
                f / w,
                f / u,
                lat(byServer.get(FAKE).get(mode)),
                lat(byServer.get(WIREMOCK).get(mode)),
                lat(byServer.get(UNDERTOW).get(mode)),
                stalls));
      }
    }
    md.append("\nGeometric mean of fake/WireMock over the requests: ");
    List<Double> allWm = new ArrayList<>();
    for (String mode : MODES) {
      md.append(String.format(Locale.ROOT, "%s %.2f×; ", mode, geomean(wmRatios.get(mode))));
      allWm.addAll(wmRatios.get(mode));
    }
    md.append(String.format(Locale.ROOT, "all modes %.2f×.%n", geomean(allWm)));
    md.append("Geometric mean of fake/Undertow: ");
    for (String mode : MODES) {
      md.append(String.format(Locale.ROOT, "%s %.2f×; ", mode, geomean(utRatios.get(mode))));
    }
    md.append("\n\n");

    if (!colds.isEmpty()) {
      md.append("## Cold start and footprint (medians)\n\n");
      md.append(
          "| server | process start → first 200 (ms) | heap after start (MB) | threads after start"
              + " | threads added by the server | runtime classpath |\n");
      md.append("|---|---|---|---|---|---|\n");
      for (String server : SERVERS) {
        List<long[]> rows = colds.get(server);
        long[] cp = run.classpathSize("cp-" + server + ".txt");
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %.0f (min %d, max %d) | %.1f | %.0f | %.0f | %d jars, %.1f MB |%n",
                server,
                median(rows.stream().mapToDouble(r -> r[0]).toArray()),
                rows.stream().mapToLong(r -> r[0]).min().orElse(-1),
                rows.stream().mapToLong(r -> r[0]).max().orElse(-1),
                median(rows.stream().mapToDouble(r -> r[1] / 1048576.0).toArray()),
                median(rows.stream().mapToDouble(r -> r[2]).toArray()),
                median(rows.stream().mapToDouble(r -> r[2] - r[3]).toArray()),
                cp[0],
                cp[1] / 1048576.0));
      }
      double f = median(colds.get(FAKE).stream().mapToDouble(r -> r[0]).toArray());
      double u = median(colds.get(UNDERTOW).stream().mapToDouble(r -> r[0]).toArray());
      double w = median(colds.get(WIREMOCK).stream().mapToDouble(r -> r[0]).toArray());
      md.append(
          String.format(
              Locale.ROOT,
              "%nCold start ratio fake/Undertow %.2f×, fake/WireMock %.2f×.%n%n",
              f / u,
              f / w));
    }
    if (!soaks.isEmpty()) {
      md.append("## Retained heap under load (after full GC)\n\n");
      md.append(
          "| server | after start (MB) | after 100 k requests (MB) | after all requests (MB) |"
              + " requests | threads | errors |\n");
      md.append("|---|---|---|---|---|---|---|\n");
      for (var e : soaks.entrySet()) {
        long[] v = e.getValue();
        if (v[2] < 0) {
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %.1f | — | stopped answering (OutOfMemoryError) | %d | — | %d |%n",
                  e.getKey(),
                  v[0] / 1048576.0,
                  v[3],
                  v[5]));
          continue;
        }
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %.1f | %.1f | %.1f | %d | %d | %d |%n",
                e.getKey(),
                v[0] / 1048576.0,
                v[1] / 1048576.0,
                v[2] / 1048576.0,
                v[3],
                v[4],
                v[5]));
      }
      md.append("\n");
    }
    Files.writeString(outFile, md.toString() + "\n## Raw log\n\nSee the console log of the run.\n");
    System.out.println();
    System.out.println(md);
  }

  /** Rebuilds the throughput results from the "rep …" lines of an earlier run's log. */
  static Map<String, Map<String, Map<String, List<LoadRun.Result>>>> fromLog(Path log)
      throws IOException {
    java.util.regex.Pattern line =
        java.util.regex.Pattern.compile(
            "^rep (\\d+) (\\S+) +(\\S+) +(1 conn|4 conns|new conn/req) +(\\d+) req/s  p50 +([\\d.]+)"
                + " µs  p99 +([\\d.]+) µs  p99.9 +([\\d.]+) µs  max +([\\d.]+) µs  stalls>30ms"
                + " (\\d+)  errors (\\d+)");
    Map<String, Map<String, Map<String, List<LoadRun.Result>>>> out = new LinkedHashMap<>();
    for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      java.util.regex.Matcher m = line.matcher(l);
      if (!m.find()) {
        continue;
      }
      LoadRun.Result r =
          new LoadRun.Result(
              0,
              0,
              Double.parseDouble(m.group(5)),
              Double.parseDouble(m.group(6)),
              Double.parseDouble(m.group(7)),
              Double.parseDouble(m.group(8)),
              Double.parseDouble(m.group(9)),
              Long.parseLong(m.group(10)),
              Long.parseLong(m.group(11)));
      out.computeIfAbsent(m.group(2), k -> new LinkedHashMap<>())
          .computeIfAbsent(m.group(3), k -> new LinkedHashMap<>())
          .computeIfAbsent(m.group(4), k -> new ArrayList<>())
          .add(r);
    }
    return out;
  }

  static String lat(List<LoadRun.Result> rs) {
    return String.format(
        Locale.ROOT, "%.0f / %.0f", med(rs, LoadRun.Result::p50), med(rs, LoadRun.Result::p99));
  }

  static double geomean(List<Double> v) {
    return Math.exp(v.stream().mapToDouble(Math::log).average().orElse(Double.NaN));
  }

  static String arg(String[] args, String name, String dflt) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return dflt;
  }
}
