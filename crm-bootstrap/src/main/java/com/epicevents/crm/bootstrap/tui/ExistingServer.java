package com.epicevents.crm.bootstrap.tui;

import com.epicevents.crm.bootstrap.cli.DatabaseTarget;
import com.epicevents.crm.domain.error.FieldError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import com.epicevents.crm.tui.setup.SetUp;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An existing PostgreSQL server as the first-launch wizard is told about it: where it is, the CRM
 * database's name on it, and the user (with its password) that will own that database.
 *
 * @param password kept as typed; it goes to the driver and to crm.conf, nowhere else
 */
record ExistingServer(String host, int port, String database, String user, String password) {
  static final String DEFAULT_DATABASE = "epic_crm";
  /** The server's own databases: never a home for CRM data. */
  private static final Set<String> SERVER_DATABASES = Set.of("postgres", "template0", "template1");
  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  /** Never shows the password. */
  @Override
  public String toString() {
    return "ExistingServer[" + user + "@" + host + ":" + port + "/" + database + "]";
  }

  /**
   * Checks what the form holds without connecting: every problem as a message for its field.
   * The typed password and its repeat are compared here too.
   */
  static List<FieldError> check(String host, String port, String database, String user, String password,
      String repeat) {
    List<FieldError> errors = new ArrayList<>();
    if (host == null) {
      errors.add(new FieldError("host", "is required"));
    } else if (!host.matches("[A-Za-z0-9.:\\-\\[\\]%]+")) {
      errors.add(new FieldError("host", "is not a host name or IP address"));
    }
    if (port == null) {
      errors.add(new FieldError("port", "is required"));
    } else if (parsePort(port) < 0) {
      errors.add(new FieldError("port", "must be a whole number from 1 to 65535"));
    }
    if (database == null) {
      errors.add(new FieldError("database", "is required"));
    } else if (SERVER_DATABASES.contains(database.toLowerCase(Locale.ROOT))) {
      errors.add(new FieldError("database", "'" + database + "' is the server's own database: the CRM needs one of"
          + " its own, e.g. " + DEFAULT_DATABASE));
    } else if (!DatabaseTarget.isValidNewDatabaseName(database)) {
      errors.add(new FieldError("database", "1 to 20 letters, digits or @ _ $ # (no spaces)"));
    }
    if (user == null) {
      errors.add(new FieldError("user", "is required"));
    }
    if (password == null || password.isEmpty()) {
      errors.add(new FieldError("password", "is required"));
    } else if (!password.equals(repeat)) {
      errors.add(new FieldError("passwordRepeat", "the two passwords differ: type the repeat again"));
    }
    return errors;
  }

  /** The port, or -1 when the text is not one. */
  static int parsePort(String text) {
    try {
      int port = Integer.parseInt(text.strip());
      return port >= 1 && port <= 65535 ? port : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** db.url: the CRM database on this server (the name URL-encoded: {@code #} and {@code $} may be in it). */
  String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
  }

  /**
   * Connects as the user to the server's maintenance database {@code postgres}: the password is
   * checked, and so is what init will need — creating the CRM database when it does not exist
   * yet, and creating the application role.
   *
   * @throws SetUp.Refused saying why, in words the person at the keyboard can act on
   */
  SetUp.Probe probe() {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setServerNames(new String[] {host});
    source.setPortNumbers(new int[] {port});
    source.setDatabaseName("postgres");
    source.setUser(user);
    source.setPassword(password);
    source.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
    source.setLoginTimeout(CONNECT_TIMEOUT_SECONDS * 2);
    source.setApplicationName("epic-crm set-up");
    try (Connection connection = source.getConnection();
         PreparedStatement rights = connection.prepareStatement(
             "SELECT r.rolsuper OR r.rolcreatedb, r.rolsuper OR r.rolcreaterole,"
                 + " EXISTS (SELECT 1 FROM pg_database WHERE datname = ?)"
                 + " FROM pg_roles r WHERE r.rolname = current_user")) {
      rights.setString(1, database);
      try (ResultSet row = rights.executeQuery()) {
        if (!row.next()) {
          throw new SetUp.Refused("user", "the server does not list user '" + user + "' among its roles");
        }
        boolean mayCreateDatabases = row.getBoolean(1);
        boolean mayCreateRoles = row.getBoolean(2);
        boolean exists = row.getBoolean(3);
        if (!exists && !mayCreateDatabases) {
          throw new SetUp.Refused("user", "user '" + user + "' may not create databases: create the database '" + database
              + "' on the server first, or give a user with the CREATEDB right");
        }
        if (!mayCreateRoles) {
          throw new SetUp.Refused("user", "user '" + user + "' may not create roles, and the CRM connects as a role of its"
              + " own: give the server's administrator (such as postgres) or a user with the CREATEROLE right");
        }
        return new SetUp.Probe(exists);
      }
    } catch (SQLException e) {
      throw refusal(e);
    }
  }

  private SetUp.Refused refusal(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("28P01")) {
      return new SetUp.Refused("password", "the server refused the password of user '" + user + "' (or there is no such user)");
    }
    if (state.startsWith("28")) {
      return new SetUp.Refused("user", "the server refused user '" + user + "': " + firstLine(e.getMessage()));
    }
    if (state.startsWith("08") || state.isEmpty()) {
      return new SetUp.Refused("host", "no PostgreSQL server answered at " + host + ":" + port + " (" + networkReason(e) + ")");
    }
    if (state.equals("3D000")) {
      return new SetUp.Refused("host", "the server at " + host + ":" + port + " has no 'postgres' maintenance database");
    }
    return new SetUp.Refused(null, "the server at " + host + ":" + port + " answered: " + firstLine(e.getMessage())
        + " (SQLSTATE " + state + ")");
  }

  /** The network's answer in a few words: the driver's own message repeats the address and more. */
  private static String networkReason(SQLException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException) {
        return "connection refused";
      }
      if (cause instanceof java.net.UnknownHostException) {
        return "unknown host";
      }
      if (cause instanceof java.net.SocketTimeoutException) {
        return "no answer within " + CONNECT_TIMEOUT_SECONDS + " seconds";
      }
    }
    return firstLine(e.getMessage());
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "no detail";
    }
    String trimmed = message.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }
}
