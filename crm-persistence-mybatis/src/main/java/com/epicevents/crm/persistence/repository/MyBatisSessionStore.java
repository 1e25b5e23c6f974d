package com.epicevents.crm.persistence.repository;

import static com.epicevents.crm.persistence.repository.Times.micros;

import com.epicevents.crm.application.port.out.Session;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.application.port.out.SessionStore;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.persistence.mapper.SessionMapper;
import com.epicevents.crm.persistence.mapper.SessionRow;
import java.util.Objects;
import java.util.Optional;

/** Sessions in crm.sessions, found by the SHA-256 of their token (the token itself is never stored). */
public final class MyBatisSessionStore implements SessionStore {
  private final MyBatisTransactions tx;

  public MyBatisSessionStore(MyBatisTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Session create(Session session) {
    SessionRow row = toRow(session);
    long id = tx.withMapper(SessionMapper.class, m -> m.insert(row));
    return toDomain(new SessionRow(id, row.tokenHash(), row.collaboratorId(), row.kind(), row.createdAt(),
        row.lastUsedAt(), row.absoluteExpiresAt(), row.passwordConfirmedAt(), row.revoked()));
  }

  @Override
  public Optional<Session> findByTokenHash(String tokenHash) {
    if (tokenHash == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(tx.withMapper(SessionMapper.class, m -> m.findByTokenHash(tokenHash)))
        .map(MyBatisSessionStore::toDomain);
  }

  /** Saves last use and password confirmation; the other fields of a session never change here. */
  @Override
  public void update(Session session) {
    SessionRow row = toRow(session);
    int updated = tx.withMapper(SessionMapper.class, m -> m.update(row));
    if (updated == 0) {
      throw new NotFound("Session", session.id());
    }
  }

  /** Idempotent: revoking a revoked or unknown session changes nothing. */
  @Override
  public void revoke(long sessionId) {
    tx.withMapper(SessionMapper.class, m -> m.revoke(sessionId));
  }

  @Override
  public int revokeAllOf(CollaboratorId collaboratorId, Long exceptSessionId) {
    Objects.requireNonNull(collaboratorId, "collaboratorId");
    return tx.withMapper(SessionMapper.class, m -> m.revokeAllOf(collaboratorId.value(), exceptSessionId));
  }

  private static SessionRow toRow(Session s) {
    return new SessionRow(
        s.id(),
        s.tokenHash(),
        s.collaboratorId().value(),
        s.kind().name(),
        micros(s.createdAt()),
        micros(s.lastUsedAt()),
        micros(s.absoluteExpiresAt()),
        micros(s.passwordConfirmedAt()),
        s.revoked());
  }

  private static Session toDomain(SessionRow r) {
    return new Session(
        r.id(),
        r.tokenHash(),
        CollaboratorId.of(r.collaboratorId()),
        SessionKind.valueOf(r.kind()),
        r.createdAt(),
        r.lastUsedAt(),
        r.absoluteExpiresAt(),
        r.passwordConfirmedAt(),
        r.revoked());
  }
}
