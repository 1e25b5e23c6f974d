package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.audit.EntityType;

/** Audit filter; a null field does not filter. */
public record AuditFilter(EntityType entityType, Long entityId, Long actorId) {
  public static final AuditFilter ALL = new AuditFilter(null, null, null);
}
