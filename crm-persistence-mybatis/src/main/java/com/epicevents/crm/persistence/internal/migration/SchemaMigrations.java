package com.epicevents.crm.persistence.internal.migration;

import com.epicevents.crm.persistence.PersistenceFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Flyway over the CRM's own scripts ({@code classpath:com/epicevents/crm/db/migration}), all in
 * one schema with the CRM's own history table ({@value #HISTORY_TABLE}), so that a host's Flyway
 * (default location {@code db/migration}, table {@code flyway_schema_history}) and the CRM's never
 * see each other's scripts or history.
 */
public final class SchemaMigrations {
  public static final String HISTORY_TABLE = "crm_schema_history";
  /** Where releases before the namespaced location kept the history (renamed on the next migrate). */
  static final String LEGACY_HISTORY_TABLE = "flyway_schema_history";

  private SchemaMigrations() {}

  /** Creates the schema if needed and applies pending migrations; returns the schema version. */
  public static String apply(DataSource owner, String schema) {
    SchemaName.check(schema);
    adoptLegacyHistory(owner, schema);
    Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(owner)
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .table(HISTORY_TABLE)
        .locations("classpath:" + MigrationScripts.LOCATION)
        .resourceProvider(new MigrationScripts(schema))
        .placeholderReplacement(false) // the SQL holds $$ bodies and regexes, never placeholders
        .validateMigrationNaming(true)
        .load();
    try {
      flyway.migrate();
    } catch (FlywayException e) {
      throw migrationFailure(e);
    }
    return version(owner, schema).orElseThrow(() -> new IllegalStateException("no schema version after migrating"));
  }

  /** The version of the newest migration this CRM ships: the version its schema must be at. */
  public static String requiredVersion() {
    return MigrationScripts.latestVersion().getVersion();
  }

  /** Negative, zero or positive as {@code found} is older than, equal to or newer than {@code required}. */
  public static int compare(String found, String required) {
    return MigrationVersion.fromVersion(found).compareTo(MigrationVersion.fromVersion(required));
  }

  /**
   * An installation migrated before the history table had its own name: rename the table in
   * place (its rows and checksums are unchanged), so Flyway carries on from the same version.
   */
  private static void adoptLegacyHistory(DataSource owner, String schema) {
    try (Connection c = owner.getConnection()) {
      if (exists(c, schema, LEGACY_HISTORY_TABLE) && !exists(c, schema, HISTORY_TABLE)) {
        try (Statement s = c.createStatement()) {
          // schema is a checked identifier (SchemaName), the table names are constants
          s.execute("ALTER TABLE " + schema + "." + LEGACY_HISTORY_TABLE + " RENAME TO " + HISTORY_TABLE);
        }
      }
    } catch (SQLException e) {
      throw Jdbc.failure("migrating the database", e);
    }
  }

  private static RuntimeException migrationFailure(FlywayException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return Jdbc.failure("migrating the database", sql);
      }
    }
    // Flyway's own findings (checksum mismatch, unknown applied version): its first line says which.
    String message = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
    return new PersistenceFailure("migrating the database failed: " + message, null);
  }

  /** The version of the last successful migration, or empty when the CRM schema is not there. */
  public static Optional<String> version(DataSource any, String schema) {
    SchemaName.check(schema);
    try (Connection c = any.getConnection()) {
      String table = exists(c, schema, HISTORY_TABLE) ? HISTORY_TABLE
          : exists(c, schema, LEGACY_HISTORY_TABLE) ? LEGACY_HISTORY_TABLE : null;
      if (table == null) {
        return Optional.empty();
      }
      try (PreparedStatement last = c.prepareStatement(
              "SELECT version FROM " + schema + "." + table
                  + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
          ResultSet rs = last.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw Jdbc.failure("reading the schema version", e);
    }
  }

  private static boolean exists(Connection c, String schema, String table) throws SQLException {
    try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      exists.setString(1, schema + "." + table);
      try (ResultSet rs = exists.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
