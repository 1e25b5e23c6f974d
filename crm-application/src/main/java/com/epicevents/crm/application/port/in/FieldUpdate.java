package com.epicevents.crm.application.port.in;

import com.epicevents.crm.domain.common.Validation;
import java.util.function.Function;

/**
 * One field of a partial update. A null {@code FieldUpdate} means "leave the field as it is";
 * {@code FieldUpdate.set(null)} clears an optional field.
 */
public record FieldUpdate<T>(T value) {
  public static <T> FieldUpdate<T> set(T value) {
    return new FieldUpdate<>(value);
  }

  /** Parses the raw value of an update, collecting its error under {@code field}. */
  public static <R, T> FieldUpdate<T> parse(
      Validation validation, String field, FieldUpdate<R> raw, Function<R, T> parser) {
    if (raw == null) {
      return null;
    }
    return new FieldUpdate<>(validation.field(field, () -> parser.apply(raw.value())));
  }

  /** The new value when updated, else the current one. */
  public static <T> T apply(FieldUpdate<T> update, T current) {
    return update == null ? current : update.value();
  }
}
