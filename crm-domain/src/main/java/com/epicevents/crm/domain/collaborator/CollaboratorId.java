package com.epicevents.crm.domain.collaborator;

import com.epicevents.crm.domain.error.ValidationFailed;

/** Identifier assigned by the database: a positive 64-bit integer. */
public record CollaboratorId(long value) {
  public CollaboratorId {
    if (value <= 0) {
      throw ValidationFailed.of("id", "must be a positive number");
    }
  }

  public static CollaboratorId of(long value) {
    return new CollaboratorId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
