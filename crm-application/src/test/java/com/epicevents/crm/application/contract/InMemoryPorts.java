package com.epicevents.crm.application.contract;

import com.epicevents.crm.application.fake.InMemoryStore;

/** The in-memory fakes of one store, as the contract tests see them. */
final class InMemoryPorts {
  private InMemoryPorts() {}

  static PortsUnderTest of(InMemoryStore store) {
    return new PortsUnderTest(store, store.collaborators(), store.clients(), store.contracts(), store.events(),
        store.sessions(), store.loginAttempts(), store.auditTrail(), store.idempotency());
  }
}
