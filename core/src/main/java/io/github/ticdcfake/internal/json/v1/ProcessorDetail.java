package io.github.ticdcfake.internal.json.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code ProcessorDetail}: only {@code table_ids}, which may be {@code null}. */
@JsonPropertyOrder({"table_ids"})
@JsonInclude(Include.ALWAYS)
public record ProcessorDetail(@JsonProperty("table_ids") List<Long> tableIds) {}
