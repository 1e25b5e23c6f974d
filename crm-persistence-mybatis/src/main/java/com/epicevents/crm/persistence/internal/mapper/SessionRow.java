package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;

/** One row of crm.sessions (revoked_at is only written, by the revoke statements). */
public record SessionRow(
    Long id,
    String tokenHash,
    Long collaboratorId,
    String kind,
    Instant createdAt,
    Instant lastUsedAt,
    Instant absoluteExpiresAt,
    Instant passwordConfirmedAt,
    Boolean revoked) {}
