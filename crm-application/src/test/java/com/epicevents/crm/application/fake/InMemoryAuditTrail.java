package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.application.port.out.AuditRecord;
import com.epicevents.crm.application.port.out.AuditTrail;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.audit.AuditEntry;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

public final class InMemoryAuditTrail implements AuditTrail {
  private final InMemoryStore store;

  InMemoryAuditTrail(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public void append(AuditEntry entry) {
    store.locked(() -> store.audit.add(entry));
  }

  @Override
  public Page<AuditRecord> list(AuditFilter filter, PageRequest page) {
    return store.locked(() -> {
      TreeMap<Long, AuditRecord> records = new TreeMap<>();
      for (int i = 0; i < store.audit.size(); i++) {
        records.put(i + 1L, new AuditRecord(i + 1L, store.audit.get(i)));
      }
      return Paging.page(records, r -> (filter.entityType() == null || r.entry().entityType() == filter.entityType())
              && (filter.entityId() == null || Objects.equals(filter.entityId(), r.entry().entityId()))
              && (filter.actorId() == null || Objects.equals(filter.actorId(), r.entry().actorId())),
          page, AuditRecord::id);
    });
  }

  /** Every entry so far, oldest first. */
  public List<AuditEntry> entries() {
    return store.locked(() -> List.copyOf(store.audit));
  }
}
