package com.epicevents.crm.persistence.demo;

import static com.epicevents.crm.persistence.demo.DemoDataTest.CLOCK;
import static com.epicevents.crm.persistence.demo.DemoDataTest.HASH;
import static com.epicevents.crm.persistence.demo.DemoDataTest.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.application.port.out.AuditRecord;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.persistence.AuditVerification;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.demo.DemoData.LoadReport;
import com.epicevents.crm.persistence.demo.DemoData.Size;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The large set's generator at a hundredth of its size (1k clients, 3k contracts, 10k events):
 * the same COPY path, checked record by record. The full set is the benchmark's (bench/scale.sh).
 */
class DemoDataAtScaleTest {
  private static final Size SIZE = Size.custom(20, 1_000, 3_000, 10_000);
  private static TestDatabase db;
  private static LoadReport report;

  @BeforeAll
  static void loadAfterAnExistingAuditEntry() {
    db = TestDatabase.fresh();
    // the trail already has an entry (a failed login for an unknown name): the load chains onto it
    db.adapters().auditTrail().append(AuditEntry.of(NOW.minusSeconds(60), null, "LOGIN_FAILED", EntityType.SESSION,
        null));
    report = DemoData.load(db.ownerDataSource(), SIZE, HASH, 7, CLOCK);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  void everyTableGetsTheRequestedNumberOfRows() {
    assertEquals(Map.of("collaborators", 20L, "clients", 1_000L, "contracts", 3_000L, "events", 10_000L),
        report.counts());
    Map<String, Long> stored = CrmDatabase.recordCounts(db.appDataSource());
    report.counts().forEach((table, n) -> assertEquals(n, stored.get(table), table));
  }

  @Test
  void everyRecordLoadsThroughTheRepositoriesAndKeepsTheRules() {
    DemoDataset data = DemoDataset.readThrough(db.adapters());

    data.assertConsistent(NOW);
    assertEquals(List.of(20, 1_000, 3_000, 10_000),
        List.of(data.collaborators().size(), data.clients().size(), data.contracts().size(), data.events().size()));
    assertEquals(Map.of(Team.MANAGEMENT, 2L, Team.SALES, 9L, Team.SUPPORT, 9L), data.collaboratorsPerTeam());
    assertTrue(data.contracts(false, false) > 0 && data.contracts(true, true) > 0 && data.contracts(true, false) > 0);
    assertTrue(data.unassignedEvents() > 0);
  }

  @Test
  void theLoadIsChainedAfterTheExistingEntryAndTheTrailVerifies() {
    List<AuditRecord> trail = db.adapters().auditTrail().list(AuditFilter.ALL, PageRequest.first(10)).items();

    assertEquals(List.of("LOGIN_FAILED", DemoData.ACTION), trail.stream().map(r -> r.entry().action()).toList());
    assertEquals(new AuditVerification(true, 2, null, null), CrmDatabase.verifyAudit(db.appDataSource()));
  }

  @Test
  void theTablesAreAnalysedForThePlanner() throws SQLException {
    try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT relname, reltuples::bigint FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'crm' AND c.relname = 'events'")) {
      rs.next();
      assertEquals(10_000L, rs.getLong(2));
    }
  }
}
