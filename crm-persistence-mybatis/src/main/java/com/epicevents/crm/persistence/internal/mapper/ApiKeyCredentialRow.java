package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;

/**
 * An API key joined to its owner as they are now: what a bearer key resolves to. {@code revoked}
 * is also true when the owner's team is no longer the one the key was made under.
 */
public record ApiKeyCredentialRow(
    Long keyId,
    String tokenHash,
    Long ownerId,
    String ownerTeam,
    Boolean ownerActive,
    Instant expiresAt,
    Instant lastUsedAt,
    Boolean revoked,
    String scopes) {}
