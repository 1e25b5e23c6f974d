package com.epicevents.crm.domain.common;

import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every field error of one input before failing, so a user sees all of them at once.
 * Value objects throw {@link ValidationFailed} under a generic name; {@link #field} relabels it.
 */
public final class Validation {
  private final List<FieldError> errors = new ArrayList<>();

  public <T> T field(String name, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ValidationFailed e) {
      e.renamedTo(name).errors().forEach(errors::add);
      return null;
    }
  }

  /** Runs a parse that names its own fields (a value object of several fields), keeping their names. */
  public <T> T fields(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ValidationFailed e) {
      errors.addAll(e.errors());
      return null;
    }
  }

  /** Notes a missing required value; returns this for chaining. */
  public Validation required(String field, Object value) {
    if (value == null) {
      errors.add(new FieldError(field, "is required"));
    }
    return this;
  }

  public void check(boolean ok, String field, String message) {
    if (!ok) {
      errors.add(new FieldError(field, message));
    }
  }

  public void fail(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public boolean hasErrorFor(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new ValidationFailed(errors);
    }
  }
}
