package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.collaborator.CollaboratorId;
import java.time.Instant;
import java.util.Optional;

/**
 * Open sessions, keyed by the SHA-256 of their token.
 *
 * <p>Revocation is immediate everywhere: once {@link #revoke} or {@link #revokeAllOf} has
 * committed, no process accepts the session any more, whatever it keeps in memory (an adapter
 * that caches {@link #findCredential} answers must drop the entry itself before the revoking call
 * returns, and tell other processes).
 */
public interface SessionStore {
  /** Stores a new session (its id is ignored); returns it with the id assigned. */
  Session create(Session session);

  /** The session as stored, with {@code lastUsedAt} the latest use this process knows of. */
  Optional<Session> findByTokenHash(String tokenHash);

  /**
   * The session behind a token hash and its owner's team and state, in one read. May be answered
   * from memory, within the limits of the interface's revocation rule.
   */
  Optional<Credential> findCredential(String tokenHash);

  /** Like {@link #findCredential}, always from the store of record. */
  Optional<Credential> findCredentialInStore(String tokenHash);

  /**
   * Records a use of the session at {@code at}. This process sees it at once; the store gets it
   * no later than {@code storeBy} (as soon as possible when that has passed), and, when several
   * uses arrive before then, only the latest is written.
   */
  void recordUse(long sessionId, Instant at, Instant storeBy);

  /** Saves last use and password confirmation of an existing session. */
  void update(Session session);

  void revoke(long sessionId);

  /** Revokes every open session of the collaborator except {@code exceptSessionId} (null: all); returns how many. */
  int revokeAllOf(CollaboratorId collaboratorId, Long exceptSessionId);
}
