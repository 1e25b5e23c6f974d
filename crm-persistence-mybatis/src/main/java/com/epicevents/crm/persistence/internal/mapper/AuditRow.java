package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;

/** One row of crm.audit_entries; {@code changes} is the jsonb object as text. */
public record AuditRow(
    Long id,
    Instant at,
    Long actorId,
    String action,
    String entityType,
    Long entityId,
    String changes,
    String prevHash,
    String hash) {}
