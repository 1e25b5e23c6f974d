package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.audit.AuditEntry;

/** The append-only audit trail. Appends join the caller's transaction. */
public interface AuditTrail {
  void append(AuditEntry entry);

  Page<AuditRecord> list(AuditFilter filter, PageRequest page);
}
