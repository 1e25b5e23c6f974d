package com.epicevents.crm.tui.setup;

import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ErrorReporter;
import com.epicevents.crm.domain.error.FieldError;
import java.util.List;

/**
 * What the first-launch screens need from the program that installs the CRM (crm-bootstrap
 * implements it): where things are kept, setting up the embedded database, testing an existing
 * PostgreSQL server, and writing the configuration while creating and migrating its database.
 * The screens, their keys and widgets are the text UI's own; nothing here draws anything.
 *
 * <p>Slow methods block the calling thread (the UI draws a "please wait" window first).
 */
public interface SetUp {
  /** How far the installation is. */
  enum State { NEEDS_DATABASE, NEEDS_MANAGER, READY }

  /** A CRM whose database is set up: the use cases, where unexpected errors go, and its name. */
  record Ready(UseCases useCases, ErrorReporter reporter, String databaseLabel) {}

  /**
   * An existing server as typed: where it is, the CRM database's name on it, and the user who
   * will own it. {@code toString} never shows the password.
   */
  record Server(String host, int port, String database, String user, String password) {
    @Override
    public String toString() {
      return "Server[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
  }

  /** What the server said when it was tried, before anything was saved. */
  record Probe(boolean databaseExists) {}

  /** The server cannot be used as given; {@code field} is the form field to correct, or null. */
  final class Refused extends RuntimeException {
    private final String field;

    public Refused(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** A set-up step failed; the message is one line a person can act on (details are logged). */
  final class Failed extends RuntimeException {
    public Failed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  State state();

  /** The status line while setting up: the CRM home, or the database once there is one. */
  String statusLine();

  /** Paths for the texts, with the home directory shown as ~. */
  String embeddedDataPlace();

  String configFilePlace();

  /** The CRM home, where the embedded database and the configuration live. */
  String homePlace();

  /** The CRM as set up (state is not NEEDS_DATABASE). */
  Ready ready();

  /** Creates, starts and migrates the embedded database and records it in the configuration. */
  Ready setUpEmbedded();

  /** Checks what the server form holds without connecting: every problem as a field error. */
  List<FieldError> checkServer(String host, String port, String database, String user, String password,
      String repeat);

  /** The port number typed, or -1 (only after {@link #checkServer} found nothing wrong). */
  int port(String typed);

  /** Connects with the details: the password, and the rights the set-up will need. */
  Probe testServer(Server server);

  /**
   * Writes the server into the configuration, then creates (when new) and migrates the database;
   * if that fails, the configuration is put back as it was.
   */
  Ready saveServer(Server server);
}
