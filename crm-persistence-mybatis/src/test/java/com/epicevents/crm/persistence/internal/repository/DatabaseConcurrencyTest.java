package com.epicevents.crm.persistence.internal.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.PersistenceAdapters;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The adapters built with a database concurrency of 1: units of work take turns, nested ones still run. */
class DatabaseConcurrencyTest {
  private static TestDatabase db;
  private static PersistenceAdapters oneAtATime;

  @BeforeAll
  static void adapters() {
    db = TestDatabase.fresh();
    oneAtATime = CrmDatabase.adapters(db.appDataSource(), CrmDatabase.SCHEMA, CrmDatabase.plainWebhookBodies(),
        () -> {
          throw new IllegalStateException("no webhooks here");
        }, Clock.systemUTC(), 1);
  }

  @AfterAll
  static void close() {
    oneAtATime.close();
    db.close();
  }

  @Test
  void unitsAndLoneStatementsOfSeveralThreadsNeverUseTheDatabaseAtTheSameTime() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(6);
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      boolean unit = i % 2 == 0;
      work.add(threads.submit(() -> {
        Runnable statement = () -> {
          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
          oneAtATime.collaborators().findByUsername("nobody." + Thread.currentThread().getId());
          sleep(3);
          inside.decrementAndGet();
        };
        if (unit) {
          oneAtATime.transactions().run(statement);
        } else {
          ((MyBatisTransactions) oneAtATime.transactions()).withMapper(
              com.epicevents.crm.persistence.internal.mapper.AuditMapper.class, m -> {
                statement.run(); // inside a lone statement's turn: the lambda runs on its connection
                return null;
              });
        }
        return null;
      }));
    }
    for (Future<?> f : work) {
      f.get(60, TimeUnit.SECONDS);
    }
    threads.shutdown();
    assertEquals(1, most.get());
  }

  @Test
  void aUnitOpeningANewTransactionInsideItsTurnCompletesInsteadOfWaitingForItself() throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    Future<String> outcome = thread.submit(() -> oneAtATime.transactions().inTransaction(() -> {
      oneAtATime.collaborators().findByUsername("outer");
      return oneAtATime.transactions().inNewTransaction(() -> {
        oneAtATime.collaborators().findByUsername("inner");
        return "both ran";
      });
    }));

    assertEquals("both ran", outcome.get(20, TimeUnit.SECONDS), "with one turn, a nested unit queueing would wait forever");
    thread.shutdown();
    assertTrue(thread.awaitTermination(5, TimeUnit.SECONDS));
  }

  @Test
  void aReadByKeyDoesNotQueueBehindTheUnitHoldingTheTurnButOtherStatementsDo() throws Exception {
    java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    Future<?> holder = threads.submit(() -> oneAtATime.transactions().run(() -> {
      oneAtATime.collaborators().findByUsername("holder");
      holding.countDown();
      await(release);
    }));
    assertTrue(holding.await(10, TimeUnit.SECONDS));

    Future<?> byKey = threads.submit(() -> oneAtATime.clients().findView(
        new com.epicevents.crm.domain.client.ClientId(4711)));
    Future<?> byName = threads.submit(() -> oneAtATime.collaborators().findByUsername("waits.its.turn"));

    byKey.get(10, TimeUnit.SECONDS); // answered while the only turn is taken
    sleep(300);
    assertTrue(!byName.isDone(), "a statement that is not a read by key waits for the turn");
    release.countDown();
    byName.get(10, TimeUnit.SECONDS);
    holder.get(10, TimeUnit.SECONDS);
    threads.shutdown();
  }

  private static void await(java.util.concurrent.CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
