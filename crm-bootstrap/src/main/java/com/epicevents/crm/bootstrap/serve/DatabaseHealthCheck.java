package com.epicevents.crm.bootstrap.serve;

import com.epicevents.crm.http.HealthCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * "Does the database answer?" for {@code GET /api/v1/health}, within a bounded time. A pool
 * asked for a connection while the database is down waits for its own (long) connection timeout:
 * the check runs on one background thread and the answer is "down" when it has not come back in
 * time. Concurrent health requests share the check in progress, so a dead database never ties up
 * more than that one thread.
 */
public final class DatabaseHealthCheck implements HealthCheck, AutoCloseable {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private final DataSource dataSource;
  private final Duration timeout;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "crm-health-check");
    thread.setDaemon(true);
    return thread;
  });
  private CompletableFuture<Boolean> inFlight;

  public DatabaseHealthCheck(DataSource dataSource, Duration timeout) {
    this.dataSource = dataSource;
    this.timeout = timeout;
  }

  public DatabaseHealthCheck(DataSource dataSource) {
    this(dataSource, DEFAULT_TIMEOUT);
  }

  @Override
  public boolean databaseUp() {
    CompletableFuture<Boolean> check = currentCheck();
    try {
      return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private synchronized CompletableFuture<Boolean> currentCheck() {
    if (inFlight == null || inFlight.isDone()) {
      inFlight = CompletableFuture.supplyAsync(this::ping, executor);
    }
    return inFlight;
  }

  private boolean ping() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid((int) Math.max(1, timeout.toSeconds()));
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
