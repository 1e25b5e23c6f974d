package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.contract.ContractId;
import java.time.Instant;

/**
 * Event filter; a null field does not filter. {@code unassigned}: true keeps events without a
 * support contact. {@code salesContactId}: events of that salesperson's clients. {@code from} /
 * {@code to} bound the start time (inclusive / exclusive); events without a start never match a bound.
 */
public record EventFilter(
    ContractId contractId,
    CollaboratorId supportContactId,
    Boolean unassigned,
    CollaboratorId salesContactId,
    Instant from,
    Instant to) {
  public static final EventFilter ALL = new EventFilter(null, null, null, null, null, null);
}
