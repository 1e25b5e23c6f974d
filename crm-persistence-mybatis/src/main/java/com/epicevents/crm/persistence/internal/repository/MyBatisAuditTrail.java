package com.epicevents.crm.persistence.internal.repository;

import static com.epicevents.crm.persistence.internal.repository.Times.micros;

import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.application.port.out.AuditRecord;
import com.epicevents.crm.application.port.out.AuditTrail;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.persistence.internal.mapper.AuditMapper;
import com.epicevents.crm.persistence.internal.mapper.AuditRow;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * The append-only, hash-chained audit trail in crm.audit_entries. An append takes a
 * transaction-scoped advisory lock, reads the last hash and inserts, so concurrent writers
 * (threads or processes) queue up instead of forking the chain. The three steps are one call of
 * crm.append_audit_entry (migration V9): the lock is held until COMMIT, and every statement
 * sent while holding it makes every other writer wait longer.
 */
public final class MyBatisAuditTrail implements AuditTrail {
  /** Advisory lock key of the chain ("ECRMAUDT" in ASCII); locks are per database. */
  static final long CHAIN_LOCK = 0x4543524D41554454L;
  private final MyBatisTransactions tx;

  public MyBatisAuditTrail(MyBatisTransactions tx) {
    this.tx = tx;
  }

  @Override
  public void append(AuditEntry entry) {
    Objects.requireNonNull(entry, "entry");
    Instant at = micros(entry.at());
    JsonNode changes = AuditHashing.changesNode(entry.changes());
    String entityType = entry.entityType().name();
    String canonical = AuditHashing.canonical(at, entry.actorId(), entry.action(), entityType, entry.entityId(), changes);
    tx.withMapper(AuditMapper.class, m -> m.append(CHAIN_LOCK, at, entry.actorId(), entry.action(), entityType,
        entry.entityId(), AuditHashing.toJson(changes), canonical));
  }

  @Override
  public Page<AuditRecord> list(AuditFilter filter, PageRequest page) {
    AuditFilter f = filter == null ? AuditFilter.ALL : filter;
    String entityType = f.entityType() == null ? null : f.entityType().name();
    var rows = tx.withMapper(AuditMapper.class,
        m -> m.list(entityType, f.entityId(), f.actorId(), page.after(), page.limit() + 1));
    return Page.fromRows(rows, page.limit(), AuditRow::id).map(MyBatisAuditTrail::toRecord);
  }

  private static AuditRecord toRecord(AuditRow r) {
    AuditEntry entry = new AuditEntry(r.at(), r.actorId(), r.action(), EntityType.valueOf(r.entityType()),
        r.entityId(), AuditHashing.changesOf(AuditHashing.parse(r.changes())));
    return new AuditRecord(r.id(), entry);
  }
}
