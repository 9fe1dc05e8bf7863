package io.github.ticdcfake.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Request bodies decode with Go's encoding/json rules (pingcap/tiflow
 * cdc/api/middleware/middleware.go; pingcap/tiflow cdc/api/v2/api_helpers.go
 * verifyCreateChangefeedConfig; pingcap/tiflow cdc/api/v2/model.go).
 */
class GoDecodingTest {
  @Test
  void partialNestedObjectsMergeIntoTheDefaults() {
    ChangefeedSpec spec =
        ChangefeedSpec.decodeCreate(
            Map.of(
                "sink_uri",
                "blackhole://",
                "replica_config",
                Map.of("sink", Map.of("terminator", "\n"))));

    Map<String, Object> sink = spec.replicaConfigValue();
    assertThat(new ReplicaConfig(ConfigShape.of(TiCdcVersion.latest()), sink).toMap().get("sink"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("terminator", "\n")
        .containsEntry("encoder_concurrency", 32L);
  }

  @Test
  void arraysAreReplacedNotMerged() {
    ChangefeedSpec spec =
        ChangefeedSpec.decodeCreate(
            Map.of("replica_config", Map.of("filter", Map.of("rules", List.of("a.b")))));

    assertThat(
            new ReplicaConfig(ConfigShape.of(TiCdcVersion.latest()), spec.replicaConfigValue())
                .filterRules())
        .containsExactly("a.b");
  }

  @Test
  void nullClearsPointersButLeavesScalarsAlone() {
    java.util.HashMap<String, Object> config = new java.util.HashMap<>();
    config.put("consistent", null);
    config.put("memory_quota", null);
    ChangefeedSpec spec = ChangefeedSpec.decodeCreate(Map.of("replica_config", config));

    Map<String, Object> rendered =
        new ReplicaConfig(ConfigShape.of(TiCdcVersion.latest()), spec.replicaConfigValue()).toMap();
    assertThat(rendered).doesNotContainKey("consistent").containsEntry("memory_quota", 1073741824L);
  }

  @Test
  void durationsAcceptNanosecondsAndGoStrings() {
    ChangefeedSpec spec =
        ChangefeedSpec.decodeCreate(
            Map.of(
                "replica_config",
                Map.of(
                    "sync_point_interval",
                    "1h30m",
                    "sync_point_retention",
                    new BigDecimal("7200000000000"))));

    Map<String, Object> rendered =
        new ReplicaConfig(ConfigShape.of(TiCdcVersion.latest()), spec.replicaConfigValue()).toMap();
    assertThat(rendered)
        .containsEntry("sync_point_interval", 5_400_000_000_000L)
        .containsEntry("sync_point_retention", 7_200_000_000_000L);
  }

  @Test
  void fractionalNumberForAnIntegerIsAnError() {
    assertThatThrownBy(() -> ChangefeedSpec.decodeCreate(Map.of("start_ts", new BigDecimal("1.5"))))
        .isInstanceOf(CdcException.class)
        .hasMessage(
            "[CDC:ErrAPIInvalidParam]invalid api parameter: json: cannot unmarshal number 1.5 into"
                + " Go struct field ChangefeedConfig.start_ts of type uint64");
  }

  @Test
  void numberOutOfRangeIsAnError() {
    assertThatThrownBy(
            () ->
                ChangefeedSpec.decodeCreate(
                    Map.of(
                        "replica_config",
                        Map.of("mounter", Map.of("worker_num", new BigDecimal("1e30"))))))
        .hasMessageContaining(
            "into Go struct field MounterConfig.replica_config.mounter.worker_num of type int");
  }

  @Test
  void goDurationParsing() {
    assertThat(GoDuration.parse("10m")).isEqualTo(600_000_000_000L);
    assertThat(GoDuration.parse("1.5s")).isEqualTo(1_500_000_000L);
    assertThat(GoDuration.parse("300ms")).isEqualTo(300_000_000L);
    assertThat(GoDuration.parse("0")).isZero();
    assertThat(GoDuration.parse("10")).isNull();
    assertThat(GoDuration.parse("")).isNull();
  }

  @Test
  void goDurationFormatting() {
    assertThat(GoDuration.format(30_000_000_000L)).isEqualTo("30s");
    assertThat(GoDuration.format(3_600_000_000_000L)).isEqualTo("1h0m0s");
    assertThat(GoDuration.format(600_000_000_000L)).isEqualTo("10m0s");
    assertThat(GoDuration.format(1_500_000_000L)).isEqualTo("1.5s");
    assertThat(GoDuration.format(0)).isEqualTo("0s");
  }

  @Test
  void goSprintfMarksSurplusAndMissingArguments() {
    assertThat(GoFormat.sprintf("etcd api call error", "x"))
        .isEqualTo("etcd api call error%!(EXTRA string=x)");
    assertThat(GoFormat.sprintf("a %s b %d", "x")).isEqualTo("a x b %!d(MISSING)");
  }
}
