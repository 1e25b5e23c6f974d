package com.epicevents.crm.bootstrap.serve;

import com.epicevents.crm.application.port.in.RunIdempotentlyUseCase;
import com.epicevents.crm.application.port.out.ErrorReporter;
import com.epicevents.crm.domain.error.CrmException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the idempotency records older than the retention, once shortly after {@code crm serve}
 * starts and then every {@link #EVERY}, on one background thread. Several processes may prune
 * at once: each deletes batches of rows the others have not locked. Records past the retention
 * are ignored at lookup anyway, so a late prune only costs space.
 */
final class IdempotencyPruning implements AutoCloseable {
  static final Duration FIRST = Duration.ofMinutes(1);
  static final Duration EVERY = Duration.ofHours(1);
  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyPruning.class);

  private final ScheduledExecutorService scheduler;

  private IdempotencyPruning(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  static IdempotencyPruning start(RunIdempotentlyUseCase idempotency, ErrorReporter reporter) {
    return start(idempotency, reporter, FIRST, EVERY);
  }

  static IdempotencyPruning start(RunIdempotentlyUseCase idempotency, ErrorReporter reporter, Duration first,
      Duration every) {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "crm-idempotency-pruning");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(() -> prune(idempotency, reporter), first.toMillis(), every.toMillis(),
        TimeUnit.MILLISECONDS);
    return new IdempotencyPruning(scheduler);
  }

  private static void prune(RunIdempotentlyUseCase idempotency, ErrorReporter reporter) {
    try {
      int deleted = idempotency.pruneExpired();
      if (deleted > 0) {
        LOG.info("pruned {} expired idempotency records", deleted);
      }
    } catch (CrmException e) {
      // the database is away: the next round tries again
      LOG.warn("pruning idempotency records failed: {}", e.getMessage());
    } catch (RuntimeException e) {
      // never let the schedule die of one failure
      LOG.error("pruning idempotency records failed unexpectedly", e);
      try {
        reporter.reportUnexpected(e, "PruneIdempotencyRecords", null);
      } catch (RuntimeException reportFailed) {
        LOG.error("could not report an unexpected error", reportFailed);
      }
    }
  }

  /** Stops the schedule; a prune in progress finishes its batch (waiting up to 10 s). */
  @Override
  public void close() {
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
