package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AssignEventSupportUseCase;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventId;

final class AssignEventSupportService implements AssignEventSupportUseCase {
  private final CorePorts ports;
  private final Guard guard;

  AssignEventSupportService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public EventView assign(AuthToken token, EventId eventId, CollaboratorId supportContactId, Long expectedVersion) {
    long id = eventId.value();
    return guard.runUpdate(expectedVersion, () -> {
      Authenticated who = guard.authenticate(token);
      guard.permitTeam(who, Action.ASSIGN_EVENT_SUPPORT, EntityType.EVENT, id);
      EventView current = Loads.event(ports, eventId);
      Event event = current.event();
      guard.permit(who, Action.ASSIGN_EVENT_SUPPORT,
          Ownership.ofEvent(current.salesContactId(), event.supportContactId()), EntityType.EVENT, id);
      Versions.require(expectedVersion, event.version(), "EVENT", id, current);
      guard.requirePasswordConfirmed(who);
      Collaborator support = Supports.load(ports, supportContactId);
      Event changed = event.assignSupport(support, guard.now());
      if (java.util.Objects.equals(changed.supportContactId(), event.supportContactId())) {
        return current;
      }
      Event stored = ports.events().update(changed);
      guard.audit(who, "SUPPORT_ASSIGNED", EntityType.EVENT, id, AuditChanges.of(event, stored));
      EventView view = new EventView(stored, current.clientId(), current.clientName(), current.salesContactId(),
          support == null ? null : support.fullName().value());
      guard.announce(who, "SUPPORT_ASSIGNED", EntityType.EVENT, id, AuditChanges.of(event, stored), view);
      return view;
    });
  }
}
