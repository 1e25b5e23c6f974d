package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.IdempotencyRecord;
import com.epicevents.crm.application.port.out.IdempotencyStore;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotency records in memory, rolled back with the unit of work they were saved in. Units of
 * this store run one at a time, so the lock of a key is always free to the unit asking for it.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  private final InMemoryStore store;

  InMemoryIdempotencyStore(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public boolean tryLock(long ownerId, String key) {
    if (!store.lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("the lock of an idempotency key is taken inside a unit of work");
    }
    return true;
  }

  @Override
  public Optional<IdempotencyRecord> find(long ownerId, String key, Instant notBefore) {
    return store.locked(() -> Optional.ofNullable(store.idempotency.get(id(ownerId, key)))
        .filter(r -> !r.createdAt().isBefore(notBefore)));
  }

  @Override
  public void save(IdempotencyRecord record) {
    store.locked(() -> store.idempotency.put(id(record.ownerId(), record.key()), record));
  }

  @Override
  public int prune(Instant olderThan, int limit) {
    return store.locked(() -> {
      int deleted = 0;
      Iterator<Map.Entry<String, IdempotencyRecord>> it = store.idempotency.entrySet().iterator();
      while (it.hasNext() && deleted < limit) {
        if (it.next().getValue().createdAt().isBefore(olderThan)) {
          it.remove();
          deleted++;
        }
      }
      return deleted;
    });
  }

  /** How many records are stored (expired ones included). */
  public int count() {
    return store.locked(() -> store.idempotency.size());
  }

  private static String id(long ownerId, String key) {
    return ownerId + "\n" + key;
  }
}
