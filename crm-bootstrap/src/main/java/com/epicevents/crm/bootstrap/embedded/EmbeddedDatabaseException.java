package com.epicevents.crm.bootstrap.embedded;

/** The embedded database cannot be started or used; the message is one line a user can act on. */
public class EmbeddedDatabaseException extends RuntimeException {
  public EmbeddedDatabaseException(String message) {
    super(message);
  }

  public EmbeddedDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
