package com.epicevents.crm.application.port.in;

import com.epicevents.crm.domain.common.Validation;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.domain.event.EventDetails;

/** Validates an event's details field by field, so every wrong field is reported at once. */
final class EventParts {
  private EventParts() {}

  static EventDetails details(Validation v, String name, String clientContact, String location, int attendees, String notes) {
    try {
      return new EventDetails(name, clientContact, location, attendees, notes);
    } catch (ValidationFailed first) {
      // Re-check each field alone to report all of them, not only the first.
      v.field("name", () -> new EventDetails(name, "x", "x", 0, null));
      v.field("clientContact", () -> new EventDetails(null, clientContact, "x", 0, null));
      v.field("location", () -> new EventDetails(null, "x", location, 0, null));
      v.field("attendees", () -> new EventDetails(null, "x", "x", attendees, null));
      v.field("notes", () -> new EventDetails(null, "x", "x", 0, notes));
      return null;
    }
  }
}
