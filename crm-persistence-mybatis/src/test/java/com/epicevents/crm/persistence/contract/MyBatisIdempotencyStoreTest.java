package com.epicevents.crm.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.contract.IdempotencyStoreContract;
import com.epicevents.crm.application.contract.PortsUnderTest;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The IdempotencyStore contract, against MyBatis on PostgreSQL, plus its lock across connections. */
class MyBatisIdempotencyStoreTest extends IdempotencyStoreContract {
  private static TestDatabase db;
  private static PortsUnderTest ports;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
    ports = MyBatisPorts.of(db);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Override
  protected PortsUnderTest ports() {
    return ports;
  }

  @Test
  void whileOneUnitHoldsTheLockOfAKeyAnotherIsRefusedAtOnceAndGetsItAfterTheCommit() throws Exception {
    long owner = newCollaborator(com.epicevents.crm.domain.common.Team.SALES).id().value();
    String key = unique("locked-");
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(() -> {
      boolean got = ports.idempotency().tryLock(owner, key);
      held.countDown();
      await(release);
      return got;
    }));
    assertTrue(held.await(10, TimeUnit.SECONDS));

    boolean whileHeld = ports.transactions().inTransaction(() -> ports.idempotency().tryLock(owner, key));
    boolean otherKey = ports.transactions().inTransaction(() -> ports.idempotency().tryLock(owner, key + "x"));
    release.countDown();
    assertTrue(holder.get(10, TimeUnit.SECONDS));
    boolean afterCommit = ports.transactions().inTransaction(() -> ports.idempotency().tryLock(owner, key));

    assertFalse(whileHeld);
    assertTrue(otherKey);
    assertTrue(afterCommit);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
