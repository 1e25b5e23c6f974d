package com.epicevents.crm.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.persistence.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Installation-level operations: migrate, roles and grants, counts, wipe. A fresh database per test. */
class CrmDatabaseTest {
  private static final String VERSION = "9";
  private TestDatabase db;

  @BeforeEach
  void database() {
    db = TestDatabase.fresh();
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void migrateIsIdempotentAndReportsTheSchemaVersion() {
    assertEquals(Optional.of(VERSION), CrmDatabase.schemaVersion(db.appDataSource()));

    assertEquals(VERSION, CrmDatabase.migrate(db.ownerDataSource(), db.appRole(), "another password"));
    assertEquals(VERSION, CrmDatabase.migrateOnly(db.ownerDataSource()));
    assertEquals(Optional.of(VERSION), CrmDatabase.schemaVersion(db.ownerDataSource()));
  }

  @Test
  void wipeDropsEverythingAndALaterMigrateStartsAfresh() throws SQLException {
    insertCollaborator();
    assertEquals(1L, CrmDatabase.recordCounts(db.ownerDataSource()).get("collaborators"));

    CrmDatabase.wipe(db.ownerDataSource());

    assertEquals(Optional.empty(), CrmDatabase.schemaVersion(db.ownerDataSource()));
    assertEquals(0L, ((Number) scalar(db.ownerDataSource(),
        "SELECT count(*) FROM pg_namespace n LEFT JOIN pg_extension e ON e.extname = ? WHERE n.nspname = 'crm' OR e.oid IS NOT NULL",
        "pg_trgm")).longValue(), "neither the schema nor the extension installed in it is left");
    assertEquals(VERSION, CrmDatabase.migrate(db.ownerDataSource(), db.appRole(), db.appPassword()));
    assertEquals(0L, CrmDatabase.recordCounts(db.appDataSource()).get("collaborators"));
  }

  @Test
  void recordCountsCountEachTableInAFixedOrder() {
    insertCollaborator();
    db.adapters().auditTrail().append(AuditEntry.of(Instant.now(), null, "CREATED", EntityType.COLLABORATOR, 1L));
    db.adapters().auditTrail().append(AuditEntry.of(Instant.now(), null, "UPDATED", EntityType.COLLABORATOR, 1L));

    Map<String, Long> counts = CrmDatabase.recordCounts(db.appDataSource());

    assertEquals(List.of("collaborators", "clients", "contracts", "events", "audit_entries", "sessions"),
        new ArrayList<>(counts.keySet()));
    assertEquals(List.of(1L, 0L, 0L, 0L, 2L, 0L), new ArrayList<>(counts.values()));
  }

  @Test
  void theApplicationRoleHoldsExactlyItsGrants() throws SQLException {
    Map<String, Set<String>> grants = new TreeMap<>();
    query(db.ownerDataSource(), "SELECT table_name, privilege_type FROM information_schema.table_privileges"
        + " WHERE grantee = ? AND table_schema = 'crm'", rs -> grants
        .computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2)), db.appRole());

    Set<String> readWrite = Set.of("SELECT", "INSERT", "UPDATE");
    Set<String> appendOnly = Set.of("SELECT", "INSERT");
    assertEquals(new TreeMap<>(Map.ofEntries(
        Map.entry("collaborators", readWrite), Map.entry("clients", readWrite), Map.entry("contracts", readWrite),
        Map.entry("events", readWrite), Map.entry("sessions", readWrite), Map.entry("login_attempts", readWrite),
        Map.entry("webhook_subscriptions", readWrite), Map.entry("webhook_deliveries", readWrite),
        Map.entry("api_keys", readWrite),
        Map.entry("audit_entries", appendOnly), Map.entry("changes", appendOnly),
        Map.entry("webhook_events", appendOnly),
        Map.entry("idempotency_records", Set.of("SELECT", "INSERT", "UPDATE", "DELETE")),
        Map.entry("crm_schema_history", Set.of("SELECT")))), toSets(grants));
    assertFalse(bool("SELECT has_schema_privilege(?, 'crm', 'CREATE')", db.appRole()));
    assertTrue(bool("SELECT has_schema_privilege(?, 'crm', 'USAGE')", db.appRole()));
    assertFalse(bool("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = ?", db.appRole()));
  }

  @Test
  void publicHasNoPrivilegeOnTheCrmSchemaOrItsTables() throws SQLException {
    List<String> publicGrants = new ArrayList<>();
    query(db.ownerDataSource(), "SELECT table_name || ':' || privilege_type FROM information_schema.table_privileges"
        + " WHERE grantee = ? AND table_schema = 'crm'", rs -> publicGrants.add(rs.getString(1)), "PUBLIC");
    assertEquals(List.of(), publicGrants);
    assertEquals(0L, ((Number) scalar(db.ownerDataSource(),
        "SELECT count(*) FROM pg_namespace n, aclexplode(n.nspacl) a WHERE n.nspname = ? AND a.grantee = 0", "crm"))
        .longValue());
    assertFalse(bool("SELECT has_schema_privilege('public', 'public', 'CREATE')", null));

    // A role that was granted nothing sees nothing.
    execute(db.ownerDataSource(), "CREATE ROLE " + db.appRole() + "_nobody LOGIN PASSWORD 'nobody-password'");
    try (HikariDataSource nobody = CrmDatabase.pooledDataSource(db.jdbcUrl(), db.appRole() + "_nobody", "nobody-password", 1)) {
      SQLException refused = assertThrows(SQLException.class,
          () -> scalar(nobody, "SELECT count(*) FROM crm.clients WHERE id > ?", 0));
      assertEquals("42501", refused.getSQLState());
    } finally {
      execute(db.ownerDataSource(), "DROP ROLE " + db.appRole() + "_nobody");
    }
  }

  @Test
  void roleNamesAndPasswordsAreQuotedByTheServer() throws SQLException {
    String role = db.appRole() + " \"odd\"; DROP TABLE crm.clients; --";
    String password = "it's a pass'; DROP TABLE crm.events; --";

    CrmDatabase.migrate(db.ownerDataSource(), role, password);

    assertTrue(bool("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)", role));
    assertTrue(bool("SELECT has_table_privilege(?, 'crm.clients', 'SELECT')", role));
    assertEquals(Optional.of(VERSION), CrmDatabase.schemaVersion(db.ownerDataSource()));
    assertEquals(0L, CrmDatabase.recordCounts(db.ownerDataSource()).get("events"));
    executeFormatted(db.ownerDataSource(), "SELECT format('DROP OWNED BY %I', ?)", role);
    executeFormatted(db.ownerDataSource(), "SELECT format('DROP ROLE %I', ?)", role);
  }

  @Test
  void theApplicationRoleCannotBeTheOwner() {
    assertThrows(IllegalArgumentException.class,
        () -> CrmDatabase.migrate(db.ownerDataSource(), db.ownerUser(), "whatever-password"));
    assertThrows(IllegalArgumentException.class, () -> CrmDatabase.migrate(db.ownerDataSource(), " ", "pw"));
    assertThrows(IllegalArgumentException.class, () -> CrmDatabase.migrate(db.ownerDataSource(), "crm_role", ""));
  }

  @Test
  void clientSearchIsServedByTrigramIndexesOnThisServer() throws SQLException {
    List<String> indexes = new ArrayList<>();
    query(db.ownerDataSource(), "SELECT indexname FROM pg_indexes WHERE schemaname = 'crm' AND tablename = ?"
        + " AND indexdef LIKE '%gin_trgm_ops%' ORDER BY indexname", rs -> indexes.add(rs.getString(1)), "clients");
    assertEquals(List.of("clients_company_name_trgm", "clients_email_trgm", "clients_full_name_trgm"), indexes);

    StringBuilder plan = new StringBuilder();
    try (Connection c = db.appDataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL enable_seqscan = off");
        s.execute("SET LOCAL enable_indexscan = off"); // on an empty table walking the primary key would cost as little
        try (ResultSet rs = s.executeQuery("EXPLAIN SELECT id FROM crm.clients WHERE full_name ILIKE '%anna%'"
            + " OR company_name ILIKE '%anna%' OR email ILIKE '%anna%' ORDER BY id LIMIT 51")) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
      }
      c.rollback();
    }
    assertTrue(plan.toString().contains("clients_full_name_trgm"), plan.toString());
  }

  private void insertCollaborator() {
    db.adapters().collaborators().insert(Collaborator.create(new Username("first.manager"), new PersonName("First Manager"),
        null, new Phone("0102030405"), Team.MANAGEMENT, "hash", Instant.now()));
  }

  private boolean bool(String sql, String arg) throws SQLException {
    return (Boolean) (arg == null ? scalar(db.ownerDataSource(), sql) : scalar(db.ownerDataSource(), sql, arg));
  }

  private static Map<String, Set<String>> toSets(Map<String, Set<String>> grants) {
    Map<String, Set<String>> plain = new TreeMap<>();
    grants.forEach((table, privileges) -> plain.put(table, Set.copyOf(privileges)));
    return plain;
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private static void query(DataSource ds, String sql, RowReader reader, Object... args) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    }
  }

  private static Object scalar(DataSource ds, String sql, Object... args) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1);
      }
    }
  }

  /** Runs the statement the server formats (quoting the role name itself). */
  private static void executeFormatted(DataSource ds, String formatQuery, String arg) throws SQLException {
    execute(ds, (String) scalar(ds, formatQuery, arg));
  }

  private static void execute(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
