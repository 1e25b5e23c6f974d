package com.epicevents.crm.persistence.internal.repository;

import com.epicevents.crm.application.port.out.Transactions;
import com.epicevents.crm.domain.error.ConcurrentModification;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unit of work is one SqlSession (one connection, one database transaction) bound to the
 * calling thread. A nested {@link #inTransaction} joins the outer unit; a repository called
 * outside any unit runs its one statement alone, in autocommit mode (no BEGIN/COMMIT round
 * trips: the read path is one statement per call). Commit at the end, rollback on any error.
 * When the server aborts the transaction for a deadlock or a serialization failure, the whole
 * unit runs again (up to {@value #MAX_ATTEMPTS} times): the work must therefore read what it
 * changes inside the unit, which is how the use cases are written anyway. At most the configured
 * number of units use the database at once; the others wait their turn ({@link UnitGate}), but
 * for a lone read by primary key ({@link #withMapperByKey}).
 */
public final class MyBatisTransactions implements Transactions {
  static final int MAX_ATTEMPTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(MyBatisTransactions.class);

  private final SqlSessionFactory factory;
  private final ThreadLocal<SqlSession> current = new ThreadLocal<>();
  private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();
  private final UnitGate gate;

  /** Units of work without a limit on how many use the database at once. */
  public MyBatisTransactions(SqlSessionFactory factory) {
    this(factory, 0);
  }

  /**
   * @param concurrency at most this many units of work (transactions or lone statements) use the
   *     database at once, the others waiting in arrival order ({@link UnitGate}); 0 for no limit
   */
  public MyBatisTransactions(SqlSessionFactory factory, int concurrency) {
    this.factory = factory;
    this.gate = new UnitGate(concurrency);
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return runOnce(work);
      } catch (RetryableConflict conflict) {
        if (attempt >= MAX_ATTEMPTS) {
          LOG.warn("unit of work aborted by the database {} times in a row; giving up", attempt);
          throw new ConcurrentModification("record", 0, null);
        }
        LOG.info("unit of work aborted by the database (attempt {}); running it again", attempt);
      }
    }
  }

  /**
   * Sets aside the thread's open unit (its session and its after-commit actions), runs the work
   * as a unit of its own on another connection, then puts the open unit back. The open unit's
   * locks stay held meanwhile: the work must not wait for them.
   */
  @Override
  public <T> T inNewTransaction(Supplier<T> work) {
    SqlSession outer = current.get();
    List<Runnable> outerAfterCommit = afterCommit.get();
    current.remove();
    afterCommit.remove();
    try {
      return inTransaction(work);
    } finally {
      if (outer != null) {
        current.set(outer);
        afterCommit.set(outerAfterCommit);
      }
    }
  }

  /** Whether the calling thread has a unit of work open. */
  boolean inUnit() {
    return current.get() != null;
  }

  /**
   * Runs {@code statement} with a mapper of the current unit of work (or of a short one),
   * translating database errors once.
   */
  <M, T> T withMapper(Class<M> mapperType, Function<M, T> statement) {
    SqlSession session = current.get();
    if (session == null) {
      return alone(mapperType, statement);
    }
    try {
      return statement.apply(session.getMapper(mapperType));
    } catch (RuntimeException e) {
      throw DatabaseErrors.translate(e);
    }
  }

  /**
   * As {@link #withMapper}, for a read of one row by its primary key: outside a unit of work it
   * does not wait for a turn. Such a read costs PostgreSQL some 60 µs, and queueing it cost the
   * record read 12% of its throughput (bench/http-results.md, issue 9: 8,360 req/s unqueued,
   * 7,353 queued, 8,298 with this exemption).
   */
  <M, T> T withMapperByKey(Class<M> mapperType, Function<M, T> statement) {
    return current.get() == null ? runAlone(mapperType, statement) : withMapper(mapperType, statement);
  }

  /**
   * Runs {@code action} once the current unit of work has committed (at once outside any unit);
   * never when it rolls back. Used to drop what this process keeps in memory about a row the
   * unit changed, so that no concurrent reader can put the old state back.
   */
  void afterCommit(Runnable action) {
    List<Runnable> actions = afterCommit.get();
    if (actions == null) {
      action.run();
    } else {
      actions.add(action);
    }
  }

  private <M, T> T alone(Class<M> mapperType, Function<M, T> statement) {
    boolean entered = gate.enter();
    try {
      return runAlone(mapperType, statement);
    } finally {
      gate.leave(entered);
    }
  }

  /** One statement on a connection of its own, in autocommit mode, without waiting for a turn. */
  private <M, T> T runAlone(Class<M> mapperType, Function<M, T> statement) {
    for (int attempt = 1; ; attempt++) {
      try (SqlSession session = factory.openSession(true)) {
        return statement.apply(session.getMapper(mapperType));
      } catch (RuntimeException e) {
        RuntimeException translated = DatabaseErrors.translate(e);
        if (!(translated instanceof RetryableConflict) || attempt >= MAX_ATTEMPTS) {
          throw translated instanceof RetryableConflict ? new ConcurrentModification("record", 0, null) : translated;
        }
      }
    }
  }

  private <T> T runOnce(Supplier<T> work) {
    boolean entered = gate.enter();
    try {
      return runOnceInTurn(work);
    } finally {
      gate.leave(entered);
    }
  }

  private <T> T runOnceInTurn(Supplier<T> work) {
    SqlSession session = factory.openSession(false);
    List<Runnable> committed = new ArrayList<>();
    current.set(session);
    afterCommit.set(committed);
    try {
      T result = work.get();
      try {
        session.commit(true);
      } catch (RuntimeException e) {
        throw DatabaseErrors.translate(e);
      }
      current.remove();
      afterCommit.remove();
      committed.forEach(Runnable::run);
      return result;
    } catch (RuntimeException | Error e) {
      rollbackQuietly(session);
      throw e;
    } finally {
      current.remove();
      afterCommit.remove();
      closeQuietly(session);
    }
  }

  private static void rollbackQuietly(SqlSession session) {
    try {
      session.rollback(true);
    } catch (RuntimeException e) {
      // The connection is probably gone; the server rolls back on its own. Keep the first error.
      LOG.warn("rollback failed: {}", e.getClass().getName());
    }
  }

  private static void closeQuietly(SqlSession session) {
    try {
      session.close();
    } catch (RuntimeException e) {
      LOG.warn("closing the database session failed: {}", e.getClass().getName());
    }
  }
}
