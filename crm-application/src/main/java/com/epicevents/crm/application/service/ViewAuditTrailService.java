package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ViewAuditTrailUseCase;
import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.application.port.out.AuditRecord;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.EntityType;

final class ViewAuditTrailService implements ViewAuditTrailUseCase {
  private final CorePorts ports;
  private final Guard guard;

  ViewAuditTrailService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public Page<AuditRecord> list(AuthToken token, AuditFilter filter, PageRequest page) {
    return guard.read(() -> {
      Reader who = guard.authenticateToRead(token);
      guard.permit(who, Action.READ_AUDIT, Ownership.NONE, EntityType.SESSION, null);
      return ports.auditTrail().list(filter, page);
    });
  }
}
