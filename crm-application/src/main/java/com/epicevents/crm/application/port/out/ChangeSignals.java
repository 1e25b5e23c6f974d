package com.epicevents.crm.application.port.out;

import java.util.concurrent.CompletableFuture;

/**
 * Wakes waiters when something may have been committed to the change log or the webhook queue
 * (PostgreSQL LISTEN/NOTIFY in production). A wake-up may be spurious: waiters look again.
 */
public interface ChangeSignals {
  /**
   * Completes at the next signal after this call; never holds a database connection while
   * pending. Once the signals are closed (the process is stopping), returns a completed future.
   */
  CompletableFuture<Void> next();

  /**
   * Completes at the next signal that webhook attempts were queued (not at every change, so
   * that delivery workers do not look at the queue after each write); the same rules as
   * {@link #next()} otherwise, spurious wake-ups included.
   */
  CompletableFuture<Void> nextQueuedDelivery();
}
