package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.out.ApiKeyStore;
import com.epicevents.crm.application.port.out.AuditTrail;
import com.epicevents.crm.application.port.out.ChangeLog;
import com.epicevents.crm.application.port.out.ChangeSignals;
import com.epicevents.crm.application.port.out.HostResolver;
import com.epicevents.crm.application.port.out.IdempotencyStore;
import com.epicevents.crm.application.port.out.ClientRepository;
import com.epicevents.crm.application.port.out.CollaboratorRepository;
import com.epicevents.crm.application.port.out.ContractRepository;
import com.epicevents.crm.application.port.out.ErrorReporter;
import com.epicevents.crm.application.port.out.EventRepository;
import com.epicevents.crm.application.port.out.LoginAttemptStore;
import com.epicevents.crm.application.port.out.PasswordHasher;
import com.epicevents.crm.application.port.out.SessionStore;
import com.epicevents.crm.application.port.out.Transactions;
import com.epicevents.crm.application.port.out.WebhookSender;
import com.epicevents.crm.application.port.out.WebhookStore;
import java.time.Clock;
import java.util.Objects;

/** Everything the use cases need from outside the core, plus the security, webhook and idempotency settings. */
public record CorePorts(
    Transactions transactions,
    CollaboratorRepository collaborators,
    ClientRepository clients,
    ContractRepository contracts,
    EventRepository events,
    SessionStore sessions,
    ApiKeyStore apiKeys,
    LoginAttemptStore loginAttempts,
    AuditTrail auditTrail,
    PasswordHasher passwordHasher,
    ErrorReporter errorReporter,
    Clock clock,
    SecuritySettings settings,
    ChangeLog changes,
    ChangeSignals changeSignals,
    WebhookStore webhooks,
    WebhookSender webhookSender,
    HostResolver hostResolver,
    WebhookSettings webhookSettings,
    IdempotencyStore idempotency,
    IdempotencySettings idempotencySettings) {

  public CorePorts {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(collaborators, "collaborators");
    Objects.requireNonNull(clients, "clients");
    Objects.requireNonNull(contracts, "contracts");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(apiKeys, "apiKeys");
    Objects.requireNonNull(loginAttempts, "loginAttempts");
    Objects.requireNonNull(auditTrail, "auditTrail");
    Objects.requireNonNull(passwordHasher, "passwordHasher");
    Objects.requireNonNull(errorReporter, "errorReporter");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(changeSignals, "changeSignals");
    Objects.requireNonNull(webhooks, "webhooks");
    Objects.requireNonNull(webhookSender, "webhookSender");
    Objects.requireNonNull(hostResolver, "hostResolver");
    Objects.requireNonNull(webhookSettings, "webhookSettings");
    Objects.requireNonNull(idempotency, "idempotency");
    Objects.requireNonNull(idempotencySettings, "idempotencySettings");
  }
}
