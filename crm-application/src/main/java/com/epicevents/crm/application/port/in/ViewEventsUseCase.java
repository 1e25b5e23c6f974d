package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.contract.ContractId;
import com.epicevents.crm.domain.event.EventId;
import java.time.Instant;

/** Every active collaborator reads all events; "mine" is for sales (own clients) and support (supported). */
public interface ViewEventsUseCase {
  EventView get(AuthToken token, EventId id);

  Page<EventView> list(AuthToken token, Query query, PageRequest page);

  /** A null field does not filter; {@code mine} true keeps the caller's events. */
  record Query(ContractId contractId, CollaboratorId supportContactId, Boolean unassigned, boolean mine, Instant from, Instant to) {
    public static final Query ALL = new Query(null, null, null, false, null, null);

    public static Query unassignedOnly() {
      return new Query(null, null, true, false, null, null);
    }

    public static Query mineOnly() {
      return new Query(null, null, null, true, null, null);
    }
  }
}
