package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code ProcessorDetail}: {@code table_ids} may be {@code null}. */
@JsonPropertyOrder({"table_ids"})
@JsonInclude(Include.ALWAYS)
public record ProcessorDetail(@JsonProperty("table_ids") List<Long> tableIds) {}
