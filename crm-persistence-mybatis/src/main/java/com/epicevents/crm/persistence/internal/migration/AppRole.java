package com.epicevents.crm.persistence.internal.migration;

import com.epicevents.crm.persistence.PersistenceFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The role the running application connects as: it reads and writes rows, appends to the
 * audit trail, and can change nothing else (no DDL, no TRUNCATE, no audit update, no DELETE except
 * of the short-lived idempotency records it prunes).
 * Statements naming the role or its password are built by the server ({@code format} with
 * {@code %I}/{@code %L}), never by concatenating input here.
 */
public final class AppRole {
  /** Tables the application reads, inserts into and updates. */
  static final List<String> READ_WRITE = List.of(
      "collaborators", "clients", "contracts", "events", "sessions", "login_attempts",
      "webhook_subscriptions", "webhook_deliveries", "api_keys");
  /** Tables the application reads and appends to only. */
  static final List<String> APPEND_ONLY = List.of("audit_entries", "changes", "webhook_events");
  /** Tables of short-lived rows the application also deletes once expired. */
  static final List<String> PRUNED = List.of("idempotency_records");

  private AppRole() {}

  /** Creates the role or resets its password, then sets exactly its grants, in one transaction. */
  public static void createOrUpdate(DataSource owner, String schema, String role, String password) {
    SchemaName.check(schema);
    if (role == null || role.isBlank() || role.length() > 63) {
      throw new IllegalArgumentException("the application role name must be 1 to 63 characters");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("the application role needs a password");
    }
    try (Connection c = owner.getConnection()) {
      c.setAutoCommit(false);
      try {
        apply(c, schema, role, password);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw Jdbc.failure("setting up the application role", e);
    }
  }

  private static void apply(Connection c, String schema, String role, String password) throws SQLException {
    if (role.equals(scalar(c, "SELECT current_user"))) {
      throw new IllegalArgumentException("the application role must not be the owner role");
    }
    Boolean superuser = roleIsSuperuser(c, role);
    if (Boolean.TRUE.equals(superuser)) {
      throw new IllegalArgumentException("the application role must not be a superuser");
    }
    String create = superuser == null
        ? "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', ?, ?)"
        : "SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', ?, ?)";
    execute(c, serverFormatted(c, create, role, password));

    String database = scalar(c, "SELECT current_database()");
    execute(c, serverFormatted(c, "SELECT format('GRANT CONNECT ON DATABASE %I TO %I', ?, ?)", database, role));

    // Nobody but the owner and this role sees the CRM schema.
    execute(c, SchemaName.qualify("REVOKE ALL ON SCHEMA crm FROM PUBLIC", schema));
    execute(c, SchemaName.qualify("REVOKE ALL ON ALL TABLES IN SCHEMA crm FROM PUBLIC", schema));
    execute(c, SchemaName.qualify("REVOKE ALL ON ALL SEQUENCES IN SCHEMA crm FROM PUBLIC", schema));
    // Old servers let everyone create objects in schema public; this owner may not own it: best effort.
    execute(c, "DO $$ BEGIN REVOKE CREATE ON SCHEMA public FROM PUBLIC;"
        + " EXCEPTION WHEN insufficient_privilege OR invalid_schema_name THEN NULL; END $$");

    // Start from nothing so that a re-run also removes grants no longer wanted.
    execute(c, formattedIn(c, schema, "SELECT format('REVOKE ALL ON ALL TABLES IN SCHEMA crm FROM %I', ?)", role));
    execute(c, formattedIn(c, schema, "SELECT format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA crm FROM %I', ?)", role));
    execute(c, formattedIn(c, schema, "SELECT format('REVOKE ALL ON SCHEMA crm FROM %I', ?)", role));

    execute(c, formattedIn(c, schema, "SELECT format('GRANT USAGE ON SCHEMA crm TO %I', ?)", role));
    for (String table : READ_WRITE) {
      execute(c, formattedIn(c, schema, "SELECT format('GRANT SELECT, INSERT, UPDATE ON crm.%I TO %I', ?, ?)", table, role));
    }
    for (String table : APPEND_ONLY) {
      execute(c, formattedIn(c, schema, "SELECT format('GRANT SELECT, INSERT ON crm.%I TO %I', ?, ?)", table, role));
    }
    for (String table : PRUNED) {
      execute(c, formattedIn(c, schema, "SELECT format('GRANT SELECT, INSERT, UPDATE, DELETE ON crm.%I TO %I', ?, ?)",
          table, role));
    }
    // Read-only, so that the application can check the schema version it runs against.
    execute(c, formattedIn(c, schema, "SELECT format('GRANT SELECT ON crm.%I TO %I', ?, ?)",
        SchemaMigrations.HISTORY_TABLE, role));
    execute(c, formattedIn(c, schema, "SELECT format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA crm TO %I', ?)", role));
  }

  /** Null when the role does not exist. */
  private static Boolean roleIsSuperuser(Connection c, String role) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT rolsuper FROM pg_roles WHERE rolname = ?")) {
      ps.setString(1, role);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getBoolean(1) : null;
      }
    }
  }

  private static String formattedIn(Connection c, String schema, String formatQuery, String... args)
      throws SQLException {
    return serverFormatted(c, SchemaName.qualify(formatQuery, schema), args);
  }

  private static String serverFormatted(Connection c, String formatQuery, String... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(formatQuery)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new PersistenceFailure("the server returned no statement", null);
        }
        return rs.getString(1);
      }
    }
  }

  private static String scalar(Connection c, String query) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
