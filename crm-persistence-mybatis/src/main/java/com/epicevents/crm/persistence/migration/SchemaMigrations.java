package com.epicevents.crm.persistence.migration;

import com.epicevents.crm.persistence.PersistenceFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Flyway over the migrations in db/migration, all in schema {@value #SCHEMA}. */
public final class SchemaMigrations {
  public static final String SCHEMA = "crm";
  public static final String HISTORY_TABLE = "flyway_schema_history";

  private SchemaMigrations() {}

  /** Creates the schema if needed and applies pending migrations; returns the schema version. */
  public static String apply(DataSource owner) {
    Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(owner)
        .schemas(SCHEMA)
        .defaultSchema(SCHEMA)
        .createSchemas(true)
        .table(HISTORY_TABLE)
        .locations("classpath:com/epicevents/crm/db/migration")
        .placeholderReplacement(false) // the SQL holds $$ bodies and regexes, never placeholders
        .validateMigrationNaming(true)
        .load();
    try {
      flyway.migrate();
    } catch (FlywayException e) {
      throw migrationFailure(e);
    }
    return version(owner).orElseThrow(() -> new IllegalStateException("no schema version after migrating"));
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
  public static Optional<String> version(DataSource any) {
    try (Connection c = any.getConnection()) {
      try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
        exists.setString(1, SCHEMA + "." + HISTORY_TABLE);
        try (ResultSet rs = exists.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1)) {
            return Optional.empty();
          }
        }
      }
      try (PreparedStatement last = c.prepareStatement(
              "SELECT version FROM crm.flyway_schema_history"
                  + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
          ResultSet rs = last.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw Jdbc.failure("reading the schema version", e);
    }
  }
}
