package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.audit.AuditEntry;

/** A stored audit entry: its id in the trail and the entry. */
public record AuditRecord(long id, AuditEntry entry) {}
