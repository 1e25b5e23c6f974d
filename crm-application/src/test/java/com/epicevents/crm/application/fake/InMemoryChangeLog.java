package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.ChangeLog;
import com.epicevents.crm.application.port.out.ChangeRecord;
import com.epicevents.crm.application.port.out.RecordChange;
import com.epicevents.crm.domain.audit.EntityType;
import java.util.List;

/** The change log in memory: announcements join the unit of work; waiters are signalled on commit. */
public final class InMemoryChangeLog implements ChangeLog {
  private final InMemoryStore store;
  private final InMemoryWebhookStore webhooks;
  private final InMemoryChangeSignals signals;

  InMemoryChangeLog(InMemoryStore store, InMemoryWebhookStore webhooks, InMemoryChangeSignals signals) {
    this.store = store;
    this.webhooks = webhooks;
    this.signals = signals;
  }

  @Override
  public void announce(RecordChange change) {
    store.locked(() -> {
      long seq = store.changes.size() + 1L;
      store.changes.add(new ChangeRecord(seq, change.at(), change.entityType(), change.entityId(), change.action(),
          change.version(), change.actorId(), change.changedFields()));
      if (change.eventType() != null) {
        store.webhooks.values().stream()
            .filter(s -> s.active() && s.wants(change.eventType()))
            .toList()
            .forEach(s -> webhooks.queue(s.id(), change.eventType(), change.at(), change.record()));
      }
      store.afterCommit(signals::fire);
      return null;
    });
  }

  @Override
  public List<ChangeRecord> after(long afterSeq, EntityType entityType, int limit) {
    return store.locked(() -> store.changes.stream()
        .filter(c -> c.seq() > afterSeq && (entityType == null || c.entityType() == entityType))
        .limit(limit)
        .toList());
  }

  /** Everything announced so far, in order. */
  public List<ChangeRecord> all() {
    return after(0, null, Integer.MAX_VALUE);
  }
}
