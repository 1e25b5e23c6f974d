package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ViewEventsUseCase;
import com.epicevents.crm.application.port.out.EventFilter;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.domain.event.EventId;

final class ViewEventsService implements ViewEventsUseCase {
  private final CorePorts ports;
  private final Guard guard;

  ViewEventsService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public EventView get(AuthToken token, EventId id) {
    return guard.read(() -> {
      Reader who = guard.authenticateToRead(token);
      guard.permit(who, Action.READ, Ownership.NONE, EntityType.EVENT, id.value());
      return Loads.event(ports, id);
    });
  }

  @Override
  public Page<EventView> list(AuthToken token, Query query, PageRequest page) {
    if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
      throw ValidationFailed.of("to", "must not be before 'from'");
    }
    return guard.read(() -> {
      Reader who = guard.authenticateToRead(token);
      Action action = query.mine() ? Action.LIST_MY_EVENTS
          : Boolean.TRUE.equals(query.unassigned()) ? Action.LIST_UNASSIGNED_EVENTS : Action.READ;
      guard.permit(who, action, Ownership.NONE, EntityType.EVENT, null);
      CollaboratorId supportContact = query.supportContactId();
      CollaboratorId salesContact = null;
      if (query.mine()) {
        if (who.actor().team() == Team.SUPPORT) {
          supportContact = who.actor().id();
        } else {
          salesContact = who.actor().id();
        }
      }
      EventFilter filter = new EventFilter(query.contractId(), supportContact, query.unassigned(),
          salesContact, query.from(), query.to());
      return ports.events().list(filter, page);
    });
  }
}
