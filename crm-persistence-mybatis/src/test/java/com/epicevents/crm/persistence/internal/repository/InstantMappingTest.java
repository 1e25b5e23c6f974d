package com.epicevents.crm.persistence.internal.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.application.port.out.AuditRecord;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Instants come back exactly as written, to the microsecond, whatever the JVM's time zone, through
 * pgjdbc's text results (a statement's first executions) and its binary ones (once server-prepared).
 */
class InstantMappingTest {
  private static final List<Instant> WRITTEN = List.of(
      Instant.parse("2031-03-30T01:30:00.123456Z"),   // Europe/Paris springs forward at 01:00 UTC that day
      Instant.parse("2031-10-26T00:59:59.999999Z"),   // and falls back at 01:00 UTC
      Instant.parse("1999-12-31T23:59:59.000001Z"),
      Instant.parse("2031-01-01T00:00:00Z"),
      Instant.parse("2031-07-14T12:34:56.700000Z"));
  private static TestDatabase db;

  @BeforeAll
  static void entries() {
    db = TestDatabase.fresh();
    for (Instant at : WRITTEN) {
      db.adapters().auditTrail().append(new AuditEntry(at, null, "UPDATED", EntityType.CLIENT, 1L, Map.of()));
    }
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void instantsReadBackExactlyInEveryJvmTimeZoneThroughTextAndBinaryResults() {
    TimeZone original = TimeZone.getDefault();
    try {
      for (String zone : List.of("UTC", "Europe/Paris", "Pacific/Chatham", "America/St_Johns", "Asia/Kathmandu")) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        for (int read = 0; read < 25; read++) { // past pgjdbc's prepareThreshold (5): text, then binary results
          List<Instant> back = db.adapters().auditTrail().list(AuditFilter.ALL, PageRequest.first(10)).items().stream()
              .map(AuditRecord::entry).map(AuditEntry::at).toList();
          assertEquals(WRITTEN, back, "JVM zone " + zone + ", read " + read);
        }
      }
    } finally {
      TimeZone.setDefault(original);
    }
  }
}
