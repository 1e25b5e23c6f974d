package com.epicevents.crm.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrmDatabaseTest {
  static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void migrateReportsTheSchemaVersion() {
    assertEquals("3", CrmDatabase.schemaVersion(db.appDataSource()).orElseThrow());
    assertTrue(CrmDatabase.recordCounts(db.appDataSource()).values().stream().allMatch(n -> n == 0));
  }
}
