package com.epicevents.crm.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.DatabaseUnavailable;
import com.epicevents.crm.domain.error.SchemaNotReady;
import com.epicevents.crm.persistence.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The migrations as an embedding host meets them: its own schema name, its own Flyway beside. */
class EmbeddedMigrationsTest {
  private static final String VERSION = CrmDatabase.requiredSchemaVersion();
  private TestDatabase db;

  @BeforeEach
  void database() {
    db = TestDatabase.fresh(); // migrated into schema crm with its role
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void theRequiredVersionIsTheNewestShippedScript() {
    assertEquals(Optional.of(VERSION), CrmDatabase.schemaVersion(db.ownerDataSource()));
    assertTrue(Integer.parseInt(VERSION.split("\\.")[0]) >= 4, VERSION);
  }

  @Test
  void theCrmMigratesIntoAConfiguredSchemaAndItsAdaptersWorkThere() throws SQLException {
    String role = db.appRole() + "_sales";
    String version = CrmDatabase.configure(db.ownerDataSource())
        .schema("sales_crm")
        .applicationRole(role, "another long password")
        .migrate();
    assertEquals(VERSION, version);
    assertEquals(List.of("V1", "V2", "V3", "V4"), scripts(db.ownerDataSource(), "sales_crm").subList(0, 4));

    try (HikariDataSource app = CrmDatabase.pooledDataSource(db.jdbcUrl(), role, "another long password", 2, "sales_crm")) {
      CrmDatabase.checkSchema(app, "sales_crm");
      PersistenceAdapters ports = CrmDatabase.adapters(app, "sales_crm");
      ports.transactions().run(() -> ports.collaborators().insert(Collaborator.create(new Username("sales.crm.only"),
          new PersonName("Only Here"), null, new Phone("0102030405"), Team.MANAGEMENT, "hash", Instant.now())));
      assertTrue(ports.collaborators().findByUsername("sales.crm.only").isPresent());
    }
    assertEquals(1L, CrmDatabase.recordCounts(db.ownerDataSource(), "sales_crm").get("collaborators"));
    assertEquals(0L, CrmDatabase.recordCounts(db.ownerDataSource(), "crm").get("collaborators"),
        "the default schema is another CRM, untouched");
    // the triggers name their own schema: the derived sales contact is maintained in sales_crm too
    assertEquals(0L, (long) scalarLong(db.ownerDataSource(),
        "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE n.nspname = 'sales_crm' AND p.prosrc ~ '(^|[^_a-z])crm\\.'"));
  }

  @Test
  void aHostsOwnFlywayAndItsV1LiveBesideTheCrms() throws SQLException {
    // the host migrates with Flyway's defaults: classpath:db/migration, its default schema, flyway_schema_history
    Flyway.configure().dataSource(db.ownerDataSource()).load().migrate();
    assertEquals(List.of("V1"), scripts(db.ownerDataSource(), "public", "flyway_schema_history"));
    assertEquals(List.of("V1__host_orders.sql"), scriptNames(db.ownerDataSource(), "public", "flyway_schema_history"));
    // the CRM migrates again (idempotent) and a host migration later still sees only its own
    assertEquals(VERSION, CrmDatabase.migrate(db.ownerDataSource(), db.appRole(), db.appPassword()));
    Flyway.configure().dataSource(db.ownerDataSource()).load().migrate();
    assertEquals(List.of("V1"), scripts(db.ownerDataSource(), "public", "flyway_schema_history"));
    assertTrue(scriptNames(db.ownerDataSource(), "crm", "crm_schema_history").stream()
        .noneMatch(s -> s.contains("host")), "the CRM never applied the host's script");
    assertEquals(0L, scalarLong(db.ownerDataSource(), "SELECT count(*) FROM public.host_orders"));
  }

  @Test
  void anInstallationWithTheOldHistoryTableCarriesOnFromItsVersion() throws SQLException {
    execute(db.ownerDataSource(), "ALTER TABLE crm.crm_schema_history RENAME TO flyway_schema_history");
    assertEquals(Optional.of(VERSION), CrmDatabase.schemaVersion(db.ownerDataSource()));

    assertEquals(VERSION, CrmDatabase.migrate(db.ownerDataSource(), db.appRole(), db.appPassword()));
    assertEquals(List.of("V1", "V2", "V3", "V4"), scripts(db.ownerDataSource(), "crm").subList(0, 4));
    assertEquals(0L, scalarLong(db.ownerDataSource(), "SELECT count(*) FROM pg_tables"
        + " WHERE schemaname = 'crm' AND tablename = 'flyway_schema_history'"));
  }

  @Test
  void checkSchemaSaysWhatToRunWhenTheSchemaIsMissingOlderOrNewer() throws SQLException {
    CrmDatabase.checkSchema(db.appDataSource(), "crm");

    SchemaNotReady missing = assertThrows(SchemaNotReady.class, () -> CrmDatabase.checkSchema(db.ownerDataSource(), "nothing_here"));
    assertNull(missing.found());
    assertTrue(missing.getMessage().contains("migrate()"), missing.getMessage());

    execute(db.ownerDataSource(), "UPDATE crm.crm_schema_history SET success = false WHERE version = '" + VERSION + "'");
    SchemaNotReady older = assertThrows(SchemaNotReady.class, () -> CrmDatabase.checkSchema(db.appDataSource(), "crm"));
    assertTrue(older.getMessage().contains("needs " + VERSION), older.getMessage());
    execute(db.ownerDataSource(), "UPDATE crm.crm_schema_history SET success = true WHERE version = '" + VERSION + "'");

    execute(db.ownerDataSource(), "INSERT INTO crm.crm_schema_history (installed_rank, version, description, type,"
        + " script, checksum, installed_by, execution_time, success) VALUES (999, '999', 'future', 'SQL',"
        + " 'V999__future.sql', 0, current_user, 0, true)");
    SchemaNotReady newer = assertThrows(SchemaNotReady.class, () -> CrmDatabase.checkSchema(db.appDataSource(), "crm"));
    assertEquals("999", newer.found());
    assertTrue(newer.getMessage().contains("newer than this CRM"), newer.getMessage());
  }

  @Test
  void anUnreachableDatabaseIsACrmException() {
    PGSimpleDataSource down = new PGSimpleDataSource();
    down.setURL("jdbc:postgresql://127.0.0.1:1/nothing");
    down.setConnectTimeout(2);
    DatabaseUnavailable e = assertThrows(DatabaseUnavailable.class, () -> CrmDatabase.checkSchema(down, "crm"));
    assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    assertThrows(DatabaseUnavailable.class, () -> CrmDatabase.configure(down).migrate());
  }

  @Test
  void aSchemaNameThatIsNotAPlainIdentifierIsRefusedNamingTheSetting() {
    for (String bad : new String[] {"Crm", "crm; DROP TABLE x", "", "public", "pg_catalog", "1crm"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> CrmDatabase.configure(db.ownerDataSource()).schema(bad));
      assertTrue(e.getMessage().startsWith("schema must"), e.getMessage());
    }
  }

  private static List<String> scripts(DataSource ds, String schema) throws SQLException {
    return scripts(ds, schema, "crm_schema_history");
  }

  private static List<String> scripts(DataSource ds, String schema, String table) throws SQLException {
    List<String> versions = new ArrayList<>();
    for (String script : scriptNames(ds, schema, table)) {
      versions.add(script.substring(0, script.indexOf("__")));
    }
    return versions;
  }

  private static List<String> scriptNames(DataSource ds, String schema, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT script FROM " + schema + "." + table
            + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static long scalarLong(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void execute(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
