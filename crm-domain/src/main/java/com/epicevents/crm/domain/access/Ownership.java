package com.epicevents.crm.domain.access;

import com.epicevents.crm.domain.collaborator.CollaboratorId;

/**
 * The facts about a target record that decide "own": its client's sales contact and its support
 * contact, always read from the stored record, never from what the caller sends.
 */
public record Ownership(CollaboratorId salesContactId, CollaboratorId supportContactId) {
  /** A target with no owner (creating a record, reading a list). */
  public static final Ownership NONE = new Ownership(null, null);

  public static Ownership ofClientInChargeOf(CollaboratorId salesContactId) {
    return new Ownership(salesContactId, null);
  }

  public static Ownership ofEvent(CollaboratorId salesContactId, CollaboratorId supportContactId) {
    return new Ownership(salesContactId, supportContactId);
  }
}
