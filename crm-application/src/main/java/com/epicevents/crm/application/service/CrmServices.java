package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.UseCases;

/** Builds every use case over one set of ports: the plain, framework-free way to assemble the core. */
public final class CrmServices {
  private CrmServices() {}

  public static UseCases create(CorePorts ports) {
    return new UseCases(
        new LogInService(ports),
        new LogOutService(ports),
        new ReauthenticateService(ports),
        new CurrentSessionService(ports),
        new ChangeOwnPasswordService(ports),
        new CreateManagerAsAdminService(ports),
        new CreateCollaboratorService(ports),
        new UpdateCollaboratorService(ports),
        new ResetPasswordService(ports),
        new DeactivateCollaboratorService(ports),
        new ReactivateCollaboratorService(ports),
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
        new ViewAuditTrailService(ports),
        new ViewChangesService(ports),
        new ManageWebhooksService(ports),
        new ManageApiKeysService(ports),
        new DeliverWebhooksService(ports, java.util.concurrent.ThreadLocalRandom::current),
        new CheckTeamAccessService(ports),
        new RunIdempotentlyService(ports));
  }
}
