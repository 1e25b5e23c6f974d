package com.epicevents.crm.persistence;

/**
 * The database failed in a way the domain has no word for (unreachable server, permission
 * refused, unexpected constraint). Its message names the SQLSTATE and never carries SQL text,
 * parameter values or the server's detail (which can quote personal data); callers report it as
 * an unexpected error.
 */
public final class PersistenceFailure extends RuntimeException {
  private final String sqlState;

  public PersistenceFailure(String message, String sqlState) {
    super(message + (sqlState == null ? "" : " (SQLSTATE " + sqlState + ")"));
    this.sqlState = sqlState;
  }

  /** The SQLSTATE reported by the driver or server, or null. */
  public String sqlState() {
    return sqlState;
  }
}
