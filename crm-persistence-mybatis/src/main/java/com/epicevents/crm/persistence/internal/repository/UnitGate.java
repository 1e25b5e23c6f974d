package com.epicevents.crm.persistence.internal.repository;

import com.epicevents.crm.domain.error.DatabaseUnavailable;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many units of work of this process use the database at once. Past that number, a unit
 * waits for its turn in arrival order (a fair semaphore) instead of every request running at
 * once: on a machine whose cores PostgreSQL and the server share, 16 queries started together
 * take turns on the CPU and the unlucky ones finish last several times over, while a short queue
 * served first come, first served lets each finish in about the time of the queue ahead of it.
 * Measured in bench/http-results.md (issue 9): p99 of the event pages 43-53 → 20-23 ms, of the
 * contracts page 27 → 11-15 ms, of PATCH 44 → 37-40 ms; the price is a park and a wake-up per
 * queued unit, which cost the cheapest requests throughput (contracts 2,812 → 2,191-2,351 req/s).
 *
 * <p>A thread already inside a unit (a nested unit on another connection,
 * {@code inNewTransaction}) does not queue again: it could otherwise wait for a turn that only
 * its own outer unit can give back.
 */
final class UnitGate {
  static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private final Semaphore turns;
  private final Duration maxWait;
  private final ThreadLocal<Boolean> inside = new ThreadLocal<>();

  /** @param concurrency units at once; 0 means no limit */
  UnitGate(int concurrency) {
    this(concurrency, MAX_WAIT);
  }

  UnitGate(int concurrency, Duration maxWait) {
    if (concurrency < 0) {
      throw new IllegalArgumentException("database concurrency must be 0 (no limit) or more, got " + concurrency);
    }
    this.turns = concurrency == 0 ? null : new Semaphore(concurrency, true);
    this.maxWait = maxWait;
  }

  /** Waits for a turn (at most {@link #MAX_WAIT}); returns whether one was taken, for {@link #leave}. */
  boolean enter() {
    if (turns == null || inside.get() != null) {
      return false;
    }
    try {
      if (!turns.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new DatabaseUnavailable("the database is busy: no turn came within " + maxWait.toMillis()
            + " ms; nothing was changed; try again shortly");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabaseUnavailable("interrupted while waiting for the database; nothing was changed");
    }
    inside.set(Boolean.TRUE);
    return true;
  }

  void leave(boolean entered) {
    if (entered) {
      inside.remove();
      turns.release();
    }
  }

  /** Units waiting for a turn (an estimate, for tests). */
  int waiting() {
    return turns == null ? 0 : turns.getQueueLength();
  }
}
