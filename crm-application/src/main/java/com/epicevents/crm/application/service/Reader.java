package com.epicevents.crm.application.service;

import com.epicevents.crm.domain.access.Actor;

/**
 * Who is reading, as resolved from a credential (possibly kept in memory: revocations empty
 * that memory at once, see SessionStore). Reads need nothing else of the session or its owner.
 */
record Reader(Actor actor) {
  long actorId() {
    return actor.id().value();
  }
}
