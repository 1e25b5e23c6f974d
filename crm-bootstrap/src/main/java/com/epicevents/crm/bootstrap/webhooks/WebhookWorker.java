package com.epicevents.crm.bootstrap.webhooks;

import com.epicevents.crm.application.port.in.DeliverWebhooksUseCase;
import com.epicevents.crm.application.port.out.ChangeSignals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery worker of {@code crm serve}: a few threads, each claiming and sending due
 * attempts until none is left, then sleeping until a NOTIFY (a change or a queued attempt
 * committed) or {@link #POLL} passes (retries fall due without a notification). Several serve
 * processes run their own workers against one database; claims never overlap.
 */
public final class WebhookWorker implements AutoCloseable {
  static final Duration POLL = Duration.ofSeconds(1);
  private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
  private static final int BATCH = 4;

  private final DeliverWebhooksUseCase delivery;
  private final ChangeSignals signals;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopped;

  private WebhookWorker(DeliverWebhooksUseCase delivery, ChangeSignals signals) {
    this.delivery = delivery;
    this.signals = signals;
  }

  /** Starts {@code threads} delivery threads. */
  public static WebhookWorker start(DeliverWebhooksUseCase delivery, ChangeSignals signals, int threads) {
    WebhookWorker worker = new WebhookWorker(delivery, signals);
    for (int i = 1; i <= threads; i++) {
      Thread t = new Thread(worker::run, "crm-webhooks-" + i);
      t.setDaemon(true);
      worker.threads.add(t);
      t.start();
    }
    LOG.info("webhook delivery started ({} threads)", threads);
    return worker;
  }

  private void run() {
    while (!stopped) {
      CompletableFuture<Void> wakeUp = signals.next(); // before looking, so no notification is missed
      try {
        while (!stopped && delivery.deliverDue(BATCH) > 0) {
          // keep going while there is work
        }
      } catch (RuntimeException e) {
        LOG.warn("webhook delivery: a step failed ({}); trying again shortly", e.getClass().getSimpleName());
      }
      try {
        wakeUp.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
        wakeUp.cancel(false); // poll again; the signals forget a cancelled waiter
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Stops taking new attempts and waits for those in flight (each at most the sender's 10 s
   * timeout). An attempt cut short stays claimed and is sent again after its lease expires.
   */
  @Override
  public void close() {
    if (stopped) {
      return;
    }
    stopped = true;
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
