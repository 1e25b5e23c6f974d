package com.epicevents.crm.persistence.internal.migration;

import com.epicevents.crm.domain.error.DatabaseUnavailable;
import com.epicevents.crm.persistence.PersistenceFailure;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Errors of the installation-level operations, without SQL text, values or secrets. */
final class Jdbc {
  private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);

  private Jdbc() {}

  static RuntimeException failure(String doing, SQLException e) {
    LOG.warn("{} failed: SQLSTATE {}", doing, e.getSQLState());
    String state = e.getSQLState();
    if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
      return new DatabaseUnavailable(doing + " failed: the database is unreachable (SQLSTATE " + state + ")");
    }
    if (state != null && state.startsWith("28")) {
      return new DatabaseUnavailable(doing + " failed: authentication failed (SQLSTATE " + state + ")");
    }
    String why = state == null ? ""
        : state.startsWith("08") ? ": the database is unreachable"
        : state.equals("42501") ? ": permission denied"
        : state.equals("28P01") || state.equals("28000") ? ": authentication failed"
        : "";
    return new PersistenceFailure(doing + " failed" + why, state);
  }
}
