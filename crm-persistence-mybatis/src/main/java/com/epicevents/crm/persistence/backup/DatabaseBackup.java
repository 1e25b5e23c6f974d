package com.epicevents.crm.persistence.backup;

import com.epicevents.crm.persistence.AuditVerification;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.internal.migration.SchemaMigrations;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Backup and restore of a CRM database with nothing but a JDBC connection (the embedded server
 * ships no {@code pg_dump}).
 *
 * <p>A backup is one consistent snapshot taken while the CRM runs: a single read-only
 * REPEATABLE READ transaction counts the rows, reads the audit chain's head and COPYs every
 * table of schema {@code crm} (Flyway's history excepted: the schema comes from the migrations).
 * The file is a ZIP (deflate-compressed): {@code manifest.json} first, then one
 * {@code tables/<name>.copy} entry per table (PostgreSQL's COPY text format), in an order that
 * satisfies the foreign keys.
 *
 * <p>A restore goes into an initialised database at the same schema version whose tables are
 * all empty, in one transaction: the rows are COPYed in, each table's count is checked against
 * the manifest, identity sequences are moved past the highest id, and the audit chain is
 * verified and its head compared with the manifest's before anything is committed.
 */
public final class DatabaseBackup {
  static final String MANIFEST = "manifest.json";
  static final String TABLE_PREFIX = "tables/";
  private static final String SCHEMA = CrmDatabase.SCHEMA;

  private DatabaseBackup() {}

  /** Writes a backup of the database to {@code out} (not closed) and returns its manifest. */
  public static BackupManifest backup(DataSource owner, OutputStream out) {
    try (Connection c = owner.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        BackupManifest manifest = snapshot(c, out);
        c.commit();
        return manifest;
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new BackupException("the backup failed: " + firstLine(e.getMessage()), e);
    } catch (IOException e) {
      throw new BackupException("the backup could not be written: " + e.getMessage(), e);
    }
  }

  private static BackupManifest snapshot(Connection c, OutputStream out) throws SQLException, IOException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT 1"); // the snapshot is taken at the first statement: everything below sees it
    }
    String version = schemaVersion(c);
    Map<String, List<String>> tables = tablesInRestoreOrder(c);
    List<BackupManifest.Table> listed = new ArrayList<>();
    for (Map.Entry<String, List<String>> table : tables.entrySet()) {
      listed.add(new BackupManifest.Table(table.getKey(), table.getValue(), count(c, table.getKey())));
    }
    BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, BackupManifest.FORMAT_VERSION,
        Instant.now().toString(), version, listed, auditHead(c));
    ZipOutputStream zip = new ZipOutputStream(unclosed(out)); // the caller's stream stays open
    zip.putNextEntry(new ZipEntry(MANIFEST));
    zip.write(manifest.toJson());
    zip.closeEntry();
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    for (BackupManifest.Table table : listed) {
      zip.putNextEntry(new ZipEntry(TABLE_PREFIX + table.name() + ".copy"));
      long copied = copy.copyOut("COPY " + qualified(table.name()) + " (" + columnList(table.columns())
          + ") TO STDOUT", unclosed(zip));
      if (copied != table.rows()) {
        throw new BackupException("table " + table.name() + " gave " + copied + " rows, counted " + table.rows()
            + " in the same snapshot: the backup is not consistent");
      }
      zip.closeEntry();
    }
    zip.finish();
    zip.close();
    return manifest;
  }

  /** Reads only the manifest of a backup file's stream. */
  public static BackupManifest readManifest(InputStream in) {
    try {
      ZipInputStream zip = new ZipInputStream(in);
      ZipEntry first = zip.getNextEntry();
      if (first == null || !MANIFEST.equals(first.getName())) {
        throw new BackupException("not a CRM backup: it does not start with " + MANIFEST);
      }
      return BackupManifest.fromJson(zip.readAllBytes());
    } catch (IOException e) {
      throw new BackupException("not a readable CRM backup: " + e.getMessage(), e);
    }
  }

  /**
   * Restores a backup into {@code owner}'s database, which must be initialised at the backup's
   * schema version and hold no rows; returns the manifest restored.
   */
  public static BackupManifest restore(DataSource owner, InputStream in) {
    try (Connection c = owner.getConnection()) {
      c.setAutoCommit(false);
      try {
        BackupManifest manifest = restoreInto(c, in);
        c.commit();
        return manifest;
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new BackupException("the restore failed, nothing was restored: " + firstLine(e.getMessage()), e);
    } catch (IOException e) {
      throw new BackupException("the backup cannot be read, nothing was restored: " + e.getMessage(), e);
    }
  }

  private static BackupManifest restoreInto(Connection c, InputStream in) throws SQLException, IOException {
    ZipInputStream zip = new ZipInputStream(in);
    ZipEntry first = zip.getNextEntry();
    if (first == null || !MANIFEST.equals(first.getName())) {
      throw new BackupException("not a CRM backup: it does not start with " + MANIFEST);
    }
    BackupManifest manifest = BackupManifest.fromJson(zip.readAllBytes());
    String version = schemaVersion(c);
    if (!Objects.equals(version, manifest.schemaVersion())) {
      throw new BackupException("the backup is of schema version " + manifest.schemaVersion()
          + " but this database is at " + version + ": restore into a database at the same version");
    }
    Map<String, List<String>> tables = tablesInRestoreOrder(c);
    Set<String> expected = new LinkedHashSet<>(tables.keySet());
    Set<String> inBackup = new LinkedHashSet<>();
    manifest.tables().forEach(t -> inBackup.add(t.name()));
    if (!expected.equals(inBackup)) {
      throw new BackupException("the backup's tables " + inBackup + " are not this schema's " + expected);
    }
    for (BackupManifest.Table table : manifest.tables()) {
      if (!tables.get(table.name()).equals(table.columns())) {
        throw new BackupException("the backup's columns of " + table.name() + " are not this schema's");
      }
    }
    for (String table : tables.keySet()) {
      if (count(c, table) > 0) {
        throw new BackupException("the database is not empty (table " + table + " has rows): "
            + "restore only into a freshly initialised database");
      }
    }
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    for (BackupManifest.Table table : manifest.tables()) {
      ZipEntry entry = zip.getNextEntry();
      String name = TABLE_PREFIX + table.name() + ".copy";
      if (entry == null || !name.equals(entry.getName())) {
        throw new BackupException("the backup is incomplete: " + name + " is missing or out of order");
      }
      long copied = copy.copyIn("COPY " + qualified(table.name()) + " (" + columnList(table.columns())
          + ") FROM STDIN", unclosed(zip)); // the next entry is read from the same stream
      if (copied != table.rows()) {
        throw new BackupException("table " + table.name() + " has " + copied + " rows in the backup, the manifest says "
            + table.rows() + ": the file is damaged");
      }
    }
    for (String table : tables.keySet()) {
      advanceIdentity(c, table);
    }
    String head = auditHead(c);
    if (!Objects.equals(head, manifest.auditHeadHash())) {
      throw new BackupException("the restored audit chain ends at " + head + ", the manifest says "
          + manifest.auditHeadHash() + ": the file is damaged");
    }
    AuditVerification audit = verifyAudit(c);
    if (!audit.intact()) {
      throw new BackupException("the restored audit trail is broken at entry " + audit.firstBadId() + ": "
          + audit.reason());
    }
    return manifest;
  }

  private static AuditVerification verifyAudit(Connection c) throws SQLException {
    return CrmDatabase.verifyAudit(c);
  }

  /** Base tables of schema crm (Flyway's history excepted), parents before children. */
  static Map<String, List<String>> tablesInRestoreOrder(Connection c) throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT t.relname, a.attname FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace"
            + " JOIN pg_attribute a ON a.attrelid = t.oid"
            + " WHERE n.nspname = ? AND t.relkind IN ('r', 'p') AND t.relname <> ?"
            + " AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''"
            + " ORDER BY t.relname, a.attnum")) {
      ps.setString(1, SCHEMA);
      ps.setString(2, SchemaMigrations.HISTORY_TABLE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    Map<String, Set<String>> parents = new LinkedHashMap<>();
    columns.keySet().forEach(t -> parents.put(t, new LinkedHashSet<>()));
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT child.relname, parent.relname FROM pg_constraint k"
            + " JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid"
            + " JOIN pg_namespace n ON n.oid = child.relnamespace WHERE k.contype = 'f' AND n.nspname = ?")) {
      ps.setString(1, SCHEMA);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String child = rs.getString(1);
          String parent = rs.getString(2);
          if (parents.containsKey(child) && !child.equals(parent)) {
            parents.get(child).add(parent);
          }
        }
      }
    }
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    while (ordered.size() < columns.size()) {
      boolean progress = false;
      for (String table : columns.keySet()) {
        if (!ordered.containsKey(table) && ordered.keySet().containsAll(parents.get(table))) {
          ordered.put(table, columns.get(table));
          progress = true;
        }
      }
      if (!progress) {
        throw new BackupException("the foreign keys of schema " + SCHEMA + " form a cycle: no restore order exists");
      }
    }
    return ordered;
  }

  private static void advanceIdentity(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT a.attname, pg_get_serial_sequence(?, a.attname) FROM pg_attribute a"
            + " WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped"
            + " AND pg_get_serial_sequence(?, a.attname) IS NOT NULL")) {
      String qualified = qualified(table);
      ps.setString(1, qualified);
      ps.setString(2, qualified);
      ps.setString(3, qualified);
      List<String[]> sequences = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sequences.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] seq : sequences) {
        try (PreparedStatement set = c.prepareStatement("SELECT setval(?::regclass, COALESCE((SELECT max("
            + quote(seq[0]) + ") FROM " + qualified + "), 0) + 1, false)")) {
          set.setString(1, seq[1]);
          set.execute();
        }
      }
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + qualified(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String auditHead(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT hash FROM crm.audit_entries ORDER BY id DESC LIMIT 1")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static String schemaVersion(Connection c) throws SQLException {
    try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      exists.setString(1, SCHEMA + "." + SchemaMigrations.HISTORY_TABLE);
      try (ResultSet rs = exists.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new BackupException("the database is not initialised: run 'crm admin init' first");
        }
      }
    }
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT version FROM " + qualified(SchemaMigrations.HISTORY_TABLE)
             + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
      if (!rs.next()) {
        throw new BackupException("the database is not initialised: run 'crm admin init' first");
      }
      return rs.getString(1);
    }
  }

  private static OutputStream unclosed(OutputStream target) {
    return new FilterOutputStream(target) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        target.flush();
      }
    };
  }

  private static InputStream unclosed(InputStream source) {
    return new FilterInputStream(source) {
      @Override
      public void close() {
        // left open for the caller
      }
    };
  }

  /** Names come from the catalogue, never from the file: still quoted as identifiers. */
  private static String qualified(String table) {
    return quote(SCHEMA) + "." + quote(table);
  }

  private static String columnList(List<String> columns) {
    return String.join(", ", columns.stream().map(DatabaseBackup::quote).toList());
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
