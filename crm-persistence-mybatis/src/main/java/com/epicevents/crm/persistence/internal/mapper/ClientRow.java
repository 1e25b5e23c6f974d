package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;

/** One row of crm.clients, with its sales contact's name when read for a view. */
public record ClientRow(
    Long id,
    String fullName,
    String email,
    String phone,
    String companyName,
    Instant createdAt,
    Instant updatedAt,
    Instant lastContactAt,
    Long salesContactId,
    Long version,
    String salesContactName) {

  public ClientRow stored(Stamp stamp) {
    return new ClientRow(stamp.id(), fullName, email, phone, companyName, createdAt, stamp.updatedAt(),
        lastContactAt, salesContactId, stamp.version(), salesContactName);
  }
}
