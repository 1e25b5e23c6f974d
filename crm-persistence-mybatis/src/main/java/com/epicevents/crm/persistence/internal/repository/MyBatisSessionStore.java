package com.epicevents.crm.persistence.internal.repository;

import static com.epicevents.crm.persistence.internal.repository.Times.micros;

import com.epicevents.crm.application.port.out.Credential;
import com.epicevents.crm.application.port.out.Session;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.application.port.out.SessionStore;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.persistence.internal.credential.CredentialCache;
import com.epicevents.crm.persistence.internal.credential.SessionUses;
import com.epicevents.crm.persistence.internal.mapper.CredentialRow;
import com.epicevents.crm.persistence.internal.mapper.SessionMapper;
import com.epicevents.crm.persistence.internal.mapper.SessionRow;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions in crm.sessions, found by the SHA-256 of their token (the token itself is never
 * stored). Resolved credentials are kept in a {@link CredentialCache}; every revocation announces
 * itself on {@link CredentialCache#CHANNEL} (delivered to every process at commit) and drops this
 * process's entries once committed, before the caller answers. Last uses are written behind by
 * {@link SessionUses}.
 */
public final class MyBatisSessionStore implements SessionStore, AutoCloseable {
  private final MyBatisTransactions tx;
  private final CredentialCache cache;
  private final SessionUses uses;

  /** A store without a listener: its cache is never trusted, every lookup reads the database. */
  public MyBatisSessionStore(MyBatisTransactions tx) {
    this(tx, new CredentialCache(1), Clock.systemUTC());
  }

  public MyBatisSessionStore(MyBatisTransactions tx, CredentialCache cache, Clock clock) {
    this.tx = tx;
    this.cache = cache;
    this.uses = new SessionUses((id, at) -> tx.withMapper(SessionMapper.class, m -> m.recordUse(id, at)), clock);
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
        .map(this::toDomain);
  }

  @Override
  public Optional<Credential> findCredential(String tokenHash) {
    if (tokenHash == null) {
      return Optional.empty();
    }
    return cache.get(tokenHash, this::findCredentialInStore)
        .map(c -> c.usedAt(uses.latest(c.sessionId(), c.lastUsedAt())));
  }

  @Override
  public Optional<Credential> findCredentialInStore(String tokenHash) {
    if (tokenHash == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(tx.withMapper(SessionMapper.class, m -> m.findCredential(tokenHash)))
        .map(this::toCredential);
  }

  @Override
  public void recordUse(long sessionId, Instant at, Instant storeBy) {
    uses.record(sessionId, micros(at), storeBy);
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
    int revoked = tx.withMapper(SessionMapper.class, m -> m.revoke(sessionId));
    if (revoked > 0) {
      tx.withMapper(SessionMapper.class, m -> m.announce(CredentialCache.CHANNEL,
          CredentialCache.sessionEnded(sessionId)));
    }
    tx.afterCommit(() -> cache.invalidateSession(sessionId));
  }

  @Override
  public int revokeAllOf(CollaboratorId collaboratorId, Long exceptSessionId) {
    Objects.requireNonNull(collaboratorId, "collaboratorId");
    int revoked = tx.withMapper(SessionMapper.class, m -> m.revokeAllOf(collaboratorId.value(), exceptSessionId));
    if (revoked > 0) {
      tx.withMapper(SessionMapper.class, m -> m.announce(CredentialCache.CHANNEL,
          CredentialCache.ownerChanged(collaboratorId.value())));
    }
    tx.afterCommit(() -> cache.invalidateOwner(collaboratorId.value()));
    return revoked;
  }

  /** Writes the last uses still pending. */
  @Override
  public void close() {
    uses.close();
  }

  /** The cache of resolved credentials (for tests and status). */
  public CredentialCache credentialCache() {
    return cache;
  }

  /** The write-behind of last uses (for tests). */
  public SessionUses uses() {
    return uses;
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

  private Session toDomain(SessionRow r) {
    return new Session(
        r.id(),
        r.tokenHash(),
        CollaboratorId.of(r.collaboratorId()),
        SessionKind.valueOf(r.kind()),
        r.createdAt(),
        uses.latest(r.id(), r.lastUsedAt()),
        r.absoluteExpiresAt(),
        r.passwordConfirmedAt(),
        r.revoked());
  }

  private Credential toCredential(CredentialRow r) {
    return new Credential(
        r.sessionId(),
        r.tokenHash(),
        SessionKind.valueOf(r.kind()),
        CollaboratorId.of(r.ownerId()),
        Team.valueOf(r.ownerTeam()),
        r.ownerActive(),
        r.absoluteExpiresAt(),
        uses.latest(r.sessionId(), r.lastUsedAt()),
        r.revoked());
  }
}
