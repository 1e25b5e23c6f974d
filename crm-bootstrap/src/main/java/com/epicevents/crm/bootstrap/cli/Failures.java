package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.CrmConfigException;
import com.epicevents.crm.bootstrap.embedded.EmbeddedDatabaseException;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.CrmException;
import com.epicevents.crm.persistence.PersistenceFailure;
import java.sql.SQLException;

/** Turns any failure into the one line a user reads, and the exit status that goes with it. */
public final class Failures {
  static final int SUCCESS = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private Failures() {}

  static int exitStatus(Throwable failure) {
    return failure instanceof UsageException ? USAGE : FAILURE;
  }

  /** The one line a user reads about a failure: the reason for known ones, never a stack trace. */
  public static String oneLine(Throwable failure) {
    if (failure instanceof BusinessRuleViolated rule && rule.field() != null) {
      return rule.field() + ": " + firstLine(rule.getMessage());
    }
    if (failure instanceof UsageException
        || failure instanceof CliFailure
        || failure instanceof CrmConfigException
        || failure instanceof EmbeddedDatabaseException
        || failure instanceof CrmException
        || failure instanceof PersistenceFailure) {
      return firstLine(failure.getMessage());
    }
    SQLException sql = sqlCause(failure);
    if (sql != null) {
      return "database error: " + firstLine(sql.getMessage());
    }
    return firstLine(failure.getClass().getSimpleName() + ": " + failure.getMessage())
        + " (run with --debug for details)";
  }

  static SQLException sqlCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "no detail";
    }
    String trimmed = message.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }
}
