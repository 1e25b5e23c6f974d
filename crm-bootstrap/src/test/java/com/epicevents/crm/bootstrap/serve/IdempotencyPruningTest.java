package com.epicevents.crm.bootstrap.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.in.RunIdempotentlyUseCase;
import com.epicevents.crm.application.port.out.ErrorReporter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyPruningTest {

  @Test
  void prunesOnScheduleAndAFailedRoundIsReportedWithoutStoppingTheSchedule() throws Exception {
    AtomicInteger rounds = new AtomicInteger();
    CountDownLatch threeRounds = new CountDownLatch(3);
    List<String> reported = new CopyOnWriteArrayList<>();
    RunIdempotentlyUseCase idempotency = new RunIdempotentlyUseCase() {
      @Override
      public Outcome run(Request request, Work work) {
        throw new UnsupportedOperationException();
      }

      @Override
      public int pruneExpired() {
        threeRounds.countDown();
        if (rounds.incrementAndGet() == 1) {
          throw new IllegalStateException("first round fails");
        }
        return 2;
      }
    };
    ErrorReporter reporter = new ErrorReporter() {
      @Override
      public String reportUnexpected(Throwable error, String useCase, Long actorId) {
        reported.add(useCase + ": " + error.getMessage());
        return "err1";
      }

      @Override
      public void businessEvent(String message, java.util.Map<String, String> tags) {}
    };

    try (IdempotencyPruning pruning = IdempotencyPruning.start(idempotency, reporter, Duration.ofMillis(10),
        Duration.ofMillis(20))) {
      assertTrue(threeRounds.await(5, TimeUnit.SECONDS), "rounds: " + rounds.get());
    }
    int afterClose = rounds.get();
    Thread.sleep(100);

    assertEquals(List.of("PruneIdempotencyRecords: first round fails"), reported);
    assertEquals(afterClose, rounds.get(), "no round after close");
  }
}
