package com.epicevents.crm.persistence.repository;

import com.epicevents.crm.application.port.out.Transactions;
import com.epicevents.crm.domain.error.ConcurrentModification;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unit of work is one SqlSession (one connection, one database transaction) bound to the
 * calling thread. A nested {@link #inTransaction} joins the outer unit; a repository called
 * outside any unit runs in a short one of its own. Commit at the end, rollback on any error.
 * When the server aborts the transaction for a deadlock or a serialization failure, the whole
 * unit runs again (up to {@value #MAX_ATTEMPTS} times): the work must therefore read what it
 * changes inside the unit, which is how the use cases are written anyway.
 */
public final class MyBatisTransactions implements Transactions {
  static final int MAX_ATTEMPTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(MyBatisTransactions.class);

  private final SqlSessionFactory factory;
  private final ThreadLocal<SqlSession> current = new ThreadLocal<>();

  public MyBatisTransactions(SqlSessionFactory factory) {
    this.factory = factory;
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
   * Runs {@code statement} with a mapper of the current unit of work (or of a short one),
   * translating database errors once.
   */
  <M, T> T withMapper(Class<M> mapperType, Function<M, T> statement) {
    SqlSession session = current.get();
    if (session == null) {
      return inTransaction(() -> withMapper(mapperType, statement));
    }
    try {
      return statement.apply(session.getMapper(mapperType));
    } catch (RuntimeException e) {
      throw DatabaseErrors.translate(e);
    }
  }

  private <T> T runOnce(Supplier<T> work) {
    SqlSession session = factory.openSession(false);
    current.set(session);
    try {
      T result = work.get();
      try {
        session.commit(true);
      } catch (RuntimeException e) {
        throw DatabaseErrors.translate(e);
      }
      return result;
    } catch (RuntimeException | Error e) {
      rollbackQuietly(session);
      throw e;
    } finally {
      current.remove();
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
