package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.UseCases;

/** Builds every use case over one set of ports: the plain, framework-free way to assemble the core. */
public final class CrmServices {
  private CrmServices() {}

  public static UseCases create(CorePorts ports) {
    SessionServices sessions = new SessionServices(ports);
    PasswordServices passwords = new PasswordServices(ports);
    CollaboratorStatusServices status = new CollaboratorStatusServices(ports);
    return new UseCases(
        new LogInService(ports),
        sessions,
        sessions,
        sessions,
        passwords,
        new CreateManagerAsAdminService(ports),
        new CreateCollaboratorService(ports),
        new UpdateCollaboratorService(ports),
        passwords,
        status,
        status,
        new ViewCollaboratorsService(ports),
        new CreateClientService(ports),
        new UpdateClientService(ports),
        new ReassignClientService(ports),
        new ViewClientsService(ports),
        new CreateContractService(ports),
        new UpdateContractService(ports),
        new ViewContractsService(ports),
        new CreateEventService(ports),
        new UpdateEventService(ports),
        new AssignEventSupportService(ports),
        new ViewEventsService(ports),
        new ViewAuditTrailService(ports));
  }
}
