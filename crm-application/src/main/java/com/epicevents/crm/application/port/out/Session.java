package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.collaborator.CollaboratorId;
import java.time.Instant;
import java.util.Objects;

/**
 * An open session. Only the SHA-256 of its token is stored. {@code passwordConfirmedAt} is when
 * the password was last typed for it (login or re-authentication); null once a "confirm every
 * change" confirmation has been used.
 */
public record Session(
    long id,
    String tokenHash,
    CollaboratorId collaboratorId,
    SessionKind kind,
    Instant createdAt,
    Instant lastUsedAt,
    Instant absoluteExpiresAt,
    Instant passwordConfirmedAt,
    boolean revoked) {

  public Session {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(collaboratorId, "collaboratorId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    Objects.requireNonNull(absoluteExpiresAt, "absoluteExpiresAt");
  }

  public Session touched(Instant now) {
    return new Session(id, tokenHash, collaboratorId, kind, createdAt, now, absoluteExpiresAt, passwordConfirmedAt, revoked);
  }

  public Session confirmed(Instant at) {
    return new Session(id, tokenHash, collaboratorId, kind, createdAt, lastUsedAt, absoluteExpiresAt, at, revoked);
  }

  @Override
  public String toString() {
    return "Session[id=" + id + ", collaborator=" + collaboratorId + ", kind=" + kind + ", revoked=" + revoked + "]";
  }
}
