package com.epicevents.crm.domain.event;

import com.epicevents.crm.domain.common.Texts;
import com.epicevents.crm.domain.common.Validation;

/** The descriptive part of an event, validated as a whole. Name and notes are optional. */
public record EventDetails(String name, String clientContact, String location, int attendees, String notes) {
  public static final int NAME_MAX = 100;
  public static final int CONTACT_MAX = 500;
  public static final int LOCATION_MAX = 200;
  public static final int NOTES_MAX = 2000;
  public static final int ATTENDEES_MAX = 1_000_000;

  /** Reports every wrong field at once. */
  public EventDetails {
    Validation v = new Validation();
    String rawName = name;
    String rawContact = clientContact;
    String rawLocation = location;
    String rawNotes = notes;
    name = v.field("name", () -> Texts.isBlank(rawName) ? null : Texts.singleLine("name", rawName, 1, NAME_MAX));
    clientContact = v.field("clientContact", () -> Texts.multiLine("clientContact", rawContact, 1, CONTACT_MAX));
    location = v.field("location", () -> Texts.singleLine("location", rawLocation, 1, LOCATION_MAX));
    notes = v.field("notes", () -> Texts.isBlank(rawNotes) ? null : Texts.multiLine("notes", rawNotes, 0, NOTES_MAX));
    v.check(attendees >= 0, "attendees", "must not be negative");
    v.check(attendees <= ATTENDEES_MAX, "attendees", "must be at most " + ATTENDEES_MAX);
    v.throwIfInvalid();
  }
}
