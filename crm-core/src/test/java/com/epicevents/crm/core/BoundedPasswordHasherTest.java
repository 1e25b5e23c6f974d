package com.epicevents.crm.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.PasswordHasher;
import com.epicevents.crm.domain.error.ServiceBusy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** At most `threads` checks run, `queue` more wait, and the next is refused at once with ServiceBusy. */
class BoundedPasswordHasherTest {

  @Test
  void checksBeyondTheThreadsAndTheQueueAreRefusedAtOnceAndTheOthersComplete() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    PasswordHasher slow = new PasswordHasher() {
      @Override
      public String hash(char[] password) {
        return "h";
      }

      @Override
      public boolean verify(char[] password, String encodedHash) {
        started.countDown();
        try {
          return release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }

      @Override
      public boolean needsRehash(String encodedHash) {
        return false;
      }
    };
    try (BoundedPasswordHasher bounded = new BoundedPasswordHasher(slow, 1, 2)) {
      assertDoesNotThrow(bounded::requireCapacity);
      CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> bounded.verify(new char[0], "h"));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      CompletableFuture<Boolean> queued1 = CompletableFuture.supplyAsync(() -> bounded.verify(new char[0], "h"));
      CompletableFuture<Boolean> queued2 = CompletableFuture.supplyAsync(() -> bounded.verify(new char[0], "h"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (bounded.queued() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(1, bounded.active());
      assertEquals(2, bounded.queued());

      long start = System.nanoTime();
      ServiceBusy busy = assertThrows(ServiceBusy.class, () -> bounded.verify(new char[0], "h"));
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "refused at once, not after a wait");
      assertEquals(1, busy.retryAfterSeconds());
      assertThrows(ServiceBusy.class, bounded::requireCapacity);
      assertEquals(2, bounded.refused());

      release.countDown();
      assertTrue(running.get(10, TimeUnit.SECONDS));
      assertTrue(queued1.get(10, TimeUnit.SECONDS));
      assertTrue(queued2.get(10, TimeUnit.SECONDS));
      assertDoesNotThrow(bounded::requireCapacity);
    }
  }

  @Test
  void sizedToTheCoresLeavesOneCoreForEverythingElse() {
    int cores = Runtime.getRuntime().availableProcessors();
    try (BoundedPasswordHasher bounded = BoundedPasswordHasher.sizedToTheCores(new Argon2PasswordHasher())) {
      assertEquals(Math.max(1, cores - 1), bounded.threads());
      assertEquals(4 * bounded.threads(), bounded.queueCapacity());
    }
  }
}
