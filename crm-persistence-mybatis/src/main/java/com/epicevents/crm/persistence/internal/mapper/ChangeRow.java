package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;

/** One row of crm.changes; {@code changedFields} comma-separated (field names never hold a comma). */
public record ChangeRow(
    Long seq, Instant at, String entityType, Long entityId, String action, Long version, Long actorId,
    String changedFields) {}
