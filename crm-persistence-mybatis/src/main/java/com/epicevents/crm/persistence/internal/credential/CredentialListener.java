package com.epicevents.crm.persistence.internal.credential;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on {@link CredentialCache#CHANNEL} over a connection of its own (never one of the pool,
 * which a statement pooler or a pool reset would silently take away) and applies every message to
 * the cache. On every (re)connection it issues {@code LISTEN} and only then trusts the cache,
 * emptied; when the connection fails (the server restarted, the backend was terminated, the
 * network broke) the cache is distrusted at once, so every request reads the database until the
 * listener is back. A connection that stays silent is checked every {@link #PING_EVERY}.
 */
public final class CredentialListener implements AutoCloseable {
  static final Duration PING_EVERY = Duration.ofSeconds(2);
  private static final Duration WAIT = Duration.ofMillis(250);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(CredentialListener.class);

  private final Callable<Connection> connections;
  private final CredentialCache cache;
  private final Thread thread;
  private volatile boolean stopping;
  private volatile int connects;

  /** @param connections opens a new, unpooled connection to the CRM database each time it is called */
  public CredentialListener(Callable<Connection> connections, CredentialCache cache) {
    this.connections = connections;
    this.cache = cache;
    this.thread = new Thread(this::run, "crm-credential-listener");
    this.thread.setDaemon(true);
  }

  public CredentialListener start() {
    thread.start();
    return this;
  }

  /** How many times it has connected and issued LISTEN (for tests and status). */
  public int connects() {
    return connects;
  }

  private void run() {
    long backoff = WAIT.toMillis();
    boolean reported = false;
    while (!stopping) {
      try (Connection connection = connections.call()) {
        listen(connection);
        cache.trust(true, connection.unwrap(PGConnection.class).getBackendPID());
        connects++;
        if (reported) {
          LOG.info("credential invalidations: listening again; cached credentials flushed");
        }
        reported = false;
        backoff = WAIT.toMillis();
        receive(connection);
      } catch (Exception e) {
        cache.trust(false, 0);
        if (stopping) {
          break;
        }
        if (!reported) {
          LOG.warn("credential invalidations: not listening ({}); every request checks the database until "
              + "the listener reconnects", reason(e));
          reported = true;
        }
        sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
      } finally {
        cache.trust(false, 0);
      }
    }
  }

  /** SQLSTATE or kind of failure, never a message (it could quote the connection's settings). */
  private static String reason(Exception e) {
    if (e instanceof SQLException sql) {
      return sql.getSQLState() == null ? "connection failed" : "SQLSTATE " + sql.getSQLState();
    }
    return "unexpected failure";
  }

  private static void listen(Connection connection) throws SQLException {
    connection.setAutoCommit(true);
    try (Statement s = connection.createStatement()) {
      s.execute("LISTEN " + CredentialCache.CHANNEL); // a constant, never input
    }
  }

  private void receive(Connection connection) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    long lastPing = System.nanoTime();
    while (!stopping) {
      PGNotification[] received = pg.getNotifications((int) WAIT.toMillis());
      if (received != null) {
        for (PGNotification n : received) {
          cache.apply(n.getParameter());
        }
      }
      if (System.nanoTime() - lastPing > PING_EVERY.toNanos()) {
        try (Statement s = connection.createStatement()) {
          s.execute("SELECT 1");
        }
        lastPing = System.nanoTime();
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stopping = true;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
