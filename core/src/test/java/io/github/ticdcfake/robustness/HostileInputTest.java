package io.github.ticdcfake.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.cluster.Changefeed;
import io.github.ticdcfake.cluster.ChangefeedSpec;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.fault.Operation;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of every route with hostile input (issue 8): random and mutated JSON,
 * wrong types, huge and negative numbers, deep nesting, invalid UTF-8, long ids, path tricks,
 * unknown methods, duplicate headers. Every answer must be a documented status with a well-formed
 * envelope (or TiCDC's text/plain 404), never the fake's own failure, never a hang; the cluster
 * stays valid.
 *
 * <p>jqwik was chosen over Jazzer: it runs on the JUnit Platform we already use, resolves from
 * Maven Central with no native agent, and its generators and shrinking make failures readable.
 * Tries: 300 in CI; {@code -Djqwik.tries.default=5000} for a longer local run.
 */
class HostileInputTest {
  private static final Set<Integer> DOCUMENTED =
      Set.of(200, 202, 301, 307, 400, 404, 413, 500, 503);
  private static final List<String> KEYS =
      List.of(
          "changefeed_id",
          "sink_uri",
          "start_ts",
          "target_ts",
          "namespace",
          "replica_config",
          "overwrite_checkpoint_ts",
          "log_level",
          "region_id",
          "ts",
          "id",
          "pd_addrs",
          "memory_quota",
          "filter",
          "rules",
          "sink",
          "protocol",
          "dispatchers",
          "csv",
          "consistent",
          "integrity",
          "sync_point_interval",
          "enable_sync_point",
          "synced_status",
          "scheduler",
          "Changefeed_ID");
  private static final List<String> SINKS =
      List.of(
          "blackhole://",
          "kafka://127.0.0.1:9092/t?protocol=canal-json",
          "mysql://root@127.0.0.1:3306/",
          "file:///tmp/x?protocol=csv",
          "mysql://[::1",
          "foo://bar",
          "",
          "%zz://",
          "kafka://::1:9092/t");

  private static FakeTiCdcServer server;

  @BeforeContainer
  static void start() {
    server = FakeTiCdcServer.builder().captures(2).maxRequestBodyBytes(1 << 20).start();
    server
        .cluster()
        .createChangefeed(
            ChangefeedSpec.builder().changefeedId("cf-1").sinkUri("blackhole://").build());
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  record Request(String method, String path, byte[] body, boolean duplicateHeader) {
    @Override
    public String toString() {
      return method + " " + path + " " + new String(body, StandardCharsets.UTF_8);
    }
  }

  @Property
  void everyAnswerIsDocumentedAndTheClusterStaysValid(@ForAll("requests") Request request)
      throws Exception {
    RawHttp.Answer answer = send(request);

    int status = answer.status();
    String body = answer.text();
    String contentType = answer.header("Content-Type") == null ? "" : answer.header("Content-Type");
    assertThat(status).as(request.toString()).isIn(DOCUMENTED);
    assertThat(answer.header("X-Fake-Internal-Error"))
        .as("the fake itself failed on " + request)
        .isNull();
    if (status == 400 && body.isEmpty()) {
      // Undertow refuses a request target with a bad %-escape before any handler runs (Go does
      // too for the path, with a text body; for the query Go would answer normally).
      assertThat(request.path()).matches(".*%(?![0-9A-Fa-f]{2}).*");
    } else if (status == 404 && !request.path().startsWith("/__fake")) {
      assertThat(body).isEqualTo("404 page not found");
    } else if (status >= 400 && !(status == 500 && body.isEmpty())) {
      JsonNode envelope = TestHttp.MAPPER.readTree(body);
      String code = envelope.get("error_code").asText();
      assertThat(envelope.get("error_msg").asText()).startsWith("[" + code + "]");
    } else if (contentType.startsWith("application/json")) {
      TestHttp.MAPPER.readTree(body);
    }
    if (status == 500 && body.isEmpty()) {
      // Only TiCDC's own panics answer an empty 500: a null create body or replica_config.
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).startsWith("/api/v2/").doesNotContain("/pause");
    }
    assertClusterIsValid(server.cluster());
  }

  private static RawHttp.Answer send(Request request) throws IOException {
    URI url = server.url();
    String[] headers =
        request.duplicateHeader()
            ? new String[] {
              "TiCDC-ForwardTimes", "1", "TiCDC-ForwardTimes", "x", "Content-Type", "text/plain"
            }
            : new String[] {"Content-Type", "application/json"};
    return RawHttp.send(
        url.getHost(), url.getPort(), request.method(), request.path(), request.body(), headers);
  }

  static void assertClusterIsValid(FakeCluster cluster) {
    assertThat(cluster.owner()).isPresent();
    for (Changefeed cf : cluster.changefeeds()) {
      assertThat(cf.id()).matches("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$");
      assertThat(cf.namespace()).matches("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$");
      assertThat(Long.compareUnsigned(cf.checkpointTs(), cf.resolvedTs())).isLessThanOrEqualTo(0);
    }
  }

  // ---- generators -----------------------------------------------------------------------------

  @Provide
  Arbitrary<Request> requests() {
    Arbitrary<String> methods =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.of("GET", "POST", "PUT", "DELETE")),
            net.jqwik.api.Tuple.of(1, Arbitraries.of("PATCH", "OPTIONS", "TRACE", "FOO")));
    return Combinators.combine(methods, paths(), bodies(), Arbitraries.of(true, false))
        .as(Request::new);
  }

  private Arbitrary<String> paths() {
    Arbitrary<String> ids =
        Arbitraries.oneOf(
            Arbitraries.of(
                "cf-1",
                "cf-2",
                "..",
                "%2F",
                "a%2Fb",
                "%E2%98%83",
                "cf_1",
                "-a",
                "a--b",
                "",
                "a".repeat(300),
                "%00",
                "%ZZ",
                "cf-1%3Fx"),
            Arbitraries.strings().alpha().numeric().withChars('-').ofMaxLength(20));
    Arbitrary<String> templated =
        Combinators.combine(Arbitraries.of(Operation.values()), ids, ids)
            .as(
                (op, a, b) ->
                    op.pathTemplate()
                        .replace("{changefeed_id}", a)
                        .replace("{capture_id}", b.equals("cf-1") ? captureId() : b));
    Arbitrary<String> queries =
        Arbitraries.of(
            "",
            "?namespace=default",
            "?namespace=",
            "?state=all",
            "?state=%ZZ",
            "?namespace=x&namespace=y",
            "?keyspace=k");
    Arbitrary<String> junk =
        Arbitraries.of(
            "/",
            "/api",
            "/api/v2",
            "/api/v2/",
            "//api/v2/status",
            "/api/v2/../v2/status",
            "/api/v1/changefeeds",
            "/api/v2/changefeeds/",
            "/api/v2/changefeeds/cf-1/",
            "/__fake/nothing",
            "/status/");
    return Arbitraries.oneOf(Combinators.combine(templated, queries).as((p, q) -> p + q), junk);
  }

  private static String captureId() {
    return server.cluster().captures().get(1).id();
  }

  private Arbitrary<byte[]> bodies() {
    Arbitrary<byte[]> json = jsonValues(3).map(v -> render(v).getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> mutated =
        Combinators.combine(json, Arbitraries.integers().between(0, 64), Arbitraries.bytes())
            .as(
                (bytes, at, b) -> {
                  if (bytes.length == 0) {
                    return bytes;
                  }
                  byte[] copy = bytes.clone();
                  copy[at % copy.length] = b;
                  return copy;
                });
    Arbitrary<byte[]> special =
        Arbitraries.of(
            new byte[0],
            "null".getBytes(StandardCharsets.UTF_8),
            "{}".getBytes(StandardCharsets.UTF_8),
            "[]".getBytes(StandardCharsets.UTF_8),
            "{\"sink_uri\":\"blackhole://\",\"replica_config\":null}"
                .getBytes(StandardCharsets.UTF_8),
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
            ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8),
            ("{\"a\":".repeat(2000) + "1" + "}".repeat(2000)).getBytes(StandardCharsets.UTF_8),
            ("{\"changefeed_id\":\"big\",\"sink_uri\":\"blackhole://\",\"x\":\""
                    + "a".repeat(2 << 20)
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, json),
        net.jqwik.api.Tuple.of(2, mutated),
        net.jqwik.api.Tuple.of(1, special));
  }

  private Arbitrary<Object> jsonValues(int depth) {
    Arbitrary<Object> scalars =
        Arbitraries.oneOf(
            Arbitraries.of(SINKS).map(Object.class::cast),
            Arbitraries.strings().ofMaxLength(12).map(Object.class::cast),
            Arbitraries.longs().map(Object.class::cast),
            Arbitraries.of(
                    new BigInteger("18446744073709551616"),
                    new BigInteger("-1"),
                    new BigInteger("449883773337600000"),
                    new java.math.BigDecimal("1.5"),
                    new java.math.BigDecimal("1e400"))
                .map(Object.class::cast),
            Arbitraries.of(true, false).map(Object.class::cast),
            Arbitraries.just(null));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<Object> objects =
        Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.lazy(() -> jsonValues(depth - 1)))
            .ofMaxSize(5)
            .map(m -> (Object) new LinkedHashMap<>(m));
    Arbitrary<Object> arrays =
        Arbitraries.lazy(() -> jsonValues(depth - 1))
            .list()
            .ofMaxSize(3)
            .map(l -> (Object) new ArrayList<>(l));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, scalars),
        net.jqwik.api.Tuple.of(5, objects),
        net.jqwik.api.Tuple.of(1, arrays));
  }

  private static String render(Object value) {
    try {
      return TestHttp.MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
