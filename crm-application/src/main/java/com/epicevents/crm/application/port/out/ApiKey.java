package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.access.Scope;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An API key as stored: never its secret, only the SHA-256 of the whole key and its public
 * prefix. {@code ownerTeam} is the owner's team when the key was made (a key whose owner has moved
 * on is not honoured); {@code ownerName} is read with the key, for lists (ignored when creating).
 */
public record ApiKey(
    long id,
    CollaboratorId ownerId,
    String ownerName,
    Team ownerTeam,
    String name,
    String prefix,
    String tokenHash,
    Set<Scope> scopes,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt) {

  public ApiKey {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(ownerTeam, "ownerTeam");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(scopes, "scopes");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  /** Usable now: not revoked and not expired. */
  public boolean activeAt(Instant now) {
    return !revoked() && now.isBefore(expiresAt);
  }

  public ApiKey withId(long newId) {
    return new ApiKey(newId, ownerId, ownerName, ownerTeam, name, prefix, tokenHash, scopes, createdAt, expiresAt,
        lastUsedAt, revokedAt);
  }

  @Override
  public String toString() {
    return "ApiKey[id=" + id + ", prefix=" + prefix + ", owner=" + ownerId + ", revoked=" + revoked() + "]";
  }
}
