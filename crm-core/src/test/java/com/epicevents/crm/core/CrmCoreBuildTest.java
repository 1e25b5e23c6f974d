package com.epicevents.crm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateClientUseCase;
import com.epicevents.crm.application.port.in.CreateCollaboratorUseCase;
import com.epicevents.crm.application.port.in.CreateContractUseCase;
import com.epicevents.crm.application.port.in.CreateEventUseCase;
import com.epicevents.crm.application.port.in.CreateManagerAsAdminUseCase;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.CrmException;
import com.epicevents.crm.domain.error.DatabaseUnavailable;
import com.epicevents.crm.domain.error.SchemaNotReady;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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
  void aCoreWithOneTurnForTheDatabaseStillServesAndANegativeNumberIsRefused() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> CrmCore.builder(db.appDataSource()).databaseConcurrency(-1));
    assertTrue(refused.getMessage().contains("databaseConcurrency"), refused.getMessage());

    try (CrmCore core = CrmCore.builder(db.appDataSource()).databaseConcurrency(1).build()) {
      // with one turn, a creation and then a refused one both complete
      core.useCases().createManagerAsAdmin().execute(CreateManagerAsAdminUseCase.Command.of(
          "turing", "Alan Turing", "+44 20 7946 0003", null, "a long and private passphrase".toCharArray()));
      assertThrows(BusinessRuleViolated.class, () -> core.useCases().createManagerAsAdmin().execute(
          CreateManagerAsAdminUseCase.Command.of("turing", "Alan Again", "+44 20 7946 0004", null,
              "another long private passphrase".toCharArray())));
    }
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

  @Test
  void theCoreWorksOnAHostsOwnDataSourceWhoseSearchPathDoesNotNameTheSchema() {
    PGSimpleDataSource plain = new PGSimpleDataSource(); // no currentSchema: search_path is the server's default
    plain.setURL(db.jdbcUrl());
    plain.setUser(db.appRole());
    plain.setPassword(db.appPassword());
    CrmCore core = CrmCore.builder(plain).build();
    var crm = core.useCases();
    crm.createManagerAsAdmin().execute(CreateManagerAsAdminUseCase.Command.of(
        "plain.boss", "Plain Boss", "+44 20 7946 0003", null, "a long and private passphrase".toCharArray()));
    AuthToken boss = crm.logIn().logIn(new LogInUseCase.Command(
        "plain.boss", "a long and private passphrase".toCharArray(), SessionKind.API)).token();
    crm.createCollaborator().create(boss, CreateCollaboratorUseCase.Command.of(
        "plain.seller", "Plain Seller", null, "0102030407", "SALES", "a seller's long passphrase".toCharArray()));
    AuthToken seller = crm.logIn().logIn(new LogInUseCase.Command(
        "plain.seller", "a seller's long passphrase".toCharArray(), SessionKind.API)).token();
    long clientId = crm.createClient().create(seller, CreateClientUseCase.Command.of(
        "Plain Client", null, "0102030408", "Plain Ltd", null)).client().id().value();
    // contracts and events fire the schema's triggers (derived sales contact, signed-only events)
    ContractView contract = crm.createContract().create(boss, CreateContractUseCase.Command.of(clientId, "10.00", "10.00", true));
    Instant start = Instant.now().plus(Duration.ofDays(3));
    EventView event = crm.createEvent().create(seller, CreateEventUseCase.Command.of(contract.contract().id().value(),
        "Plain party", "Plain Client", start, start.plus(Duration.ofHours(2)), null, "Lyon", 20, null));
    assertEquals(contract.salesContactId(), event.salesContactId());
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
