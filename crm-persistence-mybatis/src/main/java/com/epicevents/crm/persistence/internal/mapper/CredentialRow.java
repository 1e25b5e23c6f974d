package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;

/** A session joined to its owner: what a bearer token resolves to (SessionMapper.findCredential). */
public record CredentialRow(
    Long sessionId,
    String tokenHash,
    String kind,
    Long ownerId,
    String ownerTeam,
    Boolean ownerActive,
    Instant absoluteExpiresAt,
    Instant lastUsedAt,
    Boolean revoked) {}
