package com.epicevents.crm.domain.event;

import com.epicevents.crm.domain.error.ValidationFailed;

/** Identifier assigned by the database: a positive 64-bit integer. */
public record EventId(long value) {
  public EventId {
    if (value <= 0) {
      throw ValidationFailed.of("id", "must be a positive number");
    }
  }

  public static EventId of(long value) {
    return new EventId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
