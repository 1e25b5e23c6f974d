package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;

/**
 * One row of crm.events, with its client (id, name, sales contact) and support contact's name
 * when read for a view.
 */
public record EventRow(
    Long id,
    Long contractId,
    String name,
    String clientContact,
    Instant startAt,
    Instant endAt,
    Long supportContactId,
    String location,
    Integer attendees,
    String notes,
    Instant createdAt,
    Instant updatedAt,
    Long version,
    Long clientId,
    String clientName,
    Long salesContactId,
    String supportContactName) {

  public EventRow stored(Stamp stamp) {
    return new EventRow(stamp.id(), contractId, name, clientContact, startAt, endAt, supportContactId,
        location, attendees, notes, createdAt, stamp.updatedAt(), stamp.version(), clientId, clientName,
        salesContactId, supportContactName);
  }
}
