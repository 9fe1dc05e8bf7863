package io.github.ticdcfake.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ticdcfake.cluster.TiCdcVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selecting the new architecture like {@code cdc server} does: the flag, then {@code
 * TICDC_NEWARCH=true}, then {@code newarch = true} in the config file (pingcap/ticdc {@code
 * cmd/cdc/server/server.go} isNewArchEnabled).
 */
class NewArchOptionsTest {
  private static Options parse(Map<String, String> env, String... args) {
    return Options.parse(args, env);
  }

  @Test
  void longAndShortFlagSelectTheNewArchitectureOfV2634() {
    assertThat(parse(Map.of(), "--newarch").version()).isEqualTo(TiCdcVersion.V26_3_NEWARCH);
    assertThat(parse(Map.of(), "server", "-x").version()).isEqualTo(TiCdcVersion.V26_3_NEWARCH);
    assertThat(TiCdcVersion.V26_3_NEWARCH.version()).isEqualTo("v26.3.4");
  }

  @Test
  void environmentSelectsItOnlyWhenExactlyTrue() {
    assertThat(parse(Map.of("TICDC_NEWARCH", "true")).version())
        .isEqualTo(TiCdcVersion.V26_3_NEWARCH);
    assertThat(parse(Map.of("TICDC_NEWARCH", "TRUE")).version()).isEqualTo(TiCdcVersion.V8_5);
    assertThat(parse(Map.of("TICDC_NEWARCH", "1")).version()).isEqualTo(TiCdcVersion.V8_5);
  }

  @Test
  void serverConfigFileSelectsIt(@TempDir Path dir) throws IOException {
    Path config = Files.writeString(dir.resolve("cdc.toml"), "newarch = true\n");

    assertThat(parse(Map.of(), "--config", config.toString()).version())
        .isEqualTo(TiCdcVersion.V26_3_NEWARCH);
  }

  @Test
  void combinedWithV73ItIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> parse(Map.of(), "--newarch", "--version", "v7.3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TiCDC v7.3 has no new architecture");
    assertThatThrownBy(() -> parse(Map.of("TICDC_NEWARCH", "true"), "--version", "v7.3.0"))
        .hasMessageContaining("--newarch cannot be combined with --version v7.3.0");
  }

  @Test
  void combinedWithV263ItIsAccepted() {
    assertThat(parse(Map.of(), "--newarch", "--version", "v26.3.4").version())
        .isEqualTo(TiCdcVersion.V26_3_NEWARCH);
  }
}
