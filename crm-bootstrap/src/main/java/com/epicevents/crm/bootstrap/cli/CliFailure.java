package com.epicevents.crm.bootstrap.cli;

/** A command cannot do what was asked; the message is the one line printed on standard error (exit 1). */
public class CliFailure extends RuntimeException {
  public CliFailure(String message) {
    super(message);
  }

  public CliFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
