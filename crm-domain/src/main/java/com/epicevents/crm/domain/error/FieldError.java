package com.epicevents.crm.domain.error;

import java.util.Objects;

/** One field and the reason its value was refused, in words a user understands. */
public record FieldError(String field, String message) {
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
