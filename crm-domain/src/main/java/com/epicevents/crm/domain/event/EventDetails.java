package com.epicevents.crm.domain.event;

import com.epicevents.crm.domain.common.Texts;
import com.epicevents.crm.domain.error.ValidationFailed;

/** The descriptive part of an event, validated as a whole. Name and notes are optional. */
public record EventDetails(String name, String clientContact, String location, int attendees, String notes) {
  public static final int NAME_MAX = 100;
  public static final int CONTACT_MAX = 500;
  public static final int LOCATION_MAX = 200;
  public static final int NOTES_MAX = 2000;
  public static final int ATTENDEES_MAX = 1_000_000;

  public EventDetails {
    name = Texts.isBlank(name) ? null : Texts.singleLine("name", name, 1, NAME_MAX);
    clientContact = Texts.multiLine("clientContact", clientContact, 1, CONTACT_MAX);
    location = Texts.singleLine("location", location, 1, LOCATION_MAX);
    notes = Texts.isBlank(notes) ? null : Texts.multiLine("notes", notes, 0, NOTES_MAX);
    if (attendees < 0) {
      throw ValidationFailed.of("attendees", "must not be negative");
    }
    if (attendees > ATTENDEES_MAX) {
      throw ValidationFailed.of("attendees", "must be at most " + ATTENDEES_MAX);
    }
  }
}
