package com.epicevents.crm.persistence.internal.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.LoginAttempts;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.audit.Changes;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.CompanyName;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.persistence.AuditVerification;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.PersistenceAdapters;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several threads (several connections) on the same records at once. */
class ConcurrencyTest {
  private static final Instant NOW = Instant.parse("2031-01-02T03:04:05.678901Z");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static TestDatabase db;
  private static PersistenceAdapters ports;
  private static ExecutorService threads;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
    ports = db.adapters();
    threads = Executors.newFixedThreadPool(4);
  }

  @AfterAll
  static void dropDatabase() {
    threads.shutdownNow();
    db.close();
  }

  @Test
  void twoSavesOfTheSameVersionAtOnceLetExactlyOneWinAndLoseNothing() throws Exception {
    for (int round = 0; round < 5; round++) {
      Client client = newClient();
      CyclicBarrier bothRead = new CyclicBarrier(2);

      List<Future<Client>> saves = new ArrayList<>();
      for (String company : List.of("Writer A", "Writer B")) {
        saves.add(threads.submit(() -> ports.transactions().inTransaction(() -> {
          Client read = ports.clients().findById(client.id()).orElseThrow();
          await(bothRead);
          return ports.clients().update(read.updateDetails(read.fullName(), read.email(), read.phone(),
              new CompanyName(company), read.lastContactAt(), NOW.plusSeconds(1)));
        })));
      }

      List<Client> winners = new ArrayList<>();
      List<ConcurrentModification> losers = new ArrayList<>();
      for (Future<Client> save : saves) {
        try {
          winners.add(save.get(10, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
          losers.add(assertInstanceOf(ConcurrentModification.class, e.getCause()));
        }
      }
      assertEquals(1, winners.size(), "exactly one save wins");
      assertEquals(1, losers.size(), "the other is told about the conflict");
      Client winner = winners.get(0);
      assertEquals(2, winner.version());
      assertEquals(winner, ports.clients().findById(client.id()).orElseThrow(), "the winner's change is stored");
      assertEquals(winner, ((com.epicevents.crm.application.port.out.ClientView) losers.get(0).current()).client(),
          "the loser sees the values that won");
    }
  }

  @Test
  void aUnitOfWorkChosenAsDeadlockVictimIsRunAgainAndSucceeds() throws Exception {
    ClientId first = newClient().id();
    ClientId second = newClient().id();
    CountDownLatch bothHoldTheirFirstRow = new CountDownLatch(2);
    AtomicInteger attempts = new AtomicInteger();

    Callable<Client> firstThenSecond = () -> lockInOrder(first, second, bothHoldTheirFirstRow, attempts);
    Callable<Client> secondThenFirst = () -> lockInOrder(second, first, bothHoldTheirFirstRow, attempts);
    Future<Client> a = threads.submit(firstThenSecond);
    Future<Client> b = threads.submit(secondThenFirst);
    a.get(20, TimeUnit.SECONDS);
    b.get(20, TimeUnit.SECONDS);

    // at least one retry; on a loaded machine the retried unit may meet the other once more
    assertTrue(attempts.get() >= 3, "two units, a deadlock victim run again: " + attempts.get());
    assertEquals(3, ports.clients().findById(first).orElseThrow().version(), "both units changed the first client");
    assertEquals(3, ports.clients().findById(second).orElseThrow().version(), "both units changed the second client");
  }

  @Test
  void aUnitOfWorkAbortedTooOftenGivesUpWithAConflict() {
    AtomicInteger attempts = new AtomicInteger();

    assertThrows(ConcurrentModification.class, () -> ports.transactions().run(() -> {
      attempts.incrementAndGet();
      ports.collaborators().countActiveManagers(); // real work on the connection
      throw new RetryableConflict("40001");
    }));

    assertEquals(MyBatisTransactions.MAX_ATTEMPTS, attempts.get());
  }

  @Test
  void concurrentFailedLoginsOnOneNameAreAllCounted() throws Exception {
    String key = "target" + SEQUENCE.incrementAndGet();
    int attempts = 12;
    List<Future<?>> logins = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      logins.add(threads.submit(() -> ports.transactions().run(() -> {
        LoginAttempts current = ports.loginAttempts().find(key);
        ports.loginAttempts().save(key, new LoginAttempts(current.consecutiveFailures() + 1, NOW, null));
      })));
    }
    for (Future<?> login : logins) {
      login.get(20, TimeUnit.SECONDS);
    }

    LoginAttempts counted = ports.transactions().inTransaction(() -> ports.loginAttempts().find(key));
    assertEquals(attempts, counted.consecutiveFailures());
  }

  @Test
  void concurrentAppendsKeepOneUnbrokenAuditChain() throws Exception {
    int writers = 4;
    int perWriter = 15;
    long before = CrmDatabase.recordCounts(db.appDataSource()).get("audit_entries");
    CyclicBarrier start = new CyclicBarrier(writers);
    List<Future<?>> appends = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      long actor = w + 1;
      appends.add(threads.submit(() -> {
        await(start);
        for (int i = 0; i < perWriter; i++) {
          long entity = i;
          ports.transactions().run(() -> ports.auditTrail().append(new AuditEntry(Instant.now(), actor, "UPDATED",
              EntityType.CLIENT, entity, new Changes().field("n", entity, entity + 1).toOrderedMap())));
        }
      }));
    }
    for (Future<?> append : appends) {
      append.get(30, TimeUnit.SECONDS);
    }

    AuditVerification verification = CrmDatabase.verifyAudit(db.appDataSource());
    assertTrue(verification.intact(), verification.toString());
    assertEquals(before + writers * perWriter, verification.checked());
  }

  private static Client lockInOrder(ClientId one, ClientId two, CountDownLatch bothHoldTheirFirstRow, AtomicInteger attempts) {
    return ports.transactions().inTransaction(() -> {
      attempts.incrementAndGet();
      rename(one);
      bothHoldTheirFirstRow.countDown();
      try {
        // On the first attempt, wait until the other unit holds its first row: a sure deadlock.
        bothHoldTheirFirstRow.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return rename(two);
    });
  }

  private static Client rename(ClientId id) {
    Client read = ports.clients().findById(id).orElseThrow();
    return ports.clients().update(read.updateDetails(read.fullName(), read.email(), read.phone(),
        new CompanyName("Renamed " + read.version()), read.lastContactAt(), NOW.plusSeconds(read.version())));
  }

  private static Client newClient() {
    String username = "sales" + SEQUENCE.incrementAndGet();
    Collaborator sales = ports.collaborators().insert(Collaborator.create(new Username(username),
        new PersonName("Sales " + username), null, new Phone("0102030405"), Team.SALES, "hash", NOW));
    return ports.clients().insert(Client.create(new PersonName("Client"), null, new Phone("0102030405"),
        new CompanyName("Original"), NOW, sales, NOW));
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
