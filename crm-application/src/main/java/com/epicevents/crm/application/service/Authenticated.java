package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.out.Session;
import com.epicevents.crm.domain.access.Actor;
import com.epicevents.crm.domain.collaborator.Collaborator;

/** A live session and its owner, as read from the store for this call. */
record Authenticated(Session session, Collaborator collaborator) {
  Actor actor() {
    return Actor.of(collaborator);
  }

  long actorId() {
    return collaborator.id().value();
  }
}
