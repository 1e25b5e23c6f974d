package com.epicevents.crm.persistence.contract;

import com.epicevents.crm.application.contract.PortsUnderTest;
import com.epicevents.crm.persistence.PersistenceAdapters;
import com.epicevents.crm.persistence.testing.TestDatabase;

/** The MyBatis adapters of a test database, as the contract tests see them. */
final class MyBatisPorts {
  private MyBatisPorts() {}

  static PortsUnderTest of(TestDatabase db) {
    PersistenceAdapters a = db.adapters();
    return new PortsUnderTest(a.transactions(), a.collaborators(), a.clients(), a.contracts(), a.events(),
        a.sessions(), a.loginAttempts(), a.auditTrail(), a.idempotency());
  }
}
