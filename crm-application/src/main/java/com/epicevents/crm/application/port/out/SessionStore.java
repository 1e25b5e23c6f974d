package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.collaborator.CollaboratorId;
import java.util.Optional;

/** Open sessions, keyed by the SHA-256 of their token. */
public interface SessionStore {
  /** Stores a new session (its id is ignored); returns it with the id assigned. */
  Session create(Session session);

  Optional<Session> findByTokenHash(String tokenHash);

  /** Saves last use and password confirmation of an existing session. */
  void update(Session session);

  void revoke(long sessionId);

  /** Revokes every open session of the collaborator except {@code exceptSessionId} (null: all); returns how many. */
  int revokeAllOf(CollaboratorId collaboratorId, Long exceptSessionId);
}
