package com.epicevents.crm.persistence.internal.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.epicevents.crm.application.port.out.Session;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.CompanyName;
import com.epicevents.crm.domain.common.Money;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.DatabaseUnavailable;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventDetails;
import com.epicevents.crm.domain.event.Schedule;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.PersistenceAdapters;
import com.epicevents.crm.persistence.PersistenceFailure;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What the database refuses reaches callers as the domain's errors, naming the field, and
 * nothing else ever carries SQL. The records here bypass the domain's own checks on purpose
 * (canonical constructors), as a buggy caller could.
 */
class ErrorTranslationTest {
  private static final Instant NOW = Instant.parse("2031-01-02T03:04:05.678901Z");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static TestDatabase db;
  private static PersistenceAdapters ports;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
    ports = db.adapters();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  void aDueAboveTheTotalIsAFieldErrorOnAmountDue() {
    Contract overdue = new Contract(null, client().id(), Money.of("10.00"), Money.of("10.01"), false, null, NOW, NOW, 0);

    ValidationFailed refused = assertThrows(ValidationFailed.class, () -> ports.contracts().insert(overdue));

    assertEquals(List.of(new FieldError("amountDue", "must be between 0 and the total amount")), refused.errors());
  }

  @Test
  void aReferenceToNoRecordIsAFieldErrorOnThatReference() {
    Collaborator ghost = collaborator(Team.SALES).stored(CollaboratorId.of(987_654_321L), 1, NOW);
    Client orphan = new Client(null, new PersonName("Orphan"), null, new Phone("0102030405"),
        new CompanyName("Nowhere"), NOW, NOW, NOW, ghost.id(), 0);

    ValidationFailed refused = assertThrows(ValidationFailed.class, () -> ports.clients().insert(orphan));
    assertEquals("salesContactId", refused.errors().get(0).field());

    Contract noClient = new Contract(null, ClientId.of(987_654_321L), Money.of("1.00"), Money.of("0.00"), false, null, NOW, NOW, 0);
    assertEquals("clientId", assertThrows(ValidationFailed.class, () -> ports.contracts().insert(noClient)).errors().get(0).field());
  }

  @Test
  void unsigningThroughTheRepositoryIsTheBusinessRuleNamingSigned() {
    Contract signed = ports.contracts().insert(Contract.create(client().id(), Money.of("5.00"), Money.of("5.00"), true, NOW));
    Contract unsigned = new Contract(signed.id(), signed.clientId(), signed.totalAmount(), signed.amountDue(), false,
        null, signed.createdAt(), NOW.plusSeconds(1), signed.version());

    BusinessRuleViolated refused = assertThrows(BusinessRuleViolated.class, () -> ports.contracts().update(unsigned));

    assertEquals("signed", refused.field());
    assertEquals("a signed contract cannot be marked as unsigned", refused.getMessage());
    assertEquals(signed, ports.contracts().findById(signed.id()).orElseThrow());
  }

  @Test
  void movingTheSigningTimeIsTheBusinessRuleNamingSignedAt() {
    Contract signed = ports.contracts().insert(Contract.create(client().id(), Money.of("5.00"), Money.of("5.00"), true, NOW));
    Contract moved = new Contract(signed.id(), signed.clientId(), signed.totalAmount(), signed.amountDue(), true,
        NOW.minusSeconds(3600), signed.createdAt(), NOW.plusSeconds(1), signed.version());

    assertEquals("signedAt", assertThrows(BusinessRuleViolated.class, () -> ports.contracts().update(moved)).field());
  }

  @Test
  void anEventOnAnUnsignedContractIsTheBusinessRuleNamingContractId() {
    Contract unsigned = ports.contracts().insert(Contract.create(client().id(), Money.of("5.00"), Money.of("5.00"), false, NOW));
    Event event = new Event(null, unsigned.id(), new EventDetails(null, "Ana", "Paris", 3, null), Schedule.UNKNOWN,
        null, NOW, NOW, 0);

    BusinessRuleViolated refused = assertThrows(BusinessRuleViolated.class, () -> ports.events().insert(event));

    assertEquals("contractId", refused.field());
    assertEquals("an event can only be created for a signed contract", refused.getMessage());
  }

  @Test
  void aBadSessionValueIsAFieldErrorNotASqlError() {
    Session notHex = new Session(0, "not a sha-256", collaborator(Team.SALES).id(), SessionKind.API, NOW, NOW, NOW, null, false);

    assertEquals("tokenHash", assertThrows(ValidationFailed.class, () -> ports.sessions().create(notHex)).errors().get(0).field());
  }

  @Test
  void lookupsForValuesNoRecordCanHoldFindNothingInsteadOfFailing() {
    assertEquals(java.util.Optional.empty(), ports.collaborators().findByUsername("nul\u0000name"));
    assertEquals(java.util.Optional.empty(), ports.collaborators().findByUsername("x".repeat(500)));
    assertEquals(List.of(), ports.clients().list(new com.epicevents.crm.application.port.out.ClientFilter(null, "a\u0000b"),
        com.epicevents.crm.application.port.out.PageRequest.firstDefault()).items());
    ports.transactions().run(() -> ports.loginAttempts().save("nul\u0000name" + "y".repeat(300),
        new com.epicevents.crm.application.port.out.LoginAttempts(1, NOW, null)));
    assertEquals(1, ports.transactions().inTransaction(
        () -> ports.loginAttempts().find("nul\u0000name" + "y".repeat(300))).consecutiveFailures());
  }

  @Test
  void aRoleWithoutPrivilegesGetsAFailureThatQuotesNoSql() throws Exception {
    String role = db.appRole() + "_bare";
    execute("CREATE ROLE " + role + " LOGIN PASSWORD 'bare-password'");
    try (var bare = CrmDatabase.pooledDataSource(db.jdbcUrl(), role, "bare-password", 1)) {
      PersistenceFailure failure = assertThrows(PersistenceFailure.class,
          () -> CrmDatabase.adapters(bare).collaborators().findByUsername("anyone"));

      assertEquals("42501", failure.sqlState());
      assertNoSql(failure);
    } finally {
      execute("DROP ROLE " + role);
    }
  }

  @Test
  void anUnreachableServerIsACrmExceptionThatSaysSo() {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setURL("jdbc:postgresql://127.0.0.1:1/crm");
    nowhere.setUser("nobody");
    nowhere.setPassword("secret-password");
    nowhere.setConnectTimeout(2);

    DatabaseUnavailable failure = assertThrows(DatabaseUnavailable.class,
        () -> CrmDatabase.adapters(nowhere).clients().findById(ClientId.of(1)));

    assertEquals("the database is unavailable (SQLSTATE 08001): nothing was changed; try again once it is reachable",
        failure.getMessage());
    assertNull(failure.getCause(), "the driver's exception (host, user) is not passed on");
  }

  private static void assertNoSql(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      for (String sql : List.of("select", "crm.", "collaborators", "where", "anyone")) {
        assertFalse(message.contains(sql), "message mentions '" + sql + "': " + t.getMessage());
      }
    }
  }

  private static void execute(String sql) throws Exception {
    try (var c = db.ownerDataSource().getConnection(); var s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static Collaborator collaborator(Team team) {
    String username = "err" + SEQUENCE.incrementAndGet();
    return ports.collaborators().insert(Collaborator.create(new Username(username), new PersonName("P " + username),
        null, new Phone("0102030405"), team, "hash", NOW));
  }

  private static Client client() {
    return ports.clients().insert(Client.create(new PersonName("Client"), null, new Phone("0102030405"),
        new CompanyName("Company"), NOW, collaborator(Team.SALES), NOW));
  }
}
