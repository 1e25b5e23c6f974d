package com.epicevents.crm.persistence.internal.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.error.DatabaseUnavailable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The database's turns: a bound on units at once, first come first served, no second turn for a nested unit. */
class UnitGateTest {

  @Test
  void neverMoreUnitsAtOnceThanTheConcurrencyAndEveryOneGetsItsTurn() throws Exception {
    UnitGate gate = new UnitGate(3);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(12);
    List<Future<?>> units = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      units.add(threads.submit(() -> {
        boolean entered = gate.enter();
        try {
          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
          Thread.sleep(2);
          inside.decrementAndGet();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          gate.leave(entered);
        }
        return null;
      }));
    }
    for (Future<?> unit : units) {
      unit.get(30, TimeUnit.SECONDS);
    }
    threads.shutdown();
    assertEquals(3, most.get(), "12 threads at once, 3 turns");
  }

  @Test
  void waitingUnitsAreServedInArrivalOrder() throws Exception {
    UnitGate gate = new UnitGate(1);
    boolean held = gate.enter();
    List<Integer> served = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> waiting = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      int arrival = i;
      Thread t = new Thread(() -> {
        boolean entered = gate.enter();
        served.add(arrival);
        gate.leave(entered);
      });
      t.start();
      waiting.add(t);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (gate.waiting() < i && System.nanoTime() < deadline) {
        Thread.onSpinWait(); // the next one arrives only once this one queues
      }
      assertEquals(i, gate.waiting());
    }

    gate.leave(held);

    for (Thread t : waiting) {
      t.join(10_000);
    }
    assertEquals(List.of(1, 2, 3, 4, 5), served);
  }

  @Test
  void aUnitNestedInAnotherOnTheSameThreadDoesNotQueueForASecondTurn() {
    UnitGate gate = new UnitGate(1, Duration.ofMillis(200));
    boolean outer = gate.enter();

    boolean nested = gate.enter(); // with one turn, queueing here would wait for itself

    assertTrue(outer);
    assertFalse(nested, "the nested unit rides on its thread's turn");
    gate.leave(nested);
    gate.leave(outer);
    assertTrue(gate.enter(), "the turn was given back once, by the unit that took it");
  }

  @Test
  void aUnitThatGetsNoTurnInTimeIsRefusedAsTheDatabaseBeingBusy() throws Exception {
    UnitGate gate = new UnitGate(1, Duration.ofMillis(100));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      boolean entered = gate.enter();
      holding.countDown();
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      gate.leave(entered);
    });
    holder.start();
    holding.await();

    DatabaseUnavailable refused = assertThrows(DatabaseUnavailable.class, gate::enter);

    assertTrue(refused.getMessage().startsWith("the database is busy"), refused.getMessage());
    done.countDown();
    holder.join();
    assertTrue(gate.enter(), "the refused unit took nothing");
  }

  @Test
  void noLimitNeverWaits() {
    UnitGate gate = new UnitGate(0);
    for (int i = 0; i < 1000; i++) {
      assertFalse(gate.enter());
    }
    assertEquals(0, gate.waiting());
  }

  @Test
  void aNegativeConcurrencyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new UnitGate(-1));
  }
}
