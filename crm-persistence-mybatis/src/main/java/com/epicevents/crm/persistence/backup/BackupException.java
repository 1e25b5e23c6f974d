package com.epicevents.crm.persistence.backup;

/** A backup or restore that cannot be done, with a one-line reason meant for the operator. */
public final class BackupException extends RuntimeException {
  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
