package com.epicevents.crm.application.port.in;

/**
 * Every use case of the CRM, for an adapter to call. Adapters depend on this and on the
 * individual interfaces, never on the services behind them.
 */
public record UseCases(
    LogInUseCase logIn,
    LogOutUseCase logOut,
    ReauthenticateUseCase reauthenticate,
    CurrentSessionUseCase currentSession,
    ChangeOwnPasswordUseCase changeOwnPassword,
    CreateManagerAsAdminUseCase createManagerAsAdmin,
    CreateCollaboratorUseCase createCollaborator,
    UpdateCollaboratorUseCase updateCollaborator,
    ResetPasswordUseCase resetPassword,
    DeactivateCollaboratorUseCase deactivateCollaborator,
    ReactivateCollaboratorUseCase reactivateCollaborator,
    ViewCollaboratorsUseCase collaborators,
    CreateClientUseCase createClient,
    UpdateClientUseCase updateClient,
    ReassignClientUseCase reassignClient,
    ViewClientsUseCase clients,
    CreateContractUseCase createContract,
    UpdateContractUseCase updateContract,
    ViewContractsUseCase contracts,
    CreateEventUseCase createEvent,
    UpdateEventUseCase updateEvent,
    AssignEventSupportUseCase assignEventSupport,
    ViewEventsUseCase events,
    ViewAuditTrailUseCase auditTrail,
    ViewChangesUseCase changes,
    ManageWebhooksUseCase webhooks,
    ManageApiKeysUseCase apiKeys,
    DeliverWebhooksUseCase webhookDelivery,
    CheckTeamAccessUseCase checkTeamAccess,
    RunIdempotentlyUseCase runIdempotently) {}
