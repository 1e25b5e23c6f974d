package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.Credential;
import com.epicevents.crm.application.port.out.Session;
import com.epicevents.crm.application.port.out.SessionStore;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

public final class InMemorySessionStore implements SessionStore {
  private final InMemoryStore store;

  InMemorySessionStore(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public Session create(Session session) {
    return store.locked(() -> {
      long id = store.nextId();
      Session stored = new Session(id, session.tokenHash(), session.collaboratorId(), session.kind(),
          session.createdAt(), session.lastUsedAt(), session.absoluteExpiresAt(), session.passwordConfirmedAt(),
          session.revoked());
      store.sessions.put(id, stored);
      return stored;
    });
  }

  @Override
  public Optional<Session> findByTokenHash(String tokenHash) {
    return store.locked(() -> store.sessions.values().stream()
        .filter(s -> s.tokenHash().equals(tokenHash)).findFirst());
  }

  @Override
  public Optional<Credential> findCredential(String tokenHash) {
    return findCredentialInStore(tokenHash);
  }

  /** The fake has one process and no memory of its own: every answer comes from the store. */
  @Override
  public Optional<Credential> findCredentialInStore(String tokenHash) {
    return store.locked(() -> findByTokenHash(tokenHash).flatMap(s -> {
      Collaborator owner = store.collaborators.get(s.collaboratorId().value());
      if (owner == null) {
        return Optional.empty();
      }
      return Optional.of(new Credential(s.id(), s.tokenHash(), s.kind(), s.collaboratorId(), owner.team(),
          owner.active(), s.absoluteExpiresAt(), s.lastUsedAt(), s.revoked()));
    }));
  }

  /** Written at once (the store is memory): the latest use wins. */
  @Override
  public void recordUse(long sessionId, Instant at, Instant storeBy) {
    store.locked(() -> {
      Session s = store.sessions.get(sessionId);
      if (s != null && at.isAfter(s.lastUsedAt())) {
        store.sessions.put(sessionId, s.touched(at));
      }
      return null;
    });
  }

  @Override
  public void update(Session session) {
    store.locked(() -> {
      Session current = store.sessions.get(session.id());
      if (current != null) {
        store.sessions.put(session.id(), new Session(current.id(), current.tokenHash(), current.collaboratorId(),
            current.kind(), current.createdAt(), latest(current.lastUsedAt(), session.lastUsedAt()),
            current.absoluteExpiresAt(),
            session.passwordConfirmedAt(), current.revoked()));
      }
      return null;
    });
  }

  @Override
  public void revoke(long sessionId) {
    store.locked(() -> {
      Session s = store.sessions.get(sessionId);
      if (s != null) {
        store.sessions.put(sessionId, revoked(s));
      }
      return null;
    });
  }

  @Override
  public int revokeAllOf(CollaboratorId collaboratorId, Long exceptSessionId) {
    return store.locked(() -> {
      int count = 0;
      for (Session s : store.sessions.values().stream().toList()) {
        if (s.collaboratorId().equals(collaboratorId) && !s.revoked() && !Objects.equals(s.id(), exceptSessionId)) {
          store.sessions.put(s.id(), revoked(s));
          count++;
        }
      }
      return count;
    });
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Session revoked(Session s) {
    return new Session(s.id(), s.tokenHash(), s.collaboratorId(), s.kind(), s.createdAt(), s.lastUsedAt(),
        s.absoluteExpiresAt(), s.passwordConfirmedAt(), true);
  }
}
