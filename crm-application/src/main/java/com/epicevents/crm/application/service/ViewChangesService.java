package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ViewChangesUseCase;
import com.epicevents.crm.application.port.out.ChangeRecord;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.audit.EntityType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The changes feed. Any authenticated collaborator may read it (an API key needs the scope
 * {@code changes:read}): it carries field names and versions, never values; the records themselves
 * are read through their own endpoints and permissions.
 *
 * <p>Long polling: the first read runs in a short transaction. When it is empty and the caller
 * asked to wait, the service first subscribes to the next change signal and only then reads
 * again, so a change committed between the two reads is never slept through; each wake-up reads
 * once more in a new short transaction. No connection is held in between.
 */
final class ViewChangesService implements ViewChangesUseCase {
  private final CorePorts ports;
  private final Guard guard;

  public ViewChangesService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public CompletableFuture<ChangesPage> read(AuthToken token, Query query) {
    List<ChangeRecord> first = guard.run(() -> {
      Authenticated who = guard.authenticate(token);
      guard.permitTeam(who, Action.READ_CHANGES, EntityType.SESSION, null);
      return page(query);
    });
    if (!first.isEmpty() || query.waitFor().isZero()) {
      return CompletableFuture.completedFuture(result(first, query));
    }
    // Waiting is real time, not the business clock: a test clock must not stretch a poll.
    Instant deadline = Instant.now().plus(query.waitFor());
    return waitForChanges(query, deadline);
  }

  private CompletableFuture<ChangesPage> waitForChanges(Query query, Instant deadline) {
    CompletableFuture<Void> signal = ports.changeSignals().next();
    // Done before anything could have been notified: the signals are closed (the server is
    // stopping). Answer with what there is rather than looking again in a loop.
    boolean closed = signal.isDone();
    List<ChangeRecord> items = ports.transactions().inTransaction(() -> page(query));
    Duration left = Duration.between(Instant.now(), deadline);
    if (!items.isEmpty() || closed || left.isNegative() || left.isZero()) {
      signal.cancel(false);
      return CompletableFuture.completedFuture(result(items, query));
    }
    return signal
        .completeOnTimeout(null, left.toMillis(), TimeUnit.MILLISECONDS)
        .thenCompose(woken -> {
          if (Instant.now().isBefore(deadline)) {
            return waitForChanges(query, deadline);
          }
          return CompletableFuture.completedFuture(
              result(ports.transactions().inTransaction(() -> page(query)), query));
        });
  }

  private List<ChangeRecord> page(Query query) {
    return ports.changes().after(query.afterSeq(), query.entityType(), query.limit());
  }

  private static ChangesPage result(List<ChangeRecord> items, Query query) {
    long next = items.isEmpty() ? query.afterSeq() : items.get(items.size() - 1).seq();
    return new ChangesPage(items, next);
  }
}
