package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Validation;
import com.epicevents.crm.domain.contract.ContractId;
import com.epicevents.crm.domain.event.EventDetails;
import com.epicevents.crm.domain.event.Schedule;
import java.time.Instant;

/** The sales contact of the client creates an event for a signed contract. */
public interface CreateEventUseCase {
  EventView create(AuthToken token, Command command);

  record Command(ContractId contractId, EventDetails details, Schedule schedule, CollaboratorId supportContactId) {
    /** A command is valid once built: every required field is present. */
    public Command {
      Validation v = new Validation().required("contractId", contractId).required("details", details).required("schedule", schedule);
      v.throwIfInvalid();
    }

    public static Command of(
        long contractId, String name, String clientContact, Instant startAt, Instant endAt,
        Long supportContactId, String location, Integer attendees, String notes) {
      Validation v = new Validation();
      ContractId c = v.field("contractId", () -> new ContractId(contractId));
      v.check(attendees != null, "attendees", "is required");
      EventDetails d = v.fields(() -> new EventDetails(name, clientContact, location, attendees == null ? 0 : attendees, notes));
      Schedule s = v.field("endAt", () -> new Schedule(startAt, endAt));
      CollaboratorId support = supportContactId == null ? null
          : v.field("supportContactId", () -> new CollaboratorId(supportContactId));
      v.throwIfInvalid();
      return new Command(c, d, s, support);
    }
  }
}
