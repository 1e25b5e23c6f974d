package com.epicevents.crm.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LISTEN/NOTIFY wake-ups: every NOTIFY wakes the changes feed; only a queued attempt wakes the delivery workers. */
class PostgresChangeSignalsTest {
  private static TestDatabase db;
  private static PostgresChangeSignals signals;

  @BeforeAll
  static void listen() throws Exception {
    db = TestDatabase.fresh();
    signals = new PostgresChangeSignals(() -> db.appDataSource().getConnection());
    // The listener starts with the first waiter and wakes every waiter once LISTEN is in place.
    signals.next().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    signals.close();
    db.close();
  }

  @Test
  void aChangeWakesTheFeedButNotTheDeliveryWorkers() throws Exception {
    CompletableFuture<Void> feed = signals.next();
    CompletableFuture<Void> delivery = signals.nextQueuedDelivery();

    notifyWith("4711");

    feed.get(10, TimeUnit.SECONDS);
    Thread.sleep(300); // the same NOTIFY had its chance to reach the delivery waiter
    assertFalse(delivery.isDone(), "a change with no subscriber to tell must not wake the delivery workers");
    notifyWith(PostgresChangeSignals.QUEUED_DELIVERY);
    delivery.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aQueuedAttemptWakesBothTheDeliveryWorkersAndTheFeed() throws Exception {
    CompletableFuture<Void> feed = signals.next();
    CompletableFuture<Void> delivery = signals.nextQueuedDelivery();

    notifyWith(PostgresChangeSignals.QUEUED_DELIVERY);

    delivery.get(10, TimeUnit.SECONDS);
    feed.get(10, TimeUnit.SECONDS);
    assertTrue(delivery.isDone() && feed.isDone());
  }

  @Test
  void closingWakesEveryKindOfWaiter() throws Exception {
    PostgresChangeSignals other = new PostgresChangeSignals(() -> db.appDataSource().getConnection());
    CompletableFuture<Void> feed = other.next();
    CompletableFuture<Void> delivery = other.nextQueuedDelivery();

    other.close();

    feed.get(10, TimeUnit.SECONDS);
    delivery.get(10, TimeUnit.SECONDS);
    assertTrue(other.nextQueuedDelivery().isDone(), "after close, a waiter is answered at once");
  }

  private static void notifyWith(String payload) throws SQLException {
    try (Connection c = db.appDataSource().getConnection();
         PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      s.setString(1, PostgresChangeSignals.CHANNEL);
      s.setString(2, payload);
      s.execute();
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }
}
