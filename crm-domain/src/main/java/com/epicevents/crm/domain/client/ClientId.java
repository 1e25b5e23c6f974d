package com.epicevents.crm.domain.client;

import com.epicevents.crm.domain.error.ValidationFailed;

/** Identifier assigned by the database: a positive 64-bit integer. */
public record ClientId(long value) {
  public ClientId {
    if (value <= 0) {
      throw ValidationFailed.of("id", "must be a positive number");
    }
  }

  public static ClientId of(long value) {
    return new ClientId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
