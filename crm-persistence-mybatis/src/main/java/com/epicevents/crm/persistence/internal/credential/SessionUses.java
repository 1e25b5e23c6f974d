package com.epicevents.crm.persistence.internal.credential;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last use of each session, known at once in this process and written behind: a use waits
 * until its deadline (chosen by the caller so that no other process can find the session idle
 * before the use is stored), then only the latest use of that session is written. One writer
 * thread checks every {@link #TICK}; a failed write is kept and tried again.
 */
public final class SessionUses implements AutoCloseable {
  static final Duration TICK = Duration.ofMillis(200);
  /** Writes this far ahead of a deadline, so that a tick or a slow write does not miss it. */
  static final Duration AHEAD = Duration.ofSeconds(1);
  private static final Logger LOG = LoggerFactory.getLogger(SessionUses.class);

  /** Writes one session's last use (only forwards). */
  public interface Writer {
    void write(long sessionId, Instant at);
  }

  private record Pending(Instant at, Instant storeBy) {
    Pending merge(Pending other) {
      return new Pending(other.at.isAfter(at) ? other.at : at,
          other.storeBy.isBefore(storeBy) ? other.storeBy : storeBy);
    }
  }

  private final Writer writer;
  private final Clock clock;
  private final Cache<Long, Instant> known =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(Duration.ofDays(1)).build();
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher;
  private volatile boolean failing;

  public SessionUses(Writer writer, Clock clock) {
    this.writer = writer;
    this.clock = clock;
    this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "crm-session-uses");
      t.setDaemon(true);
      return t;
    });
    flusher.scheduleWithFixedDelay(this::flushDue, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Records a use at {@code at}, to be stored no later than {@code storeBy}. */
  public void record(long sessionId, Instant at, Instant storeBy) {
    known.asMap().merge(sessionId, at, (a, b) -> a.isAfter(b) ? a : b);
    pending.merge(sessionId, new Pending(at, storeBy), Pending::merge);
  }

  /** The later of {@code stored} and the last use this process knows of. */
  public Instant latest(long sessionId, Instant stored) {
    Instant mine = known.getIfPresent(sessionId);
    return mine != null && mine.isAfter(stored) ? mine : stored;
  }

  /** Writes every use whose deadline is near. */
  public void flushDue() {
    flush(clock.instant().plus(AHEAD));
  }

  /** Writes every pending use now (on close, and for tests). */
  public void flushAll() {
    flush(Instant.MAX);
  }

  private void flush(Instant dueBefore) {
    for (Map.Entry<Long, Pending> entry : pending.entrySet()) {
      if (entry.getValue().storeBy().isAfter(dueBefore)) {
        continue;
      }
      long sessionId = entry.getKey();
      Pending taken = pending.remove(sessionId);
      if (taken == null) {
        continue;
      }
      try {
        writer.write(sessionId, taken.at());
        if (failing) {
          LOG.info("session last-use writes work again");
          failing = false;
        }
      } catch (RuntimeException e) {
        pending.merge(sessionId, taken, Pending::merge);
        if (!failing) {
          LOG.warn("writing session last uses failed; retrying");
          failing = true;
        }
        return;
      }
    }
  }

  /** Uses not written yet (for tests). */
  public int pendingCount() {
    return pending.size();
  }

  @Override
  public void close() {
    flusher.shutdown();
    try {
      flusher.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      flushAll();
    } catch (RuntimeException e) {
      LOG.warn("session last uses not written at close (the database did not answer)");
    }
  }
}
