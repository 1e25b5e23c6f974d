package com.epicevents.crm.bootstrap.cli;

/** The command was called in a way it cannot work (exit 2), found after parsing succeeded. */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
