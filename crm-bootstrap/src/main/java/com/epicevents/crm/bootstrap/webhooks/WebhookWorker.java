package com.epicevents.crm.bootstrap.webhooks;

import com.epicevents.crm.application.port.in.DeliverWebhooksUseCase;
import com.epicevents.crm.application.port.out.ChangeSignals;
import com.epicevents.crm.application.port.out.ErrorReporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery worker of {@code crm serve}: a few threads, each claiming and sending due
 * attempts until none is left, then sleeping until the NOTIFY of a queued attempt (a change
 * with no subscriber to tell wakes none of them: under a write load they would otherwise each
 * look at the queue after every write). Retries fall due without a notification: the first thread also looks every
 * {@link #POLL}; the others only when woken, so an idle process asks the database once a second.
 * Several serve processes run their own workers against one database; claims never overlap.
 */
public final class WebhookWorker implements AutoCloseable {
  static final Duration POLL = Duration.ofSeconds(1);
  /** The other threads' safety net should a notification be lost (they are woken by NOTIFY). */
  static final Duration IDLE_POLL = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
  private static final int BATCH = 4;

  private final DeliverWebhooksUseCase delivery;
  private final ChangeSignals signals;
  private final ErrorReporter reporter;
  private final List<Thread> threads = new ArrayList<>();
  private final CompletableFuture<Void> stopping = new CompletableFuture<>();
  private volatile boolean stopped;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private WebhookWorker(DeliverWebhooksUseCase delivery, ChangeSignals signals, ErrorReporter reporter) {
    this.delivery = delivery;
    this.signals = signals;
    this.reporter = reporter;
  }

  /** Starts {@code threads} delivery threads. */
  public static WebhookWorker start(DeliverWebhooksUseCase delivery, ChangeSignals signals, ErrorReporter reporter,
      int threads) {
    WebhookWorker worker = new WebhookWorker(delivery, signals, reporter);
    for (int i = 1; i <= threads; i++) {
      Duration poll = i == 1 ? POLL : IDLE_POLL;
      Thread t = new Thread(() -> worker.run(poll), "crm-webhooks-" + i);
      t.setDaemon(true);
      worker.threads.add(t);
      t.start();
    }
    LOG.info("webhook delivery started ({} threads)", threads);
    return worker;
  }

  private void run(Duration poll) {
    while (!stopped) {
      CompletableFuture<Void> wakeUp = signals.nextQueuedDelivery(); // before looking: none is missed
      try {
        while (!stopped && delivery.deliverDue(BATCH) > 0) {
          // keep going while there is work
        }
      } catch (RuntimeException e) {
        if (!stopped) { // while stopping, the database may already be going away
          String errorId = reporter.reportUnexpected(e, "DeliverWebhooks", null);
          LOG.warn("webhook delivery: a step failed (reported as {}); trying again shortly", errorId);
        }
      }
      try {
        CompletableFuture.anyOf(wakeUp, stopping).get(poll.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
        // poll again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        wakeUp.cancel(false); // the signals forget a cancelled waiter
      }
    }
  }

  /** Stops taking new attempts, at once, without waiting for those in flight. */
  public void requestStop() {
    stopped = true;
    stopping.complete(null);
  }

  /**
   * Stops taking new attempts and waits for those in flight (each at most the sender's 10 s
   * timeout). An attempt cut short stays claimed and is sent again after its lease expires.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    requestStop();
    for (Thread t : threads) {
      try {
        t.join(Duration.ofSeconds(12).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    LOG.info("webhook delivery stopped");
  }
}
