package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.RunIdempotentlyUseCase;
import com.epicevents.crm.application.port.out.IdempotencyRecord;
import com.epicevents.crm.application.port.out.IdempotencyStore;
import com.epicevents.crm.application.port.out.RecordedResponse;
import java.time.Instant;
import java.util.Optional;

/**
 * One unit of work holds the lock of (owner, key), looks for a stored outcome, and otherwise runs
 * the request and stores its response: the record commits with the change, or neither does. The
 * request's use case joins this unit (a nested unit of work joins the open one). A refusal rolls
 * the change back; its response is then stored in a unit of its own.
 */
final class RunIdempotentlyService implements RunIdempotentlyUseCase {
  /** Records deleted per statement when pruning, so that no statement runs for long. */
  static final int PRUNE_BATCH = 1000;

  private final CorePorts ports;
  private final Guard guard;

  RunIdempotentlyService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public Outcome run(Request request, Work work) {
    long owner = guard.authenticateToRead(request.token()).actorId();
    IdempotencyStore store = ports.idempotency();
    try {
      return ports.transactions().inTransaction(() -> {
        if (!store.tryLock(owner, request.key())) {
          return new Outcome(Kind.IN_FLIGHT, null);
        }
        Instant now = guard.now();
        Optional<IdempotencyRecord> stored = store.find(owner, request.key(), notBefore(now));
        if (stored.isPresent()) {
          return answer(stored.get(), request);
        }
        RecordedResponse response = work.run();
        store.save(new IdempotencyRecord(owner, request.key(), request.fingerprint(), response, now));
        return new Outcome(Kind.EXECUTED, response);
      });
    } catch (RuntimeException error) {
      Optional<RecordedResponse> refusal = work.refusal(error);
      if (refusal.isEmpty()) {
        throw error;
      }
      return storeRefusal(owner, request, refusal.get());
    }
  }

  /**
   * After the rollback the lock was released: another request with the key may have run and
   * stored meanwhile. Then its record stands and this refusal is only answered, not stored.
   */
  private Outcome storeRefusal(long owner, Request request, RecordedResponse refusal) {
    IdempotencyStore store = ports.idempotency();
    ports.transactions().run(() -> {
      Instant now = guard.now();
      if (store.tryLock(owner, request.key()) && store.find(owner, request.key(), notBefore(now)).isEmpty()) {
        store.save(new IdempotencyRecord(owner, request.key(), request.fingerprint(), refusal, now));
      }
    });
    return new Outcome(Kind.EXECUTED, refusal);
  }

  private static Outcome answer(IdempotencyRecord stored, Request request) {
    return stored.fingerprint().equals(request.fingerprint())
        ? new Outcome(Kind.REPLAYED, stored.response())
        : new Outcome(Kind.KEY_REUSED, null);
  }

  @Override
  public int pruneExpired() {
    Instant olderThan = notBefore(guard.now());
    int total = 0;
    int deleted;
    do {
      deleted = ports.idempotency().prune(olderThan, PRUNE_BATCH);
      total += deleted;
    } while (deleted == PRUNE_BATCH);
    return total;
  }

  private Instant notBefore(Instant now) {
    return now.minus(ports.idempotencySettings().retention());
  }
}
