package com.epicevents.crm.persistence.internal.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.ChangeRecord;
import com.epicevents.crm.application.port.out.RecordChange;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.PersistenceAdapters;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The changes feed under concurrent writers: each writer is a separate set of adapters (its own
 * MyBatis factory, as another process would have) on its own connections; transactions hold
 * their change for a random while before committing or rolling back, so later-started ones
 * often commit first. A reader follows the cursor the whole time.
 */
class ChangeFeedOrderTest {
  private static final int WRITERS = 4;
  private static final int CHANGES_PER_WRITER = 60;
  private static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  void aReaderFollowingTheCursorSeesEveryCommittedChangeOnceInCommitOrderAndNoRolledBackOne() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
    AtomicLong entityIds = new AtomicLong();
    Set<Long> committedEntities = ConcurrentHashMap.newKeySet();
    Set<Long> rolledBackEntities = ConcurrentHashMap.newKeySet();
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        PersistenceAdapters process = CrmDatabase.adapters(db.appDataSource());
        writers.add(threads.submit(() -> {
          for (int i = 0; i < CHANGES_PER_WRITER; i++) {
            long entityId = entityIds.incrementAndGet();
            boolean rollBack = ThreadLocalRandom.current().nextInt(6) == 0;
            try {
              process.transactions().inTransaction(() -> {
                Instant now = Instant.now();
                process.auditTrail().append(AuditEntry.of(now, 1L, "UPDATED", EntityType.CLIENT, entityId));
                process.changes().announce(new RecordChange(now, 1L, EntityType.CLIENT, entityId, "UPDATED", 2,
                    List.of("email"), null, null));
                pause(ThreadLocalRandom.current().nextInt(0, 4));
                if (rollBack) {
                  throw new IllegalStateException("rolled back on purpose");
                }
                return null;
              });
              committedEntities.add(entityId);
            } catch (IllegalStateException expected) {
              rolledBackEntities.add(entityId);
            }
          }
          return null;
        }));
      }
      PersistenceAdapters readerProcess = CrmDatabase.adapters(db.appDataSource());
      Future<List<ChangeRecord>> reader = threads.submit(() -> {
        List<ChangeRecord> seen = new ArrayList<>();
        long cursor = 0;
        while (true) {
          boolean last = !writing.get(); // read once more after the writers stopped
          List<ChangeRecord> page = readerProcess.changes().after(cursor, null, 7);
          for (ChangeRecord item : page) {
            seen.add(item);
            cursor = item.seq();
          }
          if (last && page.isEmpty()) {
            return seen;
          }
        }
      });
      for (Future<?> writer : writers) {
        writer.get(120, TimeUnit.SECONDS);
      }
      writing.set(false);
      List<ChangeRecord> seen = reader.get(60, TimeUnit.SECONDS);

      List<Long> seenEntities = seen.stream().map(ChangeRecord::entityId).toList();
      assertEquals(committedEntities, new HashSet<>(seenEntities), "every committed change reached the reader");
      assertEquals(seenEntities.size(), new HashSet<>(seenEntities).size(), "each change exactly once");
      assertFalse(seenEntities.stream().anyMatch(rolledBackEntities::contains), "no rolled-back change");
      assertTrue(committedEntities.size() > WRITERS * CHANGES_PER_WRITER / 2, "most changes committed");
      assertTrue(!rolledBackEntities.isEmpty(), "some changes rolled back");
      List<Long> seqs = seen.stream().map(ChangeRecord::seq).toList();
      assertEquals(seqs.stream().sorted().toList(), seqs, "in sequence order");
      assertCommitOrderMatchesTheAuditChain(seen);
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * The audit chain is appended in commit order (its lock is held until commit); the feed must
   * list the same entities in the same order.
   */
  private static void assertCommitOrderMatchesTheAuditChain(List<ChangeRecord> seen) {
    List<Long> chainOrder = new ArrayList<>();
    Map<Long, Boolean> wanted = new ConcurrentHashMap<>();
    seen.forEach(c -> wanted.put(c.entityId(), true));
    try (var c = db.appDataSource().getConnection(); var s = c.createStatement();
        var rs = s.executeQuery("SELECT entity_id FROM crm.audit_entries WHERE action = 'UPDATED' ORDER BY id")) {
      while (rs.next()) {
        if (wanted.containsKey(rs.getLong(1))) {
          chainOrder.add(rs.getLong(1));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    assertEquals(chainOrder, seen.stream().map(ChangeRecord::entityId).toList());
  }

  private static void pause(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
