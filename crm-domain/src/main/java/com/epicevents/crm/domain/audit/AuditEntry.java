package com.epicevents.crm.domain.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened: a change to a record or a security event. Never a password, hash or
 * token in {@code changes}. Entries are only ever appended.
 *
 * @param actorId who did it; null when nobody was authenticated (a failed login)
 * @param entityId the record concerned; null when there is none (a login for an unknown name)
 */
public record AuditEntry(
    Instant at,
    Long actorId,
    String action,
    EntityType entityType,
    Long entityId,
    Map<String, FieldChange> changes) {

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(entityType, "entityType");
    changes = changes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changes));
  }

  public static AuditEntry of(Instant at, Long actorId, String action, EntityType type, Long entityId) {
    return new AuditEntry(at, actorId, action, type, entityId, Map.of());
  }

  public AuditEntry withChanges(Map<String, FieldChange> newChanges) {
    return new AuditEntry(at, actorId, action, entityType, entityId, newChanges);
  }
}
