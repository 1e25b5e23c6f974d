package com.epicevents.crm.persistence.internal.repository;

import com.epicevents.crm.persistence.WebhookBodies;
import static com.epicevents.crm.persistence.internal.repository.Times.micros;

import com.epicevents.crm.application.port.out.ChangeLog;
import com.epicevents.crm.application.port.out.ChangeRecord;
import com.epicevents.crm.application.port.out.RecordChange;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.persistence.PostgresChangeSignals;
import com.epicevents.crm.persistence.internal.mapper.ChangeMapper;
import com.epicevents.crm.persistence.internal.mapper.ChangeRow;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The changes feed (crm.changes) and the webhook outbox (crm.webhook_events and the first
 * attempt of each in crm.webhook_deliveries), written in the caller's transaction.
 *
 * <h2>Why a reader following the cursor never skips a change</h2>
 *
 * <p>A sequence number alone does not give commit order: transaction A may take 7, B take 8,
 * B commit, a reader see 8 and move its cursor past 7 before A commits. Here the number is
 * taken while holding the audit chain's transaction-scoped advisory lock
 * ({@link MyBatisAuditTrail#CHAIN_LOCK}), which every change takes anyway to append its audit
 * entry and which is released only when the transaction ends. So:
 * <ol>
 *   <li>Whoever holds the lock is the only transaction that can hold an uncommitted number; the
 *       next holder takes its numbers (the sequence has {@code CACHE 1}, so numbers are handed
 *       out in call order across sessions) only after the previous holder committed or rolled
 *       back.</li>
 *   <li>PostgreSQL releases a transaction's locks after its commit is visible to new
 *       snapshots. So when a reader's snapshot contains seq n, every number m &lt; n belongs to a
 *       transaction that ended before n's transaction took the lock: m is visible in the same
 *       snapshot, or was rolled back and never will be.</li>
 *   <li>Hence a page {@code seq > cursor ORDER BY seq} never shows n while some m &lt; n is
 *       still to come: a later-committed change always gets a larger number than everything a
 *       reader can already have seen. Gaps in the numbers are rollbacks, never pending
 *       changes.</li>
 * </ol>
 * This holds across processes (the lock and the sequence live in the database) and is proved by
 * {@code ChangeFeedOrderTest} (concurrent writers in several connections, a reader following
 * the cursor). The cost is none beyond the audit chain's existing serialisation: the lock, the
 * numbered insert, the subscribers' count and the feed's NOTIFY are one call of
 * crm.append_change (migration V9), a single round trip inside the locked window.
 */
public final class MyBatisChangeLog implements ChangeLog {
  private final MyBatisTransactions tx;
  private final WebhookBodies bodies;

  public MyBatisChangeLog(MyBatisTransactions tx, WebhookBodies bodies) {
    this.tx = tx;
    this.bodies = Objects.requireNonNull(bodies, "bodies");
  }

  @Override
  public void announce(RecordChange change) {
    Instant at = micros(change.at());
    tx.withMapper(ChangeMapper.class, m -> {
      ChangeRow row = new ChangeRow(null, at, change.entityType().name(), change.entityId(), change.action(),
          change.version(), change.actorId(), String.join(",", change.changedFields()));
      if (m.append(MyBatisAuditTrail.CHAIN_LOCK, row, change.eventType()) == 0) {
        return 0; // nobody to tell by webhook: the feed's NOTIFY is sent
      }
      String eventId = WebhookBodies.newEventId();
      m.insertEvent(eventId, change.eventType(), at, bodies.write(eventId, change.eventType(), at, change.record()));
      m.fanOut(eventId, change.eventType(), at);
      return m.notifyListeners(PostgresChangeSignals.QUEUED_DELIVERY); // wakes the feed and the delivery workers
    });
  }

  @Override
  public List<ChangeRecord> after(long afterSeq, EntityType entityType, int limit) {
    String type = entityType == null ? null : entityType.name();
    return tx.withMapper(ChangeMapper.class, m -> m.after(afterSeq, type, limit)).stream()
        .map(MyBatisChangeLog::toRecord)
        .toList();
  }

  private static ChangeRecord toRecord(ChangeRow r) {
    List<String> fields = r.changedFields() == null || r.changedFields().isEmpty() ? List.of()
        : Arrays.asList(r.changedFields().split(","));
    return new ChangeRecord(r.seq(), r.at(), EntityType.valueOf(r.entityType()), r.entityId(), r.action(),
        r.version(), r.actorId(), fields);
  }
}
