package com.epicevents.crm.persistence;

import com.epicevents.crm.application.port.out.ChangeSignals;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTEN crm_changes on one dedicated connection (opened by {@code connect}, outside the
 * application's pool) for the whole process; every NOTIFY — sent by a change or a queued webhook
 * attempt, delivered by PostgreSQL only once its transaction committed — wakes every waiter of
 * {@link #next()}; only a queued attempt (payload {@value #QUEUED_DELIVERY}) wakes the delivery
 * workers waiting in {@link #nextQueuedDelivery()}.
 * Long-polling requests and the delivery workers wait on a future, never on a connection.
 * When the connection breaks, waiters are woken (they look again) and it reconnects after a
 * second. Self-contained: shares nothing with other listeners of the process.
 */
public final class PostgresChangeSignals implements ChangeSignals, AutoCloseable {
  public static final String CHANNEL = "crm_changes";
  /** The payload of the NOTIFY sent when webhook attempts were queued; a change sends its sequence number. */
  public static final String QUEUED_DELIVERY = "webhook";
  private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeSignals.class);

  /** Opens a new connection (not from the pool). */
  @FunctionalInterface
  public interface Connector {
    Connection open() throws SQLException;
  }

  private final Connector connector;
  private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
  private final List<CompletableFuture<Void>> waitingForDeliveries = new ArrayList<>();
  private final ExecutorService wakeUps = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "crm-change-wakeup");
    t.setDaemon(true);
    return t;
  });
  private Thread listener;
  private volatile boolean closed;

  public PostgresChangeSignals(Connector connector) {
    this.connector = connector;
  }

  @Override
  public CompletableFuture<Void> next() {
    return await(waiting);
  }

  @Override
  public CompletableFuture<Void> nextQueuedDelivery() {
    return await(waitingForDeliveries);
  }

  private CompletableFuture<Void> await(List<CompletableFuture<Void>> list) {
    CompletableFuture<Void> signal = new CompletableFuture<>();
    synchronized (this) {
      if (closed) {
        signal.complete(null);
        return signal;
      }
      startIfNeeded();
      list.removeIf(CompletableFuture::isDone); // timed out or cancelled waiters
      list.add(signal);
    }
    return signal;
  }

  private void startIfNeeded() {
    if (listener == null) {
      listener = new Thread(this::listen, "crm-change-listener");
      listener.setDaemon(true);
      listener.start();
    }
  }

  private void listen() {
    while (!closed) {
      try (Connection c = connector.open()) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        wakeAll(); // anything committed while (re)connecting is looked for again
        while (!closed) {
          PGNotification[] notifications = pg.getNotifications(500);
          if (notifications != null && notifications.length > 0) {
            wake(waiting);
            if (Arrays.stream(notifications).anyMatch(n -> QUEUED_DELIVERY.equals(n.getParameter()))) {
              wake(waitingForDeliveries);
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          return;
        }
        String state = e instanceof SQLException sql ? sql.getSQLState() : null;
        LOG.warn("change listener: the database connection was lost (SQLSTATE {}); reconnecting in 1 s", state);
        wakeAll();
        sleepQuietly();
      }
    }
  }

  private void wakeAll() {
    wake(waiting);
    wake(waitingForDeliveries);
  }

  private void wake(List<CompletableFuture<Void>> list) {
    List<CompletableFuture<Void>> woken;
    synchronized (this) {
      if (list.isEmpty()) {
        return;
      }
      woken = List.copyOf(list);
      list.clear();
    }
    // Off the listener thread: a waiter's continuation (a database read) must not delay the next wake-up.
    wakeUps.execute(() -> woken.forEach(f -> f.complete(null)));
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops listening and wakes every waiter. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      closed = true;
      t = listener;
    }
    wakeAll();
    if (t != null) {
      try {
        t.join(1000); // it sees the flag within one getNotifications timeout
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    wakeUps.shutdown();
  }
}
