package com.epicevents.crm.persistence.schema;

import static com.epicevents.crm.persistence.schema.Sql.execute;
import static com.epicevents.crm.persistence.schema.Sql.refusal;
import static com.epicevents.crm.persistence.schema.Sql.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The invariants the database keeps by itself, proven with direct SQL as the application role
 * (and, for the triggers behind the missing privileges, as the owner).
 */
class SchemaGuardsTest {
  private static final String CHECK_VIOLATION = "23514";
  private static final String PERMISSION_DENIED = "42501";
  private static final String INSUFFICIENT_PRIVILEGE_OR_NOT_OWNER = "42501";
  private static final String RULE_REFUSED = "EC001";

  private static TestDatabase db;
  private static Fixtures fixtures;
  private static DataSource app;
  private static DataSource owner;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
    fixtures = new Fixtures(db.adapters());
    app = db.appDataSource();
    owner = db.ownerDataSource();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  void unsigningASignedContractIsRefusedAndChangesNothing() throws SQLException {
    Contract signed = fixtures.contract(true);

    assertEquals(RULE_REFUSED, refusal(app,
        "UPDATE crm.contracts SET signed = false, signed_at = NULL WHERE id = ?", signed.id().value()));
    assertEquals(RULE_REFUSED, refusal(app, "UPDATE crm.contracts SET signed = false WHERE id = ?", signed.id().value()));
    assertEquals(true, scalar(app, "SELECT signed FROM crm.contracts WHERE id = ?", signed.id().value()));
  }

  @Test
  void theSigningTimeOfASignedContractCannotChange() throws SQLException {
    Contract signed = fixtures.contract(true);

    assertEquals(RULE_REFUSED, refusal(app, "UPDATE crm.contracts SET signed_at = signed_at + interval '1 day' WHERE id = ?",
        signed.id().value()));
    assertEquals(true, scalar(app, "SELECT signed_at = ? FROM crm.contracts WHERE id = ?",
        OffsetDateTime.ofInstant(signed.signedAt(), ZoneOffset.UTC), signed.id().value()));
  }

  @Test
  void signingAnUnsignedContractIsAllowedButTheFlagAndTimeGoTogether() throws SQLException {
    long id = fixtures.contract(false).id().value();

    assertEquals(CHECK_VIOLATION, refusal(app, "UPDATE crm.contracts SET signed = true WHERE id = ?", id));
    assertEquals(1, execute(app, "UPDATE crm.contracts SET signed = true, signed_at = now() WHERE id = ?", id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"collaborators", "clients", "contracts", "events", "audit_entries"})
  void theApplicationRoleCannotDeleteFromAnyBusinessTableOrTheAuditTrail(String table) {
    fixtures.event();
    db.adapters().auditTrail().append(com.epicevents.crm.domain.audit.AuditEntry.of(
        Fixtures.NOW, null, "CREATED", com.epicevents.crm.domain.audit.EntityType.EVENT, 1L));

    assertEquals(PERMISSION_DENIED, refusal(app, "DELETE FROM crm." + table));
    assertEquals(PERMISSION_DENIED, refusal(app, "TRUNCATE crm." + table + " CASCADE"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"collaborators", "clients", "contracts", "events", "audit_entries"})
  void evenTheOwnerCannotDeleteOrTruncateRecords(String table) throws SQLException {
    fixtures.event();
    db.adapters().auditTrail().append(com.epicevents.crm.domain.audit.AuditEntry.of(
        Fixtures.NOW, null, "CREATED", com.epicevents.crm.domain.audit.EntityType.EVENT, 1L));
    long before = ((Number) scalar(owner, "SELECT count(*) FROM crm." + table)).longValue();

    // Rows that nothing references, so that only the trigger can be what refuses.
    assertEquals(RULE_REFUSED, refusal(owner, "DELETE FROM crm." + table
        + " WHERE id = (SELECT max(id) FROM crm." + table + ")"));
    assertEquals(RULE_REFUSED, refusal(owner, "TRUNCATE crm." + table + " CASCADE"));
    assertEquals(before, ((Number) scalar(owner, "SELECT count(*) FROM crm." + table)).longValue());
  }

  @Test
  void auditEntriesCannotBeUpdatedEvenByTheOwner() {
    db.adapters().auditTrail().append(com.epicevents.crm.domain.audit.AuditEntry.of(
        Fixtures.NOW, 1L, "UPDATED", com.epicevents.crm.domain.audit.EntityType.CLIENT, 1L));

    assertEquals(PERMISSION_DENIED, refusal(app, "UPDATE crm.audit_entries SET action = 'FORGED'"));
    assertEquals(RULE_REFUSED, refusal(owner, "UPDATE crm.audit_entries SET action = 'FORGED'"));
  }

  @Test
  void amountsMustBeNonNegativeWithTheDueWithinTheTotal() throws SQLException {
    long client = fixtures.client().id().value();
    String insert = "INSERT INTO crm.contracts (client_id, total_amount, amount_due) VALUES (?, ?::numeric, ?::numeric)";

    assertEquals(CHECK_VIOLATION, refusal(app, insert, client, "-1.00", "0.00"));
    assertEquals(CHECK_VIOLATION, refusal(app, insert, client, "100.00", "-0.01"));
    assertEquals(CHECK_VIOLATION, refusal(app, insert, client, "100.00", "100.01"));
    assertEquals(1, execute(app, insert, client, "100.00", "100.00"));

    long existing = fixtures.contract(false).id().value();
    assertEquals(CHECK_VIOLATION, refusal(app, "UPDATE crm.contracts SET amount_due = total_amount + 1 WHERE id = ?", existing));
  }

  @Test
  void anEventCannotEndBeforeItStartsNorHaveAnImpossibleAttendance() {
    Event event = fixtures.event();

    assertEquals(CHECK_VIOLATION, refusal(app, "UPDATE crm.events SET end_at = start_at - interval '1 minute' WHERE id = ?",
        event.id().value()));
    assertEquals(CHECK_VIOLATION, refusal(app, "UPDATE crm.events SET attendees = -1 WHERE id = ?", event.id().value()));
    assertEquals(CHECK_VIOLATION, refusal(app, "UPDATE crm.events SET attendees = 1000001 WHERE id = ?", event.id().value()));
  }

  @Test
  void anEventNeedsASignedContract() {
    long unsigned = fixtures.contract(false).id().value();

    assertEquals(RULE_REFUSED, refusal(app,
        "INSERT INTO crm.events (contract_id, client_contact, location) VALUES (?, 'Ana', 'Paris')", unsigned));
  }

  @Test
  void singleLineTextRefusesControlCharactersWhileFreeTextKeepsThem() throws SQLException {
    Event event = fixtures.event();
    long id = event.id().value();

    for (String bad : new String[] {"Line\nbreak", "Tab\there", "Bell\u0007", "C1\u0085", "Separator\u2028"}) {
      assertEquals(CHECK_VIOLATION, refusal(app, "UPDATE crm.events SET location = ? WHERE id = ?", bad, id));
      assertEquals(CHECK_VIOLATION, refusal(app, "UPDATE crm.events SET name = ? WHERE id = ?", bad, id));
    }
    assertEquals(1, execute(app, "UPDATE crm.events SET client_contact = ?, notes = ? WHERE id = ?",
        "Ana\n06 01 02 03 04\tback door", "line one\r\nline two\u0007", id));
  }

  @Test
  void collaboratorFieldsFollowTheDomainRules() {
    long id = fixtures.collaborator(Team.SUPPORT).id().value();

    assertEquals(CHECK_VIOLATION, refusal(app, "UPDATE crm.collaborators SET username = 'no spaces allowed' WHERE id = ?", id));
    assertEquals(CHECK_VIOLATION, refusal(app, "UPDATE crm.collaborators SET username = 'ab' WHERE id = ?", id));
    assertEquals(CHECK_VIOLATION, refusal(app, "UPDATE crm.collaborators SET team = 'ADMIN' WHERE id = ?", id));
    assertEquals(CHECK_VIOLATION, refusal(app, "UPDATE crm.collaborators SET email = 'not-an-email' WHERE id = ?", id));
    assertEquals(CHECK_VIOLATION, refusal(app, "UPDATE crm.collaborators SET phone = '12' WHERE id = ?", id));
    assertEquals(CHECK_VIOLATION, refusal(app, "UPDATE crm.collaborators SET full_name = '   ' WHERE id = ?", id));
  }

  @Test
  void everyUpdateBumpsTheVersionAndTouchesUpdatedAtUnlessTheWriterSetIt() throws SQLException {
    long id = fixtures.client().id().value();
    Instant chosen = Instant.parse("2031-02-03T04:05:06.123456Z");

    execute(app, "UPDATE crm.clients SET company_name = 'Touched' WHERE id = ?", id);
    assertEquals(2L, scalar(app, "SELECT version FROM crm.clients WHERE id = ?", id));
    assertTrue((Boolean) scalar(app, "SELECT abs(extract(epoch FROM updated_at - now())) < 60 FROM crm.clients WHERE id = ?",
        id), "updated_at was set to the time of the change");

    execute(app, "UPDATE crm.clients SET version = 1, updated_at = ? WHERE id = ?",
        OffsetDateTime.ofInstant(chosen, ZoneOffset.UTC), id);
    assertEquals(3L, scalar(app, "SELECT version FROM crm.clients WHERE id = ?", id));
    assertEquals(true, scalar(app, "SELECT updated_at = ? FROM crm.clients WHERE id = ?",
        OffsetDateTime.ofInstant(chosen, ZoneOffset.UTC), id));
  }

  @Test
  void aRevokedSessionCannotBeReopened() throws SQLException {
    long collaborator = fixtures.collaborator(Team.SALES).id().value();
    execute(app, "INSERT INTO crm.sessions (token_hash, collaborator_id, kind, created_at, last_used_at, absolute_expires_at,"
        + " revoked, revoked_at) VALUES (repeat('a', 64), ?, 'API', now(), now(), now(), true, now())", collaborator);

    assertEquals(RULE_REFUSED, refusal(app,
        "UPDATE crm.sessions SET revoked = false, revoked_at = NULL WHERE token_hash = repeat('a', 64)"));
  }

  @Test
  void theApplicationRoleCannotChangeTheSchema() {
    Map.of(
        "CREATE TABLE crm.intruder (id int)", PERMISSION_DENIED,
        "CREATE TABLE public.intruder (id int)", PERMISSION_DENIED,
        "CREATE SCHEMA intruder", PERMISSION_DENIED,
        "DROP TABLE crm.clients", INSUFFICIENT_PRIVILEGE_OR_NOT_OWNER,
        "DROP TABLE crm.audit_entries", INSUFFICIENT_PRIVILEGE_OR_NOT_OWNER,
        "ALTER TABLE crm.contracts DISABLE TRIGGER contracts_keep_signed", INSUFFICIENT_PRIVILEGE_OR_NOT_OWNER,
        "ALTER TABLE crm.clients ADD COLUMN intruder int", INSUFFICIENT_PRIVILEGE_OR_NOT_OWNER,
        "CREATE FUNCTION crm.intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'", PERMISSION_DENIED,
        "UPDATE crm.crm_schema_history SET success = false", PERMISSION_DENIED)
        .forEach((sql, state) -> assertEquals(state, refusal(app, sql), sql));
  }
}
