package io.github.ticdcfake.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ticdcfake.cluster.FakeCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v2/unsafe/metadata} lists the upstream as TiCDC stores it in etcd. */
class EtcdMetadataTest {
  @Test
  void upstreamEntryNamesTheClustersOwnPdEndpoints() {
    FakeCluster cluster =
        FakeCluster.builder()
            .pdEndpoints(List.of("http://10.0.0.1:2379", "http://10.0.0.2:2379"))
            .build();
    String id = Long.toUnsignedString(cluster.upstreamId());

    EtcdMetadata.EtcdData upstream =
        EtcdMetadata.of(cluster).stream()
            .filter(d -> d.key().equals("/tidb/cdc/default/default/upstream/" + id))
            .findFirst()
            .orElseThrow();

    // tiflow cdc/model/upstream.go UpstreamInfo: every field is written, the endpoints joined
    // with commas as the server stores them.
    assertThat(upstream.value())
        .isEqualTo(
            "{\"id\":"
                + id
                + ",\"pd-endpoints\":\"http://10.0.0.1:2379,http://10.0.0.2:2379\","
                + "\"key-path\":\"\",\"cert-path\":\"\",\"ca-path\":\"\",\"cert-allowed-cn\":null}");
  }
}
