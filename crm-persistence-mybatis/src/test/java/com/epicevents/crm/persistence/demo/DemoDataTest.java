package com.epicevents.crm.persistence.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.application.port.out.AuditRecord;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.audit.FieldChange;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.CompanyName;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.persistence.AuditVerification;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.PersistenceFailure;
import com.epicevents.crm.persistence.demo.DemoData.LoadReport;
import com.epicevents.crm.persistence.demo.DemoData.Size;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The small demo set: what seed-demo gives someone trying the CRM out. */
class DemoDataTest {
  static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$ZGVtby1zYWx0$ZGVtby1oYXNoLW5vdC1yZWFs";
  static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final long SEED = 42;

  private static TestDatabase db;
  private static LoadReport report;

  @BeforeAll
  static void loadSmall() {
    db = TestDatabase.fresh();
    report = DemoData.load(db.ownerDataSource(), Size.SMALL, HASH, SEED, CLOCK);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  void theSmallSetHasTheDocumentedCounts() {
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("collaborators", 10L);
    expected.put("clients", 30L);
    expected.put("contracts", 60L);
    expected.put("events", 80L);
    assertEquals(expected, report.counts());

    Map<String, Long> stored = CrmDatabase.recordCounts(db.appDataSource());
    expected.forEach((table, n) -> assertEquals(n, stored.get(table), table));
    assertEquals(1L, stored.get("audit_entries"));
    assertTrue(report.elapsed().toNanos() > 0);
  }

  @Test
  void everySmallRecordLoadsThroughTheRepositoriesAndKeepsTheRules() {
    DemoDataset data = DemoDataset.readThrough(db.adapters());

    data.assertConsistent(NOW);
    assertEquals(Map.of(Team.MANAGEMENT, 2L, Team.SALES, 4L, Team.SUPPORT, 4L), data.collaboratorsPerTeam());
    assertEquals(List.of(30, 60, 80), List.of(data.clients().size(), data.contracts().size(), data.events().size()));
  }

  @Test
  void contractsAndEventsCarryTheirClientsSalesContactAndTheCopyTriggersAreBackOn() throws Exception {
    try (java.sql.Connection c = db.ownerDataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
      try (java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM crm.events e"
          + " JOIN crm.contracts k ON k.id = e.contract_id JOIN crm.clients cl ON cl.id = k.client_id"
          + " WHERE e.sales_contact_id IS DISTINCT FROM cl.sales_contact_id"
          + " OR k.sales_contact_id IS DISTINCT FROM cl.sales_contact_id")) {
        rs.next();
        assertEquals(0, rs.getLong(1));
      }
      try (java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_trigger"
          + " WHERE tgname LIKE '%copy_sales_contact' AND tgenabled = 'O'")) {
        rs.next();
        assertEquals(2, rs.getLong(1));
      }
    }
  }

  @Test
  void theSmallSetMixesContractAndEventSituations() {
    DemoDataset data = DemoDataset.readThrough(db.adapters());

    assertTrue(data.contracts(true, true) > 0, "signed and paid");
    assertTrue(data.contracts(true, false) > 0, "signed and owing");
    assertTrue(data.contracts(false, false) > 0, "unsigned");
    assertTrue(data.unassignedEvents() > 0, "events without support");
    long past = data.eventsStarting(false, NOW);
    long future = data.eventsStarting(true, NOW);
    assertTrue(past > 0, "past events");
    assertTrue(future > past, "most events are to come: " + future + " vs " + past);
  }

  @Test
  void demoCollaboratorsLogInByTeamAndNumberWithTheGivenHash() {
    Collaborator manager = db.adapters().collaborators().findByUsername("manager1").orElseThrow();
    Collaborator support = db.adapters().collaborators().findByUsername("support4").orElseThrow();

    assertEquals(Team.MANAGEMENT, manager.team());
    assertEquals(Team.SUPPORT, support.team());
    assertEquals(HASH, manager.passwordHash());
    assertEquals(HASH, support.passwordHash());
    assertTrue(db.adapters().collaborators().findByUsername("support5").isEmpty());
  }

  @Test
  void theLoadIsOneChainedAuditEntryWithItsCounts() {
    List<AuditRecord> trail = db.adapters().auditTrail().list(AuditFilter.ALL, PageRequest.first(10)).items();

    assertEquals(1, trail.size());
    var entry = trail.get(0).entry();
    assertEquals(DemoData.ACTION, entry.action());
    assertEquals(EntityType.SESSION, entry.entityType());
    assertEquals(null, entry.actorId());
    assertEquals(NOW, entry.at());
    assertEquals(new FieldChange("0", "80"), entry.changes().get("events"));
    assertEquals(new FieldChange(null, "small"), entry.changes().get("size"));
    assertEquals(new AuditVerification(true, 1, null, null), CrmDatabase.verifyAudit(db.appDataSource()));
  }

  @Test
  void aSecondLoadIsRefusedAndWritesNothing() {
    Map<String, Long> before = CrmDatabase.recordCounts(db.appDataSource());

    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> DemoData.load(db.ownerDataSource(), Size.SMALL, HASH, SEED + 1, CLOCK));

    assertTrue(refused.getMessage().contains("only loaded into an empty database"), refused.getMessage());
    assertTrue(refused.getMessage().contains("clients"), refused.getMessage());
    assertEquals(before, CrmDatabase.recordCounts(db.appDataSource()));
  }

  @Test
  void aDatabaseWithOnlyAManagerIsNotEmptyEither() {
    try (TestDatabase other = TestDatabase.fresh()) {
      other.adapters().collaborators().insert(Collaborator.create(new Username("boss"), new PersonName("Ada Boss"),
          null, new Phone("0102030405"), Team.MANAGEMENT, HASH, NOW));

      IllegalStateException refused = assertThrows(IllegalStateException.class,
          () -> DemoData.load(other.ownerDataSource(), Size.SMALL, HASH, SEED, CLOCK));

      assertTrue(refused.getMessage().contains("collaborators"), refused.getMessage());
      Map<String, Long> counts = CrmDatabase.recordCounts(other.appDataSource());
      assertEquals(1L, counts.get("collaborators"));
      assertEquals(0L, counts.get("clients"));
      assertEquals(0L, counts.get("audit_entries"));
    }
  }

  @Test
  void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() throws SQLException {
    try (TestDatabase same = TestDatabase.fresh(); TestDatabase other = TestDatabase.fresh()) {
      DemoData.load(same.ownerDataSource(), Size.SMALL, HASH, SEED, CLOCK);
      DemoData.load(other.ownerDataSource(), Size.SMALL, HASH, SEED + 1, CLOCK);

      for (String table : List.of("collaborators", "clients", "contracts", "events")) {
        assertEquals(digest(db.ownerDataSource(), table), digest(same.ownerDataSource(), table), table);
      }
      assertNotEquals(digest(db.ownerDataSource(), "clients"), digest(other.ownerDataSource(), "clients"));
      assertNotEquals(digest(db.ownerDataSource(), "events"), digest(other.ownerDataSource(), "events"));
    }
  }

  @Test
  void theApplicationsNextRecordsFollowTheDemoIds() {
    try (TestDatabase fresh = TestDatabase.fresh()) {
      DemoData.load(fresh.ownerDataSource(), Size.SMALL, HASH, SEED, CLOCK);
      Collaborator sales = fresh.adapters().collaborators().findByUsername("sales1").orElseThrow();

      Client created = fresh.adapters().clients().insert(Client.create(new PersonName("New Client"),
          Email.optional("new@client.example"), new Phone("0102030405"), new CompanyName("New Co"), null, sales,
          NOW));

      assertEquals(Size.SMALL.clients() + 1L, created.id().value());
    }
  }

  @Test
  void anUnmigratedDatabaseIsReportedAsSuch() {
    try (TestDatabase bare = TestDatabase.fresh()) {
      CrmDatabase.wipe(bare.ownerDataSource());

      PersistenceFailure failure = assertThrows(PersistenceFailure.class,
          () -> DemoData.load(bare.ownerDataSource(), Size.SMALL, HASH, SEED, CLOCK));

      assertTrue(failure.getMessage().contains("not migrated"), failure.getMessage());
    }
  }

  @Test
  void sizesAreCheckedAndNamed() {
    assertEquals(Size.LARGE, Size.parse(" Large "));
    assertEquals(Size.SMALL, Size.parse("small"));
    assertThrows(IllegalArgumentException.class, () -> Size.parse("huge"));
    assertEquals(50, Size.LARGE.collaborators());
    assertEquals(List.of(100_000, 300_000, 1_000_000),
        List.of(Size.LARGE.clients(), Size.LARGE.contracts(), Size.LARGE.events()));
    Size custom = Size.custom(20, 1, 2, 3);
    assertEquals(List.of(2, 9, 9), List.of(custom.managers(), custom.sales(), custom.support()));
    assertThrows(IllegalArgumentException.class, () -> Size.custom(2, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Size.custom(10, 0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> Size.custom(10, 1, 0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> DemoData.load(db.ownerDataSource(), Size.SMALL, " ", SEED, CLOCK));
  }

  /** Every column of every row, in id order. */
  private static String digest(DataSource owner, String table) throws SQLException {
    try (Connection c = owner.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) FROM crm." + table + " t")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
