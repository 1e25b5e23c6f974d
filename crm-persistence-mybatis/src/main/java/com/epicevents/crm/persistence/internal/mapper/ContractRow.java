package com.epicevents.crm.persistence.internal.mapper;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of crm.contracts, with its client's name and sales contact when read for a view. */
public record ContractRow(
    Long id,
    Long clientId,
    BigDecimal totalAmount,
    BigDecimal amountDue,
    Boolean signed,
    Instant signedAt,
    Instant createdAt,
    Instant updatedAt,
    Long version,
    String clientName,
    Long salesContactId) {

  public ContractRow stored(Stamp stamp) {
    return new ContractRow(stamp.id(), clientId, totalAmount, amountDue, signed, signedAt, createdAt,
        stamp.updatedAt(), stamp.version(), clientName, salesContactId);
  }
}
