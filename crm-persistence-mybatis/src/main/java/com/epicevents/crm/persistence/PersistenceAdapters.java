package com.epicevents.crm.persistence;

import com.epicevents.crm.application.port.out.ApiKeyStore;
import com.epicevents.crm.application.port.out.AuditTrail;
import com.epicevents.crm.application.port.out.ChangeLog;
import com.epicevents.crm.application.port.out.ClientRepository;
import com.epicevents.crm.application.port.out.CollaboratorRepository;
import com.epicevents.crm.application.port.out.ContractRepository;
import com.epicevents.crm.application.port.out.EventRepository;
import com.epicevents.crm.application.port.out.IdempotencyStore;
import com.epicevents.crm.application.port.out.LoginAttemptStore;
import com.epicevents.crm.application.port.out.SessionStore;
import com.epicevents.crm.application.port.out.Transactions;
import com.epicevents.crm.application.port.out.WebhookStore;

/**
 * Every persistence port, sharing one MyBatis session factory: a repository called inside
 * {@code transactions.inTransaction(..)} joins that unit of work. Closing stops what runs in the
 * background (the credential invalidation listener, the write-behind of session last uses).
 */
public record PersistenceAdapters(
    Transactions transactions,
    CollaboratorRepository collaborators,
    ClientRepository clients,
    ContractRepository contracts,
    EventRepository events,
    SessionStore sessions,
    ApiKeyStore apiKeys,
    LoginAttemptStore loginAttempts,
    AuditTrail auditTrail,
    ChangeLog changes,
    WebhookStore webhooks,
    PostgresChangeSignals changeSignals,
    IdempotencyStore idempotency,
    AutoCloseable background) implements AutoCloseable {

  /** Stops the change listener, then what runs in the background for sessions. */
  @Override
  public void close() {
    changeSignals.close();
    try {
      background.close();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the persistence adapters failed", e);
    }
  }
}
