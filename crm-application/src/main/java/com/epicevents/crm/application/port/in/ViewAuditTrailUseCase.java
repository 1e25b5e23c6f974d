package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.application.port.out.AuditRecord;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;

/** Management reads the audit trail. */
public interface ViewAuditTrailUseCase {
  Page<AuditRecord> list(AuthToken token, AuditFilter filter, PageRequest page);
}
