package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.access.KeyGrant;
import com.epicevents.crm.domain.access.Scope;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a bearer secret resolves to, read in one go: the session (or, later, API key) behind a
 * token hash and what its owner is now (team, active). This is what an adapter may keep in memory
 * to answer reads without asking the database; everything in it is either fixed for the
 * credential's life or ended by a revocation the stores announce.
 *
 * @param sessionId the session's id, or the key's id when {@code kind} is {@link SessionKind#API_KEY}
 * @param lastUsedAt the latest use this process knows of (it may not be stored yet)
 * @param scopes what an API key is narrowed to; null for a person's session (not narrowed)
 */
public record Credential(
    long sessionId,
    String tokenHash,
    SessionKind kind,
    CollaboratorId ownerId,
    Team ownerTeam,
    boolean ownerActive,
    Instant absoluteExpiresAt,
    Instant lastUsedAt,
    boolean revoked,
    Set<Scope> scopes) {

  /** A person's session (not narrowed by scopes). */
  public Credential(long sessionId, String tokenHash, SessionKind kind, CollaboratorId ownerId, Team ownerTeam,
      boolean ownerActive, Instant absoluteExpiresAt, Instant lastUsedAt, boolean revoked) {
    this(sessionId, tokenHash, kind, ownerId, ownerTeam, ownerActive, absoluteExpiresAt, lastUsedAt, revoked, null);
  }

  public Credential {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(ownerTeam, "ownerTeam");
    Objects.requireNonNull(absoluteExpiresAt, "absoluteExpiresAt");
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    scopes = scopes == null ? null : Set.copyOf(scopes);
  }

  public boolean apiKey() {
    return kind == SessionKind.API_KEY;
  }

  /** What an API key narrows its owner to (only for {@link SessionKind#API_KEY}). */
  public KeyGrant keyGrant() {
    if (!apiKey()) {
      throw new IllegalStateException("a session is not narrowed by scopes");
    }
    return new KeyGrant(sessionId, scopes);
  }

  /** The same credential, knowing of a later use (never moves last use backwards). */
  public Credential usedAt(Instant at) {
    Instant latest = at.isAfter(lastUsedAt) ? at : lastUsedAt;
    return new Credential(sessionId, tokenHash, kind, ownerId, ownerTeam, ownerActive, absoluteExpiresAt, latest,
        revoked, scopes);
  }

  @Override
  public String toString() {
    return "Credential[session=" + sessionId + ", owner=" + ownerId + ", team=" + ownerTeam + ", kind=" + kind
        + ", revoked=" + revoked + "]";
  }
}
