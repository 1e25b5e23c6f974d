package com.epicevents.crm.persistence.contract;

import com.epicevents.crm.application.contract.AuditTrailContract;
import com.epicevents.crm.application.contract.PortsUnderTest;
import com.epicevents.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The AuditTrail contract, against MyBatis on PostgreSQL (a fresh database for this class). */
class MyBatisAuditTrailTest extends AuditTrailContract {
  private static TestDatabase db;
  private static PortsUnderTest ports;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
    ports = MyBatisPorts.of(db);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Override
  protected PortsUnderTest ports() {
    return ports;
  }
}
