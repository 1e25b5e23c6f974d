package com.epicevents.crm.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the outcomes of requests sent with an idempotency key are kept, shared by every process.
 * {@link #tryLock}, {@link #find} and {@link #save} join the caller's unit of work, so that a
 * record commits (or rolls back) with the change it belongs to.
 */
public interface IdempotencyStore {
  /**
   * Takes the lock of (owner, key) for the rest of the current unit of work, without waiting.
   * Must be called inside a unit of work.
   *
   * @return false when another unit of work holds it (the same request is in flight)
   */
  boolean tryLock(long ownerId, String key);

  /** The record of (owner, key) created at or after {@code notBefore}; an older one counts as absent. */
  Optional<IdempotencyRecord> find(long ownerId, String key, Instant notBefore);

  /** Stores the record, replacing an expired one of the same owner and key. */
  void save(IdempotencyRecord record);

  /** Deletes at most {@code limit} records created before {@code olderThan}; returns how many it deleted. */
  int prune(Instant olderThan, int limit);
}
