package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;

/** One row of crm.collaborators, as stored. */
public record CollaboratorRow(
    Long id,
    String username,
    String fullName,
    String email,
    String phone,
    String team,
    Boolean active,
    String passwordHash,
    Instant createdAt,
    Instant updatedAt,
    Long version) {

  public CollaboratorRow stored(Stamp stamp) {
    return new CollaboratorRow(stamp.id(), username, fullName, email, phone, team, active, passwordHash,
        createdAt, stamp.updatedAt(), stamp.version());
  }
}
