package com.epicevents.crm.application.service;

import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.error.ValidationFailed;

/** Loads the support member an event is assigned to; the domain checks they are active SUPPORT. */
final class Supports {
  private Supports() {}

  static Collaborator load(CorePorts ports, CollaboratorId id) {
    if (id == null) {
      return null;
    }
    return ports.collaborators().findById(id).orElseThrow(
        () -> ValidationFailed.of("supportContactId", "must be an active member of the SUPPORT team"));
  }
}
