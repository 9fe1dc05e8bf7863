package io.github.ticdcfake.internal.json;

/** A bad field in a scenario document or an admin request body; the message names the field. */
public final class FieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public FieldException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public FieldException(String field, String problem, Throwable cause) {
    super(field + ": " + problem, cause);
    this.field = field;
  }

  /** The field's path, for example {@code changefeeds[1].state}. */
  public String field() {
    return field;
  }
}
