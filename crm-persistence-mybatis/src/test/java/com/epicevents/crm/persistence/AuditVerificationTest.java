package com.epicevents.crm.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.application.port.out.AuditRecord;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.audit.Changes;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.persistence.internal.repository.AuditHashing;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** verifyAudit finds the first entry someone with the owner's powers altered or removed. */
class AuditVerificationTest {
  private TestDatabase db;
  private List<Long> ids;

  @BeforeEach
  void fiveEntries() {
    db = TestDatabase.fresh();
    for (int i = 1; i <= 5; i++) {
      db.adapters().auditTrail().append(new AuditEntry(Instant.parse("2031-01-01T00:00:00.000001Z").plusSeconds(i),
          (long) i, "UPDATED", EntityType.CONTRACT, 40L + i,
          new Changes().field("amountDue", "100.00", "50.00").field("note", null, "é \"quoted\"\n").toOrderedMap()));
    }
    ids = db.adapters().auditTrail().list(AuditFilter.ALL, PageRequest.first(10)).items().stream()
        .map(AuditRecord::id).toList();
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void anUntouchedTrailIsIntact() {
    assertEquals(new AuditVerification(true, 5, null, null), CrmDatabase.verifyAudit(db.appDataSource()));
  }

  @Test
  void hashesComputedByTheDatabaseAreThoseTheJavaDefinitionRecomputesWhateverTheCharacters() {
    // crm.append_audit_entry hashes in SQL (V9); verifyAudit recomputes every hash with AuditHashing.
    String[] values = {"Ünïcödé €", "emoji 🎉 and 中文", "tab\tnew line\ncarriage\r", "quote \" backslash \\",
        "control \u0001\u001f", "", "a,b;c'd", "x".repeat(2000)};
    for (String value : values) {
      db.adapters().transactions().run(() -> db.adapters().auditTrail().append(new AuditEntry(Instant.now(), null,
          "UPDATED", EntityType.CLIENT, 7L, new Changes().field("notes", value, "after " + value).toOrderedMap())));
    }

    assertEquals(new AuditVerification(true, 5 + values.length, null, null),
        CrmDatabase.verifyAudit(db.appDataSource()));
  }

  @Test
  void anEmptyTrailIsIntact() {
    try (TestDatabase empty = TestDatabase.fresh()) {
      assertEquals(new AuditVerification(true, 0, null, null), CrmDatabase.verifyAudit(empty.appDataSource()));
    }
  }

  @Test
  void anEntryAlteredBehindTheTriggersBackIsReported() throws SQLException {
    long altered = ids.get(2);

    asOwnerWithoutGuards("UPDATE crm.audit_entries SET action = 'CREATED' WHERE id = ?", altered);

    AuditVerification verification = CrmDatabase.verifyAudit(db.appDataSource());
    assertFalse(verification.intact());
    assertEquals(altered, verification.firstBadId());
    assertEquals(3, verification.checked());
    assertTrue(verification.reason().contains("hash"), verification.reason());
  }

  @Test
  void alteredChangesAreReportedToo() throws SQLException {
    long altered = ids.get(1);

    asOwnerWithoutGuards("UPDATE crm.audit_entries SET changes = jsonb_set(changes, '{amountDue,to}', '\"0.00\"')"
        + " WHERE id = ?", altered);

    assertEquals(altered, CrmDatabase.verifyAudit(db.appDataSource()).firstBadId());
  }

  @Test
  void aRemovedEntryIsReportedAtTheEntryThatFollowedIt() throws SQLException {
    asOwnerWithoutGuards("DELETE FROM crm.audit_entries WHERE id = ?", ids.get(3));

    AuditVerification verification = CrmDatabase.verifyAudit(db.appDataSource());
    assertFalse(verification.intact());
    assertEquals(ids.get(4), verification.firstBadId());
    assertTrue(verification.reason().contains("prev_hash"), verification.reason());
  }

  @Test
  void aForgeryWithARecomputedHashIsCaughtAtTheNextEntry() throws SQLException {
    // The forger rewrites an entry and recomputes its hash; the next entry still names the old one.
    AuditRecord victim = db.adapters().auditTrail().list(AuditFilter.ALL, new PageRequest(ids.get(2) - 1, 1)).items().get(0);
    AuditEntry e = victim.entry();
    String prev = previousHash(victim.id());
    String forgedHash = AuditHashing.hash(prev, e.at(), e.actorId(), "CREATED", e.entityType().name(), e.entityId(),
        AuditHashing.changesNode(e.changes()));

    asOwnerWithoutGuards("UPDATE crm.audit_entries SET action = 'CREATED', hash = '" + forgedHash + "' WHERE id = ?",
        victim.id());

    AuditVerification verification = CrmDatabase.verifyAudit(db.appDataSource());
    assertEquals(ids.get(3), verification.firstBadId());
    assertTrue(verification.reason().contains("prev_hash"), verification.reason());
  }

  private String previousHash(long id) throws SQLException {
    try (Connection c = db.ownerDataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT prev_hash FROM crm.audit_entries WHERE id = ?")) {
      ps.setLong(1, id);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** The owner can switch the append-only trigger off; that is exactly what the chain is for. */
  private void asOwnerWithoutGuards(String sql, long id) throws SQLException {
    try (Connection c = db.ownerDataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE crm.audit_entries DISABLE TRIGGER audit_entries_append_only");
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, id);
        assertEquals(1, ps.executeUpdate());
      }
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE crm.audit_entries ENABLE TRIGGER audit_entries_append_only");
      }
      c.commit();
    }
  }
}
