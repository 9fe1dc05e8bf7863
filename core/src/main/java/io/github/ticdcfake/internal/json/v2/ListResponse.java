package io.github.ticdcfake.internal.json.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code ListResponse[T]}: {@code items} is never null. */
@JsonPropertyOrder({"total", "items"})
public record ListResponse<T>(
    @JsonProperty("total") int total, @JsonProperty("items") List<T> items) {
  public static <T> ListResponse<T> of(List<T> items) {
    return new ListResponse<>(items.size(), items);
  }
}
