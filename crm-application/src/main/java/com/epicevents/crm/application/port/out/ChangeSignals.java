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
}
