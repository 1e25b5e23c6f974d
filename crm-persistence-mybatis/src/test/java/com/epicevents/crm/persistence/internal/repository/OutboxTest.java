package com.epicevents.crm.persistence.internal.repository;

import com.epicevents.crm.persistence.SecretBox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.RecordChange;
import com.epicevents.crm.application.port.out.WebhookSubscription;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.PersistenceAdapters;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox joins the change's transaction: nothing of a rolled-back change, everything of a committed one. */
class OutboxTest {
  private static final Instant NOW = Instant.parse("2031-05-06T07:08:09.123456Z");
  private static TestDatabase db;
  private static PersistenceAdapters ports;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
    SecretBox box = new SecretBox(new byte[32]);
    ports = CrmDatabase.adapters(db.appDataSource(),
        (id, type, at, data) -> "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"data\":\"" + data + "\"}", () -> box);
    ports.transactions().inTransaction(() -> ports.webhooks().insert(new WebhookSubscription(0,
        "https://receiver.example/hook", List.of("client.updated"), null, true, "whsec_AAAA", null, null, null, null,
        NOW, NOW, 1)));
  }

  @AfterAll
  static void dropDatabase() {
    ports.changeSignals().close();
    db.close();
  }

  private static RecordChange change(long entityId) {
    return new RecordChange(NOW, 1L, EntityType.CLIENT, entityId, "UPDATED", 2, List.of("email"), "client.updated",
        "client " + entityId);
  }

  private static long count(String table) throws Exception {
    try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM crm." + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aRolledBackChangeIsNeverAnnouncedAndACommittedOneAlwaysIsWithItsWebhookQueued() throws Exception {
    long changes = count("changes");
    long events = count("webhook_events");
    long deliveries = count("webhook_deliveries");
    assertThrows(IllegalStateException.class, () -> ports.transactions().inTransaction(() -> {
      ports.changes().announce(change(41));
      throw new IllegalStateException("the change fails after announcing");
    }));
    assertEquals(changes, count("changes"));
    assertEquals(events, count("webhook_events"));
    assertEquals(deliveries, count("webhook_deliveries"));

    CompletableFuture<Void> signal = ports.changeSignals().next();
    ports.transactions().inTransaction(() -> {
      ports.changes().announce(change(42));
      return null;
    });
    assertEquals(changes + 1, count("changes"));
    assertEquals(events + 1, count("webhook_events"));
    assertEquals(deliveries + 1, count("webhook_deliveries"));
    signal.get(5, TimeUnit.SECONDS); // NOTIFY arrived after the commit
    var due = ports.transactions().inTransaction(() -> ports.webhooks().claimDue(NOW, Duration.ofSeconds(30), 10));
    assertEquals(1, due.size());
    assertTrue(due.get(0).body().contains("client 42"));
    assertEquals("client.updated", due.get(0).eventType());
  }

  @Test
  void aChangeNobodySubscribedToQueuesNoWebhookEvent() throws Exception {
    long events = count("webhook_events");
    ports.transactions().inTransaction(() -> {
      ports.changes().announce(new RecordChange(NOW, 1L, EntityType.EVENT, 7, "CREATED", 1, List.of("name"),
          "event.created", "event 7"));
      return null;
    });
    assertEquals(events, count("webhook_events"));
  }

  @Test
  void aChangeWithASubscriberWakesTheDeliveryWorkersAndOneWithoutWakesOnlyTheFeed() throws Exception {
    CompletableFuture<Void> listening = ports.changeSignals().next(); // starts the listener if no test did
    ports.transactions().run(() -> ports.changes().announce(new RecordChange(NOW, 1L, EntityType.EVENT, 9, "CREATED", 1,
        List.of("name"), "event.created", "event 9")));
    listening.get(5, TimeUnit.SECONDS); // the listener is up: from now on only NOTIFYs wake anyone
    CompletableFuture<Void> feed = ports.changeSignals().next();
    CompletableFuture<Void> workers = ports.changeSignals().nextQueuedDelivery();

    ports.transactions().run(() -> ports.changes().announce(new RecordChange(NOW, 1L, EntityType.EVENT, 8, "CREATED", 1,
        List.of("name"), "event.created", "event 8"))); // nobody subscribed to event.created

    feed.get(5, TimeUnit.SECONDS);
    Thread.sleep(300); // the same NOTIFY had its chance to reach the workers
    assertTrue(!workers.isDone(), "no attempt was queued: the delivery workers sleep on");

    ports.transactions().run(() -> ports.changes().announce(change(44))); // client.updated has a subscriber

    workers.get(5, TimeUnit.SECONDS);
  }

  @Test
  void anAttemptClaimedByOneWorkerIsNotHandedToAnotherUntilItsClaimExpires() {
    ports.transactions().inTransaction(() -> {
      ports.changes().announce(change(43));
      return null;
    });
    Instant later = NOW.plusSeconds(1);
    var first = ports.transactions().inTransaction(() -> ports.webhooks().claimDue(later, Duration.ofSeconds(30), 10));
    var second = ports.transactions().inTransaction(() -> ports.webhooks().claimDue(later, Duration.ofSeconds(30), 10));
    assertTrue(!first.isEmpty());
    assertEquals(0, second.size());
    var afterExpiry = ports.transactions().inTransaction(
        () -> ports.webhooks().claimDue(later.plusSeconds(31), Duration.ofSeconds(30), 10));
    assertTrue(afterExpiry.stream().map(d -> d.deliveryId()).toList()
        .containsAll(first.stream().map(d -> d.deliveryId()).toList()), "a crashed worker's attempts are sent again");
  }
}
