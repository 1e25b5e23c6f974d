package com.epicevents.crm.persistence.demo;

import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.audit.FieldChange;
import com.epicevents.crm.persistence.PersistenceFailure;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty CRM database with realistic demo data ({@code crm admin seed-demo}): small, for
 * trying the CRM out, or large (100k clients, 300k contracts, 1M events), for measuring it.
 *
 * <p>Everything is written in one transaction with PostgreSQL's COPY, under the schema's
 * constraints, triggers and foreign keys; either all of it is stored, with one
 * {@code DEMO_DATA_LOADED} audit entry chained like any other, or nothing is. The tables are
 * analysed afterwards so that the planner knows their new sizes.
 *
 * <p>Demo collaborators log in as {@code manager1..}, {@code sales1..}, {@code support1..} with
 * the password whose hash the caller gives (all share it).
 */
public final class DemoData {
  /** The audit action of a load. */
  public static final String ACTION = "DEMO_DATA_LOADED";

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  /** The business tables, in load order; the data goes in only when all are empty. */
  private static final List<String> TABLES = List.of("collaborators", "clients", "contracts", "events");

  private DemoData() {}

  /**
   * How much data: collaborators per team and records per table. {@link #SMALL} and
   * {@link #LARGE} are what {@code seed-demo --size small|large} loads; {@link #custom} sizes
   * the same generator otherwise (tests, benchmarks).
   */
  public record Size(String name, int managers, int sales, int support, int clients, int contracts, int events) {
    /** 2 managers, 4 sales, 4 support; 30 clients, 60 contracts, 80 events. */
    public static final Size SMALL = new Size("small", 2, 4, 4, 30, 60, 80);
    /** 4 managers, 26 sales, 20 support; 100,000 clients, 300,000 contracts, 1,000,000 events. */
    public static final Size LARGE = new Size("large", 4, 26, 20, 100_000, 300_000, 1_000_000);

    public Size {
      Objects.requireNonNull(name, "name");
      if (managers < 1 || sales < 1 || support < 1) {
        throw new IllegalArgumentException("demo data needs at least one collaborator in each team");
      }
      if (clients < 0 || contracts < 0 || events < 0) {
        throw new IllegalArgumentException("record counts cannot be negative");
      }
      if (contracts > 0 && clients == 0) {
        throw new IllegalArgumentException("contracts need at least one client");
      }
      if (events > 0 && contracts == 0) {
        throw new IllegalArgumentException("events need at least one contract");
      }
    }

    /** The generator at another size; a tenth of the collaborators manage, the rest split between sales and support. */
    public static Size custom(int collaborators, int clients, int contracts, int events) {
      if (collaborators < 3) {
        throw new IllegalArgumentException("demo data needs at least 3 collaborators (one per team)");
      }
      int managers = Math.max(1, collaborators / 10);
      int sales = (collaborators - managers + 1) / 2;
      return new Size("custom", managers, sales, collaborators - managers - sales, clients, contracts, events);
    }

    /** {@code small} or {@code large}, in any case. */
    public static Size parse(String name) {
      return switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
        case "small" -> SMALL;
        case "large" -> LARGE;
        default -> throw new IllegalArgumentException("size must be small or large");
      };
    }

    public int collaborators() {
      return managers + sales + support;
    }
  }

  /** Rows stored per table (collaborators, clients, contracts, events) and how long the load took. */
  public record LoadReport(Map<String, Long> counts, Duration elapsed) {
    public LoadReport {
      counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
  }

  /** Loads with the system clock as the reference time (past and future are relative to it). */
  public static LoadReport load(DataSource owner, Size size, String passwordHash, long seed) {
    return load(owner, size, passwordHash, seed, Clock.systemUTC());
  }

  /**
   * Loads demo data as the database owner (the application role may not set the tables' id
   * sequences). The same seed and reference time give the same data.
   *
   * @throws IllegalStateException when a business table already holds rows; nothing is written
   * @throws PersistenceFailure when the database fails (not migrated, unreachable, …); nothing is written
   */
  public static LoadReport load(DataSource owner, Size size, String passwordHash, long seed, Clock clock) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(size, "size");
    if (passwordHash == null || passwordHash.isBlank()) {
      throw new IllegalArgumentException("the demo collaborators' password hash is required");
    }
    long started = System.nanoTime();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    DemoRows rows = new DemoRows(size, passwordHash, seed, now.getEpochSecond());
    Map<String, Long> counts = new LinkedHashMap<>();
    Laps phases = new Laps(started);
    try (Connection c = owner.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        lockAndRequireEmpty(c);
        counts.put("collaborators", rows.copyCollaborators(c));
        phases.lap("collaborators");
        counts.put("clients", rows.copyClients(c));
        phases.lap("clients");
        // The generator knows each client's sales contact: it writes the copy itself instead of a
        // trigger looking it up for each of a million rows (the owner may switch a trigger off
        // inside this transaction; nobody else sees the tables until it commits).
        setCopyTriggers(c, false);
        List<String> contractIndexes = dropSecondaryIndexes(c, "contracts");
        counts.put("contracts", rows.copyContracts(c));
        phases.lap("contracts");
        // Likewise the guard "events only on signed contracts" is checked once for the whole set
        // below instead of once per row, and secondary indexes are built after the rows are in
        // (sorting a million keys once beats a million index insertions).
        setSignedContractGuard(c, false);
        List<String> eventIndexes = dropSecondaryIndexes(c, "events");
        counts.put("events", rows.copyEvents(c));
        phases.lap("events");
        createIndexes(c, contractIndexes);
        createIndexes(c, eventIndexes);
        phases.lap("indexes");
        requireEventsOnSignedContractsOnly(c);
        setSignedContractGuard(c, true);
        setCopyTriggers(c, true);
        continueIdentities(c, counts);
        ChainedAudit.append(c, owner, auditEntry(now, size, seed, counts));
        c.commit();
        phases.lap("commit");
      } catch (SQLException | IOException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback); // the first failure is the one to report
        }
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
      // Committed: the data is there whatever happens next; ANALYZE only spares the planner
      // from guessing until autovacuum gets to the tables.
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE crm.collaborators, crm.clients, crm.contracts, crm.events");
      } catch (SQLException e) {
        LOG.warn("demo data loaded, but ANALYZE failed: SQLSTATE {}", e.getSQLState());
      }
      phases.lap("analyze");
    } catch (SQLException e) {
      throw failure(e);
    } catch (IOException e) {
      // the COPY stream wraps the server's refusal
      throw e.getCause() instanceof SQLException sql ? failure(sql)
          : new PersistenceFailure("loading demo data failed: " + e.getMessage(), null);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    LOG.info("demo data loaded ({}): {} in {} ms ({})", size.name(), counts, elapsed.toMillis(), phases);
    return new LoadReport(counts, elapsed);
  }

  /**
   * Blocks other writers until the load commits (readers go on), then checks emptiness, so two
   * loads, or a load and a user's first insert, cannot interleave.
   */
  private static void setCopyTriggers(Connection c, boolean enabled) throws SQLException {
    String state = enabled ? "ENABLE" : "DISABLE";
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("ALTER TABLE crm.contracts " + state + " TRIGGER contracts_copy_sales_contact");
      s.execute("ALTER TABLE crm.events " + state + " TRIGGER events_copy_sales_contact");
    }
  }

  private static void setSignedContractGuard(Connection c, boolean enabled) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE crm.events " + (enabled ? "ENABLE" : "DISABLE") + " TRIGGER events_require_signed_contract");
    }
  }

  /** What the disabled per-row guard would have refused, checked once over the loaded set. */
  private static void requireEventsOnSignedContractsOnly(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT EXISTS (SELECT 1 FROM crm.events e JOIN crm.contracts k ON k.id = e.contract_id WHERE NOT k.signed)")) {
      rs.next();
      if (rs.getBoolean(1)) {
        throw new IllegalStateException("the demo generator produced an event on an unsigned contract");
      }
    }
  }

  /**
   * Drops the table's indexes that back no constraint and returns the statements that create them
   * again, as the catalogue defines them (so they stay what the migrations made).
   */
  private static List<String> dropSecondaryIndexes(Connection c, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    List<String> definitions = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
            + " WHERE i.indrelid = to_regclass(?)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)")) {
      ps.setString(1, "crm." + table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
          definitions.add(rs.getString(2));
        }
      }
    }
    try (Statement s = c.createStatement()) {
      for (String name : names) {
        // names read from the catalogue just above (schema-qualified by regclass), never input
        s.execute("DROP INDEX " + (name.startsWith("crm.") ? name : "crm." + name));
      }
    }
    return definitions;
  }

  private static void createIndexes(Connection c, List<String> definitions) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL maintenance_work_mem = '256MB'");
      for (String definition : definitions) {
        s.execute(definition); // pg_get_indexdef output, never input
      }
    }
  }

  private static void lockAndRequireEmpty(Connection c) throws SQLException {
    List<String> holdingRows = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL lock_timeout = '10s'");
      s.execute("LOCK TABLE crm.collaborators, crm.clients, crm.contracts, crm.events IN EXCLUSIVE MODE");
      for (String table : TABLES) {
        // table names are the constants above, never input
        try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM crm." + table + ")")) {
          rs.next();
          if (rs.getBoolean(1)) {
            holdingRows.add(table);
          }
        }
      }
    }
    if (!holdingRows.isEmpty()) {
      throw new IllegalStateException("demo data is only loaded into an empty database; this one already has "
          + String.join(", ", holdingRows) + " (start from a fresh database, or wipe this one first)");
    }
  }

  /** The rows were given ids 1..n: the identity sequences continue after them. */
  private static void continueIdentities(Connection c, Map<String, Long> counts) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT setval(pg_get_serial_sequence(?, 'id'), ?)")) {
      for (Map.Entry<String, Long> table : counts.entrySet()) {
        if (table.getValue() > 0) {
          ps.setString(1, "crm." + table.getKey());
          ps.setLong(2, table.getValue());
          ps.executeQuery().close();
        }
      }
    }
  }

  /** Who loaded it is nobody in the CRM (an installation command): no actor, no entity. */
  private static AuditEntry auditEntry(Instant now, Size size, long seed, Map<String, Long> counts) {
    Map<String, FieldChange> changes = new LinkedHashMap<>();
    changes.put("size", new FieldChange(null, size.name()));
    changes.put("seed", new FieldChange(null, Long.toString(seed)));
    counts.forEach((table, n) -> changes.put(table, new FieldChange("0", Long.toString(n))));
    return new AuditEntry(now, null, ACTION, EntityType.SESSION, null, changes);
  }

  /** Milliseconds per phase of a load, for the log. */
  private static final class Laps {
    private final StringBuilder laps = new StringBuilder();
    private long last;

    Laps(long startNanos) {
      last = startNanos;
    }

    void lap(String phase) {
      long now = System.nanoTime();
      laps.append(laps.length() == 0 ? "" : ", ").append(phase).append(' ').append((now - last) / 1_000_000)
          .append(" ms");
      last = now;
    }

    @Override
    public String toString() {
      return laps.toString();
    }
  }

  /** Names the SQLSTATE and, for a refused row, the constraint; never the row's values. */
  private static PersistenceFailure failure(SQLException e) {
    String state = e.getSQLState();
    ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    String constraint = server == null ? null : server.getConstraint();
    String why = state == null ? ""
        : state.startsWith("08") ? ": the database is unreachable"
        : state.equals("42501") ? ": permission denied (load demo data as the database owner)"
        : state.equals("42P01") || state.equals("3F000") ? ": the database is not migrated"
        : state.equals("55P03") ? ": the CRM tables are busy (is the CRM running?)"
        : constraint != null ? ": a generated row broke " + constraint
        : "";
    LOG.warn("loading demo data failed: SQLSTATE {}", state);
    return new PersistenceFailure("loading demo data failed" + why, state);
  }
}
