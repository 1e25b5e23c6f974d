package com.epicevents.crm.domain.error;

import java.util.List;
import java.util.stream.Collectors;

/** The input is wrong whatever the stored state is (HTTP 400). */
public final class ValidationFailed extends CrmException {
  private final List<FieldError> errors;

  public ValidationFailed(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a validation failure names at least one field");
    }
    this.errors = List.copyOf(errors);
  }

  public static ValidationFailed of(String field, String message) {
    return new ValidationFailed(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The same errors, reported under another field name (a value object names itself generically). */
  public ValidationFailed renamedTo(String field) {
    return new ValidationFailed(errors.stream().map(e -> new FieldError(field, e.message())).toList());
  }
}
