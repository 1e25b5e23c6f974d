package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.out.Credential;
import com.epicevents.crm.application.port.out.Session;
import com.epicevents.crm.domain.access.Actor;
import com.epicevents.crm.domain.collaborator.Collaborator;

/**
 * Who is acting for this call, as read from the store: a person's live session and its owner, or
 * (session null) an API key and its owner.
 */
record Authenticated(Session session, Collaborator collaborator, Credential key) {
  Authenticated(Session session, Collaborator collaborator) {
    this(session, collaborator, null);
  }

  Actor actor() {
    Actor person = Actor.of(collaborator);
    return key == null ? person : person.through(key.keyGrant());
  }

  long actorId() {
    return collaborator.id().value();
  }

  boolean viaApiKey() {
    return key != null;
  }
}
