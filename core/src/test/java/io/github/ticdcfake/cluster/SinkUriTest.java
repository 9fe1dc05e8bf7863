package io.github.ticdcfake.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sink URIs parse, classify and mask like Go's net/url and tiflow (pingcap/tiflow
 * cdc/api/v2/model.go; pingcap/tiflow pkg/config/sink.go, cdc/sink/validator/validator.go).
 */
class SinkUriTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "blackhole://|blackhole:",
        "blackhole://?a=1&b=2|blackhole:?a=1&b=2",
        "BLACKHOLE://|blackhole:",
        "file:///tmp/x|file:///tmp/x",
        "mysql://h:3306/|mysql://h:3306/",
        "blackhole://host|blackhole://host",
        "mysql://root:secret@127.0.0.1:3306/|mysql://root:xxxxx@127.0.0.1:3306/",
        "mysql://root@127.0.0.1:3306/|mysql://root@127.0.0.1:3306/",
        "kafka://h:9092/t?sasl-password=p&protocol=canal|kafka://h:9092/t?protocol=canal&sasl-password=xxxxx",
      })
  void masksLikeTiCdc(String uri, String masked) throws Exception {
    assertThat(SinkUri.parse(uri).masked()).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mysql://[::1|missing ']' in host",
        "mysql://h:port/|invalid port \":port\" after host",
        "://x|missing protocol scheme",
        "mysql://h/%zz|invalid URL escape \"%zz\"",
      })
  void rejectsWhatGoRejects(String uri, String error) {
    assertThatThrownBy(() -> SinkUri.parse(uri)).hasMessage(error);
  }

  @ParameterizedTest
  @CsvSource({
    "mysql://h,true,false,false",
    "tidb+ssl://h,true,false,false",
    "kafka+ssl://h,false,true,false",
    "pulsar+https://h,false,true,false",
    "s3://b/p,false,false,true",
    "noop://,false,false,true",
  })
  void classifiesSchemes(String uri, boolean mysql, boolean mq, boolean storage) throws Exception {
    SinkUri parsed = SinkUri.parse(uri);
    assertThat(parsed.isMySqlCompatible()).isEqualTo(mysql);
    assertThat(parsed.isMq()).isEqualTo(mq);
    assertThat(parsed.isStorage()).isEqualTo(storage);
  }
}
