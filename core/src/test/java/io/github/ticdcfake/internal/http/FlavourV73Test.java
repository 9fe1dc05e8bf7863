package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ticdcfake.FakeServerFixture;
import io.github.ticdcfake.Golden;
import io.github.ticdcfake.TestHttp;
import io.github.ticdcfake.TestHttp.Reply;
import io.github.ticdcfake.cluster.CdcException;
import io.github.ticdcfake.cluster.ChangefeedState;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.TiCdcVersion;
import io.github.ticdcfake.cluster.Tso;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The v7.3 flavour: each difference of pingcap/tiflow cdc/api/v2@v7.3.0 against tiflow HEAD. */
class FlavourV73Test {
  static final Instant START = Instant.parse("2024-05-20T02:00:00Z");
  static final long START_TSO = Tso.of(START);

  @RegisterExtension
  static final FakeServerFixture fake =
      FakeServerFixture.builder().version(TiCdcVersion.V7_3).captures(2).manualClock(START).build();

  private final FakeCluster cluster = fake.cluster();
  private final TestHttp owner = fake.http(fake.captures().get(0).id());
  private final TestHttp follower = fake.http(fake.captures().get(1).id());

  private Reply create(String id, String sinkUri) {
    return owner.post(
        "/api/v2/changefeeds",
        "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"" + sinkUri + "\"}");
  }

  @Test
  void reportsVersion730() {
    assertThat(owner.get("/api/v2/status").json().get("version").asText()).isEqualTo("v7.3.0");
    assertThat(create("cf", "blackhole://").json().get("creator_version").asText())
        .isEqualTo("v7.3.0");
  }

  @Test
  void createShowsTheV73DefaultConfig() {
    Golden.assertMatches(
        "v73-config-default.json", Golden.member(create("cf", "blackhole://").body(), "config"));
  }

  @Test
  void getPrunesBlackholeLikeAnyGenericSink() {
    create("cf", "blackhole://");

    Golden.assertMatches(
        "v73-config-get-blackhole.json",
        Golden.member(owner.get("/api/v2/changefeeds/cf").body(), "config"));
  }

  @Test
  void thereIsNoSyncedRoute() {
    create("cf", "blackhole://");

    Reply reply = owner.get("/api/v2/changefeeds/cf/synced");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body()).isEqualTo("404 page not found");
  }

  @Test
  void startTsInTheFutureIsAccepted() {
    long future = Tso.of(START.plusSeconds(3600));

    Reply reply =
        owner.post(
            "/api/v2/changefeeds",
            "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + future + "}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("start_ts").asLong()).isEqualTo(future);
  }

  @Test
  void resumeChecksNeitherAFutureOverwriteNorTheKeptCheckpoint() {
    create("cf", "blackhole://");
    owner.post("/api/v2/changefeeds/cf/pause", null);
    cluster.setGcSafepoint(START_TSO + 10);

    assertThat(owner.post("/api/v2/changefeeds/cf/resume", "{}").status()).isEqualTo(200);
    owner.post("/api/v2/changefeeds/cf/pause", null);
    long future = Tso.of(START.plusSeconds(3600));
    assertThat(
            owner
                .post(
                    "/api/v2/changefeeds/cf/resume", "{\"overwrite_checkpoint_ts\":" + future + "}")
                .status())
        .isEqualTo(200);
  }

  @Test
  void getShowsTheErrorInEveryStateButNormal() {
    create("cf", "blackhole://");
    cluster.forceState(
        "default", "cf", ChangefeedState.STOPPED, CdcException.of("CDC:ErrSinkURIInvalid", "x"));

    JsonNode info = owner.get("/api/v2/changefeeds/cf").json();
    JsonNode item = owner.get("/api/v2/changefeeds").json().at("/items/0");

    assertThat(info.at("/error/code").asText()).isEqualTo("CDC:ErrSinkURIInvalid");
    assertThat(item.at("/error/code").asText()).isEqualTo("CDC:ErrSinkURIInvalid");
  }

  @Test
  void listErrorDoesNotFallBackToTheWarning() {
    create("cf", "blackhole://");
    cluster.forceState(
        "default", "cf", ChangefeedState.WARNING, CdcException.of("CDC:ErrSinkWarn", "w"));

    assertThat(owner.get("/api/v2/changefeeds").json().at("/items/0/error").isNull()).isTrue();
  }

  @Test
  void resolveLockHasNoZeroArgumentCheck() {
    assertThat(owner.post("/api/v2/unsafe/resolve_lock", "{}").status()).isEqualTo(200);
  }

  @Test
  void resignOnANonOwnerIsASilentNoOp() {
    String ownerId = cluster.owner().orElseThrow().id();

    Reply reply = follower.post("/api/v2/owner/resign", null);

    assertThat(reply.body()).isEqualTo("{}");
    assertThat(cluster.owner().orElseThrow().id()).isEqualTo(ownerId);
  }

  @Test
  void sinkProtocolTogglesEnableOldValue() {
    JsonNode canal = create("a", "kafka://h:9092/t?protocol=canal-json").json().get("config");
    JsonNode avro = create("b", "kafka://h:9092/t?protocol=avro").json().get("config");

    assertThat(canal.get("enable_old_value").asBoolean()).isTrue();
    assertThat(avro.get("enable_old_value").asBoolean()).isFalse();
    assertThat(canal.get("case_sensitive").asBoolean()).isTrue();
    assertThat(canal.at("/sink/encoder_concurrency").asInt()).isEqualTo(16);
  }

  @Test
  void v74FieldsAreUnknownAndIgnored() {
    Reply reply =
        owner.post(
            "/api/v2/changefeeds",
            "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"synced_status\":{\"synced_check_interval\":1}}}");

    assertThat(reply.json().get("config").has("synced_status")).isFalse();
  }
}
