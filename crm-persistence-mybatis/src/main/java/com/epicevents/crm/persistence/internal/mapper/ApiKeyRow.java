package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;

/** A row of crm.api_keys with its owner's name; scopes comma-separated. */
public record ApiKeyRow(
    Long id,
    Long ownerId,
    String ownerName,
    String ownerTeam,
    String name,
    String prefix,
    String tokenHash,
    String scopes,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt) {}
