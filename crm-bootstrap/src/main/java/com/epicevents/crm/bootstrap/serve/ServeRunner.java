package com.epicevents.crm.bootstrap.serve;

import com.epicevents.crm.application.port.out.ErrorReporter;
import com.epicevents.crm.core.CrmCore;
import com.epicevents.crm.bootstrap.webhooks.WebhookWorker;
import com.epicevents.crm.http.HttpApi;
import com.epicevents.crm.http.HttpSettings;
import com.epicevents.crm.http.RequestObserver;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code crm serve}: the HTTP API, the webhook delivery worker and the hourly pruning of expired
 * idempotency records over a {@link CrmCore}, until
 * the process is told to stop. Stopping (a call to {@link #stop()} or SIGTERM/Ctrl+C through the
 * shutdown hook) runs in this order: the server stops accepting and lets requests in flight
 * finish, the webhook worker finishes the attempts in flight, monitoring sends what it has
 * queued, the core writes the sessions' pending last uses and stops its listeners, then the
 * connection pool closes — so no request or attempt loses its database mid-way.
 *
 * <pre>{@code
 * ServeRunner runner = ServeRunner.start(core, pool, settings);
 * runner.awaitStop();   // returns once stopped (e.g. by SIGTERM)
 * }</pre>
 */
public final class ServeRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServeRunner.class);
  /** Webhook attempts sent at once by one process (each waits at most 10 s for its receiver). */
  static final int WEBHOOK_THREADS = 4;

  private final HttpApi api;
  private final WebhookWorker webhooks;
  private final IdempotencyPruning pruning;
  private final CrmCore core;
  private final DatabaseHealthCheck health;
  private final ErrorReporter reporter;
  private final DataSource pool;
  private final Thread shutdownHook;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final CountDownLatch done = new CountDownLatch(1);

  private ServeRunner(HttpApi api, WebhookWorker webhooks, IdempotencyPruning pruning, CrmCore core,
      DatabaseHealthCheck health, ErrorReporter reporter, DataSource pool) {
    this.api = api;
    this.webhooks = webhooks;
    this.pruning = pruning;
    this.core = core;
    this.health = health;
    this.reporter = reporter;
    this.pool = pool;
    this.shutdownHook = new Thread(this::stop, "crm-serve-shutdown");
  }

  /**
   * Starts serving and installs the shutdown hook.
   *
   * @param core the use cases and the error reporter
   * @param pool the application's connection pool under {@code core}; health checks use it, and
   *     it is closed on stop when it is {@link AutoCloseable} (HikariCP's is)
   */
  public static ServeRunner start(CrmCore core, DataSource pool, HttpSettings settings) {
    return start(core, pool, settings, RequestObserver.NONE);
  }

  /** As {@link #start(CrmCore, DataSource, HttpSettings)}, telling {@code observer} of every request (metrics). */
  public static ServeRunner start(CrmCore core, DataSource pool, HttpSettings settings, RequestObserver observer) {
    Objects.requireNonNull(core, "core");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(settings, "settings");
    DatabaseHealthCheck health = new DatabaseHealthCheck(pool);
    HttpApi api;
    try {
      api = HttpApi.start(core.useCases(), core.errorReporter(), health, settings, observer);
    } catch (RuntimeException e) {
      health.close();
      throw e;
    }
    WebhookWorker webhooks = WebhookWorker.start(core.useCases().webhookDelivery(), core.changeSignals(),
        core.errorReporter(), WEBHOOK_THREADS);
    IdempotencyPruning pruning = IdempotencyPruning.start(core.useCases().runIdempotently(), core.errorReporter());
    ServeRunner runner = new ServeRunner(api, webhooks, pruning, core, health, core.errorReporter(), pool);
    Runtime.getRuntime().addShutdownHook(runner.shutdownHook);
    LOG.info("crm serve: the API is at http://{}:{}/api/v1 (OpenAPI document: /api/v1/openapi.json); "
        + "stop with Ctrl+C or SIGTERM", settings.host(), api.port());
    return runner;
  }

  public int port() {
    return api.port();
  }

  /** Blocks until the runner has stopped. */
  public void awaitStop() throws InterruptedException {
    done.await();
  }

  /** Stops serving (requests in flight finish), flushes monitoring, closes the pool. Idempotent. */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    try {
      LOG.info("crm serve: stopping");
      // First what works in the background, so that nothing new starts on the database.
      webhooks.requestStop();
      core.stopChangeSignals();
      api.stop();
      webhooks.close();
      pruning.close();
      health.close();
      flushMonitoring();
      closeCore();
      closePool();
      LOG.info("crm serve: stopped");
    } finally {
      removeHookUnlessShuttingDown();
      done.countDown();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void flushMonitoring() {
    try {
      reporter.flush();
    } catch (RuntimeException e) {
      LOG.warn("crm serve: monitoring could not be flushed ({})", e.getClass().getSimpleName());
    }
  }

  private void closeCore() {
    try {
      core.close();
    } catch (RuntimeException e) {
      LOG.warn("crm serve: the core did not stop cleanly ({})", e.getClass().getSimpleName());
    }
  }

  private void closePool() {
    if (pool instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("crm serve: the connection pool did not close cleanly ({})", e.getClass().getSimpleName());
      }
    }
  }

  private void removeHookUnlessShuttingDown() {
    if (Thread.currentThread() == shutdownHook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the JVM is exiting: the hook runs (and finds the work done)
    }
  }
}
