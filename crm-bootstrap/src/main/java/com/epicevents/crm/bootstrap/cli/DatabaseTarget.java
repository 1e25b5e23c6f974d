package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.bootstrap.embedded.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL database the configuration points at, reached as its owner: the embedded
 * server (started here, or the one another crm process is already running on the same home)
 * or an external server given by db.url. Closing it stops an embedded server started here.
 */
public final class DatabaseTarget implements AutoCloseable {
  /** PostgreSQL's "database does not exist". */
  static final String UNKNOWN_DATABASE = "3D000";

  private final CrmConfig config;
  private final EmbeddedDatabase embedded;
  private final String jdbcUrl;
  private final DataSource owner;
  private final String description;

  private DatabaseTarget(CrmConfig config, EmbeddedDatabase embedded, String jdbcUrl, DataSource owner,
      String description) {
    this.config = config;
    this.embedded = embedded;
    this.jdbcUrl = jdbcUrl;
    this.owner = owner;
    this.description = description;
  }

  /**
   * The rules for a database the CRM creates, as in the reference version: 1 to 20 letters,
   * digits or {@code @ _ $ #}, no spaces. They also keep the quoted CREATE DATABASE safe.
   */
  public static boolean isValidNewDatabaseName(String name) {
    return name != null && name.matches("[A-Za-z0-9@_$#]{1,20}");
  }

  /** True when there is something to connect to: always for an external server. */
  static boolean exists(CrmConfig config) {
    return !config.embedded() || EmbeddedDatabase.isCreated(config.home());
  }

  /**
   * Opens the configured database. An embedded server is created on first use only when
   * {@code create} is true ({@code crm admin init}); otherwise a missing one is an error that
   * says to run init.
   */
  static DatabaseTarget open(CrmConfig config, boolean create) {
    if (!config.embedded()) {
      return new DatabaseTarget(config, null, config.dbUrl(), external(config, null),
          "external PostgreSQL server");
    }
    if (!create && !EmbeddedDatabase.isCreated(config.home())) {
      throw new CliFailure("the CRM database is not initialised: run 'crm admin init' first");
    }
    if (config.dbPassword() == null) {
      throw new CliFailure("db.password, the embedded database's owner password, is missing from "
          + config.configFile() + ": restore the file that 'crm admin init' wrote");
    }
    String where = EmbeddedDatabase.dataDirectory(config.home()).toString();
    OptionalInt running = EmbeddedDatabase.portInUseByAnotherProcess(config.home());
    if (running.isPresent()) {
      // A crm process (crm serve, the text UI) runs this data directory: work through its server.
      int port = running.getAsInt();
      PGSimpleDataSource owner = new PGSimpleDataSource();
      owner.setURL(EmbeddedDatabase.jdbcUrl(port));
      owner.setUser(EmbeddedDatabase.OWNER);
      owner.setPassword(config.dbPassword());
      return new DatabaseTarget(config, null, EmbeddedDatabase.jdbcUrl(port), owner,
          "embedded PostgreSQL, data in " + where + ", port " + port + " (run by another crm process)");
    }
    EmbeddedDatabase database = EmbeddedDatabase.start(config.home(), config.embeddedPort(), config.dbPassword());
    return new DatabaseTarget(config, database, database.jdbcUrl(), database.ownerDataSource(),
        "embedded PostgreSQL, data in " + where + ", port " + database.port());
  }

  /** A description for {@code crm admin status} of the embedded database before it exists. */
  static String notCreatedDescription(CrmConfig config) {
    return "embedded PostgreSQL, not created yet ('crm admin init' creates it in "
        + EmbeddedDatabase.dataDirectory(config.home()) + ")";
  }

  /**
   * Creates the external database db.url names when the server says it does not exist,
   * connecting to the server's maintenance database {@code postgres} as the owner. The embedded
   * server creates its own database when it starts.
   */
  void createDatabaseIfMissing() throws SQLException {
    if (config.embedded() || databaseExists()) {
      return;
    }
    String name = config.databaseName();
    // Quoted below, so the name rules are what keeps the statement safe.
    if (!isValidNewDatabaseName(name)) {
      throw new CliFailure("db.url: cannot create the database '" + name
          + "': a new CRM database name has 1 to 20 letters, digits or @ _ $ #");
    }
    try (Connection connection = external(config, "postgres").getConnection();
         PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      try (ResultSet row = exists.executeQuery()) {
        if (row.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE \"" + name + "\"");
      }
    }
  }

  /**
   * True when the server answers and the CRM database exists; false when the server says there
   * is no such database (an external one that init has not created yet).
   *
   * @throws SQLException when the server cannot be reached or refuses the owner
   */
  boolean databaseExists() throws SQLException {
    try (Connection ignored = owner.getConnection()) {
      return true;
    } catch (SQLException e) {
      if (UNKNOWN_DATABASE.equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  /** The owner's connection: migrations, wipe, status. */
  DataSource owner() {
    return owner;
  }

  /** The JDBC URL of the CRM database, without any password. */
  String location() {
    return CrmConfig.withoutSecrets(jdbcUrl);
  }

  /**
   * The JDBC URL the application role connects with: user and password parameters are removed,
   * since the driver would let them override the application role's credentials.
   */
  String applicationJdbcUrl() {
    int query = jdbcUrl.indexOf('?');
    if (query < 0) {
      return jdbcUrl;
    }
    String kept = java.util.Arrays.stream(jdbcUrl.substring(query + 1).split("&"))
        .filter(parameter -> !parameter.matches("(?i)(user|password)(=.*)?"))
        .collect(java.util.stream.Collectors.joining("&"));
    return jdbcUrl.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
  }

  /** "embedded PostgreSQL, data in ..., port ..." or "external PostgreSQL server". */
  String description() {
    return description;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }

  private static DataSource external(CrmConfig config, String databaseOverride) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(config.dbUrl());
    if (databaseOverride != null) {
      source.setDatabaseName(databaseOverride);
    }
    if (config.dbUser() != null) {
      source.setUser(config.dbUser());
    }
    if (config.dbPassword() != null) {
      source.setPassword(config.dbPassword());
    }
    return source;
  }
}
