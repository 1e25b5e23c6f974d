package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Validation;
import com.epicevents.crm.domain.event.EventId;
import java.time.Instant;

/**
 * The event's support contact updates its details and dates (and may hand it to another support
 * member). Absent fields are left as they are; a field set to null clears an optional one.
 */
public interface UpdateEventUseCase {
  EventView update(AuthToken token, Command command);

  record Command(
      EventId id, Long expectedVersion, FieldUpdate<String> name, FieldUpdate<String> clientContact,
      FieldUpdate<Instant> startAt, FieldUpdate<Instant> endAt, FieldUpdate<CollaboratorId> supportContactId,
      FieldUpdate<String> location, FieldUpdate<Integer> attendees, FieldUpdate<String> notes) {

    /** A command is valid once built: it names the record to change. */
    public Command {
      new Validation().required("id", id).throwIfInvalid();
    }

    public static Command of(
        long id, Long expectedVersion, FieldUpdate<String> name, FieldUpdate<String> clientContact,
        FieldUpdate<Instant> startAt, FieldUpdate<Instant> endAt, FieldUpdate<Long> supportContactId,
        FieldUpdate<String> location, FieldUpdate<Integer> attendees, FieldUpdate<String> notes) {
      Validation v = new Validation();
      EventId eid = v.field("id", () -> new EventId(id));
      var support = FieldUpdate.parse(v, "supportContactId", supportContactId,
          raw -> raw == null ? null : new CollaboratorId(raw));
      v.check(clientContact == null || clientContact.value() != null, "clientContact", "is required");
      v.check(location == null || location.value() != null, "location", "is required");
      v.check(attendees == null || attendees.value() != null, "attendees", "is required");
      v.throwIfInvalid();
      return new Command(eid, expectedVersion, name, clientContact, startAt, endAt, support, location, attendees, notes);
    }
  }
}
