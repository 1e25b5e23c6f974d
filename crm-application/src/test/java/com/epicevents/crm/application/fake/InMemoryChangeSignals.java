package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.ChangeSignals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Signals waiters after a change committed, on another thread (as NOTIFY does). */
public final class InMemoryChangeSignals implements ChangeSignals {
  private final List<CompletableFuture<Void>> waiting = new ArrayList<>();

  @Override
  public synchronized CompletableFuture<Void> next() {
    CompletableFuture<Void> signal = new CompletableFuture<>();
    waiting.removeIf(CompletableFuture::isDone);
    waiting.add(signal);
    return signal;
  }

  /** Every signal here may be a queued delivery: a delivery waiter is woken as often as any other. */
  @Override
  public CompletableFuture<Void> nextQueuedDelivery() {
    return next();
  }

  /** Wakes every waiter. */
  public void fire() {
    List<CompletableFuture<Void>> woken;
    synchronized (this) {
      woken = List.copyOf(waiting);
      waiting.clear();
    }
    woken.forEach(f -> CompletableFuture.runAsync(() -> f.complete(null)));
  }
}
