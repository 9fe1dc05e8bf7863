package io.github.ticdcfake.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.ticdcfake.FakeTiCdcServer;
import io.github.ticdcfake.fault.Fault;
import io.github.ticdcfake.fault.FaultRule;
import io.github.ticdcfake.fault.Operation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The failure report covers {@code /api/v1} requests and fault rules like v2 ones. */
class FailureReportV1Test {
  @Test
  void reportListsV1FaultRulesAndV1Requests() {
    EngineExecutionResults results = EngineKit.run(FailingV1Case.class);

    String report = EngineKit.onlyFailure(results).getSuppressed()[0].getMessage();
    assertThat(report)
        .contains("fault rules: 1")
        .contains("V1_PAUSE_CHANGEFEED")
        .contains("POST /api/v1/changefeeds -> 202")
        .contains("POST /api/v1/changefeeds/cf-1/pause -> 503")
        .contains("fault: ");
  }

  @EngineKit.Fixture
  static class FailingV1Case {
    @RegisterExtension static final TiCdcExtension ticdc = TiCdcExtension.builder().build();

    @Test
    void pausesThroughV1(FakeTiCdcServer server) throws Exception {
      server
          .cluster()
          .faults()
          .add(
              FaultRule.on(Operation.V1_PAUSE_CHANGEFEED)
                  .inject(Fault.status(503, "scheduler busy")));
      HttpClient client = HttpClient.newHttpClient();
      URI base = server.url();
      client.send(
          HttpRequest.newBuilder(base.resolve("/api/v1/changefeeds"))
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}"))
              .build(),
          HttpResponse.BodyHandlers.discarding());
      client.send(
          HttpRequest.newBuilder(base.resolve("/api/v1/changefeeds/cf-1/pause"))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.discarding());
      fail("the client gave up pausing");
    }
  }
}
