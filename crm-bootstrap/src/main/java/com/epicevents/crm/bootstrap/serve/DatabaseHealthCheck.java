package com.epicevents.crm.bootstrap.serve;

import com.epicevents.crm.http.HealthCheck;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
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
 *
 * <p>With a HikariCP pool whose connections are all in use (a burst of slow requests) the check
 * does not queue for one: a busy pool is not a database down. It then asks on a connection of its
 * own, opened with the pool's URL and credentials, and reports the pool's saturation apart
 * ({@link #poolSaturated()}: requests are waiting for a connection). Otherwise it borrows from the
 * pool as requests do, so that a connection broken by an outage is found and replaced.
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
  /** The check's own connection (HikariCP pools only); touched by the check's thread only. */
  private Connection own;

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
    int seconds = (int) Math.max(1, timeout.toSeconds());
    if (!(dataSource instanceof HikariDataSource hikari) || !busy(hikari)) {
      closeOwn();
      try (Connection connection = dataSource.getConnection()) {
        return connection.isValid(seconds);
      } catch (SQLException | RuntimeException e) {
        return false;
      }
    }
    try {
      if (own == null || !own.isValid(seconds)) {
        closeOwn();
        own = connect(hikari, seconds);
      }
      return own.isValid(seconds);
    } catch (SQLException | RuntimeException e) {
      closeOwn();
      return false;
    }
  }

  /** Every connection in use, or requests already waiting: borrowing would mean queueing. */
  private static boolean busy(HikariDataSource hikari) {
    HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
    return pool != null && (pool.getThreadsAwaitingConnection() > 0
        || (pool.getIdleConnections() == 0 && pool.getActiveConnections() >= hikari.getMaximumPoolSize()));
  }

  private static Connection connect(HikariDataSource hikari, int seconds) throws SQLException {
    Properties properties = new Properties();
    if (hikari.getUsername() != null) {
      properties.setProperty("user", hikari.getUsername());
    }
    if (hikari.getPassword() != null) {
      properties.setProperty("password", hikari.getPassword());
    }
    properties.setProperty("connectTimeout", Integer.toString(seconds));
    properties.setProperty("socketTimeout", Integer.toString(seconds + 1));
    properties.setProperty("ApplicationName", "crm health check");
    return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
  }

  private void closeOwn() {
    if (own != null) {
      try {
        own.close();
      } catch (SQLException | RuntimeException ignored) {
        // it was broken anyway
      }
      own = null;
    }
  }

  /** True while requests wait for one of the pool's connections (HikariCP pools only). */
  @Override
  public boolean poolSaturated() {
    if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
      return hikari.getHikariPoolMXBean().getThreadsAwaitingConnection() > 0;
    }
    return false;
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeOwn();
  }
}
