package com.epicevents.crm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.in.CreateManagerAsAdminUseCase;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.CrmException;
import com.epicevents.crm.domain.error.DatabaseUnavailable;
import com.epicevents.crm.domain.error.SchemaNotReady;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** What an embedder meets when building the core: every failure is a CrmException saying what to do. */
class CrmCoreBuildTest {
  static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void buildRefusesASchemaThatIsNotMigratedAndSaysWhatToRun() {
    CrmException e = assertThrows(CrmException.class,
        () -> CrmCore.builder(db.appDataSource()).schema("elsewhere").build());
    SchemaNotReady notReady = assertThrows(SchemaNotReady.class, () -> { throw e; });
    assertNull(notReady.found());
    assertEquals(CrmDatabase.requiredSchemaVersion(), notReady.required());
    assertTrue(e.getMessage().contains("CrmDatabase.configure(ownerDataSource).schema(\"elsewhere\").migrate()"),
        e.getMessage());
  }

  @Test
  void buildRefusesASchemaWithPendingMigrations() throws SQLException {
    String required = CrmDatabase.requiredSchemaVersion();
    execute("UPDATE crm.crm_schema_history SET success = false WHERE version = '" + required + "'");
    try {
      SchemaNotReady e = assertThrows(SchemaNotReady.class, () -> CrmCore.builder(db.appDataSource()).build());
      assertTrue(e.getMessage().contains("this CRM needs " + required), e.getMessage());
    } finally {
      execute("UPDATE crm.crm_schema_history SET success = true WHERE version = '" + required + "'");
    }
  }

  @Test
  void buildOnADatabaseThatCannotBeReachedIsDatabaseUnavailable() {
    PGSimpleDataSource down = new PGSimpleDataSource();
    down.setURL("jdbc:postgresql://127.0.0.1:1/crm");
    down.setConnectTimeout(2);
    CrmException e = assertThrows(CrmException.class, () -> CrmCore.builder(down).build());
    assertTrue(e instanceof DatabaseUnavailable, e.getClass().getName());
  }

  @Test
  void aTakenUsernameIsRefusedWithAMessageNamingTheField() {
    CrmCore core = CrmCore.builder(db.appDataSource()).build();
    core.useCases().createManagerAsAdmin().execute(CreateManagerAsAdminUseCase.Command.of(
        "grace", "Grace Hopper", "+44 20 7946 0001", null, "a long and private passphrase".toCharArray()));
    BusinessRuleViolated e = assertThrows(BusinessRuleViolated.class, () ->
        core.useCases().createManagerAsAdmin().execute(CreateManagerAsAdminUseCase.Command.of(
            "grace", "Grace Again", "+44 20 7946 0002", null, "another long private passphrase".toCharArray())));
    assertEquals("username", e.field());
    assertEquals("username is already taken", e.getMessage());
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
