package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.FieldUpdate;
import com.epicevents.crm.application.port.in.UpdateEventUseCase;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.Changes;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Validation;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventDetails;
import com.epicevents.crm.domain.event.Schedule;
import java.time.Instant;

final class UpdateEventService implements UpdateEventUseCase {
  private final CorePorts ports;
  private final Guard guard;

  UpdateEventService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public EventView update(AuthToken token, Command command) {
    long id = command.id().value();
    return guard.runUpdate(command.expectedVersion(), () -> {
      Authenticated who = guard.authenticate(token);
      guard.permitTeam(who, Action.UPDATE_EVENT, EntityType.EVENT, id);
      EventView current = Loads.event(ports, command.id());
      Event event = current.event();
      Ownership ownership = Ownership.ofEvent(current.salesContactId(), event.supportContactId());
      guard.permit(who, Action.UPDATE_EVENT, ownership, EntityType.EVENT, id);
      if (command.supportContactId() != null) {
        guard.permit(who, Action.ASSIGN_EVENT_SUPPORT, ownership, EntityType.EVENT, id);
      }
      Versions.require(command.expectedVersion(), event.version(), "EVENT", id, current);
      guard.requirePasswordConfirmed(who);
      Instant now = guard.now();

      EventDetails d = event.details();
      Validation v = new Validation();
      EventDetails details = v.fields(() -> new EventDetails(
          FieldUpdate.apply(command.name(), d.name()),
          FieldUpdate.apply(command.clientContact(), d.clientContact()),
          FieldUpdate.apply(command.location(), d.location()),
          FieldUpdate.apply(command.attendees(), d.attendees()),
          FieldUpdate.apply(command.notes(), d.notes())));
      Schedule schedule = v.field("endAt", () -> new Schedule(
          FieldUpdate.apply(command.startAt(), event.schedule().startAt()),
          FieldUpdate.apply(command.endAt(), event.schedule().endAt())));
      v.throwIfInvalid();

      Event changed = event.updateDetails(details, now).reschedule(schedule, now);
      String supportName = current.supportContactName();
      if (command.supportContactId() != null) {
        Collaborator support = Supports.load(ports, command.supportContactId().value());
        changed = changed.assignSupport(support, now);
        supportName = support == null ? null : support.fullName().value();
      }
      Changes changes = AuditChanges.of(event, changed);
      if (changes.isEmpty()) {
        return current;
      }
      Event stored = ports.events().update(changed);
      guard.audit(who, "UPDATED", EntityType.EVENT, id, changes);
      EventView view = new EventView(stored, current.clientId(), current.clientName(), current.salesContactId(), supportName);
      guard.announce(who, "UPDATED", EntityType.EVENT, id, changes, view);
      return view;
    });
  }
}
