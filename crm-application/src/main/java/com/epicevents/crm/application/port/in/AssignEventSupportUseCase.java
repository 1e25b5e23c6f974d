package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.event.EventId;

/**
 * Management, or the event's current support contact, assigns the event to an active support
 * member ({@code null} unassigns).
 */
public interface AssignEventSupportUseCase {
  EventView assign(AuthToken token, EventId eventId, CollaboratorId supportContactId, Long expectedVersion);
}
