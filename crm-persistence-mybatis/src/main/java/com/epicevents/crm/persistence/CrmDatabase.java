package com.epicevents.crm.persistence;

import com.epicevents.crm.persistence.mapper.AuditMapper;
import com.epicevents.crm.persistence.mapper.AuditRow;
import com.epicevents.crm.persistence.mapper.ClientRow;
import com.epicevents.crm.persistence.mapper.CollaboratorRow;
import com.epicevents.crm.persistence.mapper.ContractRow;
import com.epicevents.crm.persistence.mapper.CredentialRow;
import com.epicevents.crm.persistence.mapper.EventRow;
import com.epicevents.crm.persistence.mapper.LoginAttemptRow;
import com.epicevents.crm.persistence.mapper.SessionRow;
import com.epicevents.crm.persistence.mapper.Stamp;
import com.epicevents.crm.persistence.mapper.ClientMapper;
import com.epicevents.crm.persistence.mapper.CollaboratorMapper;
import com.epicevents.crm.persistence.mapper.ContractMapper;
import com.epicevents.crm.persistence.mapper.EventMapper;
import com.epicevents.crm.persistence.mapper.InstantTypeHandler;
import com.epicevents.crm.persistence.mapper.LoginAttemptMapper;
import com.epicevents.crm.persistence.mapper.SessionMapper;
import com.epicevents.crm.persistence.migration.AppRole;
import com.epicevents.crm.persistence.migration.SchemaMigrations;
import com.epicevents.crm.persistence.repository.AuditHashing;
import com.epicevents.crm.persistence.repository.MyBatisAuditTrail;
import com.epicevents.crm.persistence.repository.MyBatisClientRepository;
import com.epicevents.crm.persistence.repository.MyBatisCollaboratorRepository;
import com.epicevents.crm.persistence.repository.MyBatisContractRepository;
import com.epicevents.crm.persistence.repository.MyBatisEventRepository;
import com.epicevents.crm.persistence.repository.MyBatisLoginAttemptStore;
import com.epicevents.crm.persistence.repository.MyBatisSessionStore;
import com.epicevents.crm.persistence.repository.MyBatisTransactions;
import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.epicevents.crm.persistence.credential.CredentialCache;
import com.epicevents.crm.persistence.credential.CredentialListener;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * The persistence module's entry point: installation-level operations (run with the database
 * owner's credentials) and the adapters of every persistence port (run as the application role).
 * Everything lives in schema {@code crm}.
 */
public final class CrmDatabase {
  public static final String SCHEMA = SchemaMigrations.SCHEMA;

  /** Counted by {@link #recordCounts}, in this order. */
  private static final List<String> COUNTED =
      List.of("collaborators", "clients", "contracts", "events", "audit_entries", "sessions");

  private CrmDatabase() {}

  /**
   * Creates the schema, applies pending migrations, then creates the application role (or resets
   * its password) and sets exactly its grants. Idempotent. Returns the schema version.
   */
  public static String migrate(DataSource owner, String appRole, String appRolePassword) {
    String version = migrateOnly(owner);
    AppRole.createOrUpdate(owner, appRole, appRolePassword);
    return version;
  }

  /** Applies pending migrations only; returns the schema version. */
  public static String migrateOnly(DataSource owner) {
    return SchemaMigrations.apply(owner);
  }

  /** The schema version, or empty when the database has not been migrated. */
  public static Optional<String> schemaVersion(DataSource any) {
    return SchemaMigrations.version(any);
  }

  /** Row counts of the main tables (collaborators, clients, contracts, events, audit_entries, sessions). */
  public static Map<String, Long> recordCounts(DataSource any) {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = any.getConnection(); Statement s = c.createStatement()) {
      for (String table : COUNTED) {
        // table names are the constants above, never input
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM crm." + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw failure("counting records", e);
    }
    return counts;
  }

  /**
   * Drops every CRM object of this database (schema crm, with the Flyway history and the
   * pg_trgm extension if it was installed there), so that a later migrate starts afresh. The
   * application role itself, which belongs to the server rather than the database, is kept.
   */
  public static void wipe(DataSource owner) {
    try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS crm CASCADE");
    } catch (SQLException e) {
      throw failure("wiping the database", e);
    }
  }

  /** Walks the audit hash chain in id order and reports the first entry that does not match. */
  public static AuditVerification verifyAudit(DataSource any) {
    try (Connection c = any.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false); // lets the driver stream the rows with a cursor
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, at, actor_id, action, entity_type, entity_id, changes::text, prev_hash, hash"
              + " FROM crm.audit_entries ORDER BY id")) {
        ps.setFetchSize(1000);
        try (ResultSet rs = ps.executeQuery()) {
          return walk(rs);
        }
      } finally {
        c.rollback();
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw failure("verifying the audit trail", e);
    }
  }

  private static AuditVerification walk(ResultSet rs) throws SQLException {
    String expectedPrev = AuditHashing.GENESIS;
    long checked = 0;
    while (rs.next()) {
      checked++;
      long id = rs.getLong("id");
      String prev = rs.getString("prev_hash");
      String hash = rs.getString("hash");
      if (!expectedPrev.equals(prev)) {
        return new AuditVerification(false, checked, id,
            "prev_hash does not match the hash of the entry before it (an entry was removed or changed)");
      }
      String recomputed;
      try {
        Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
        Long actorId = (Long) rs.getObject("actor_id");
        Long entityId = (Long) rs.getObject("entity_id");
        JsonNode changes = AuditHashing.parse(rs.getString("changes"));
        recomputed = AuditHashing.hash(prev, at, actorId, rs.getString("action"), rs.getString("entity_type"),
            entityId, changes);
      } catch (RuntimeException unreadable) {
        return new AuditVerification(false, checked, id, "the entry cannot be read back: " + unreadable.getMessage());
      }
      if (!recomputed.equals(hash)) {
        return new AuditVerification(false, checked, id, "hash does not match the entry's content (the entry was altered)");
      }
      expectedPrev = hash;
    }
    return new AuditVerification(true, checked, null, null);
  }

  /**
   * A connection pool for the application: search_path set to schema crm. The password is
   * handed to the pool only, never logged.
   */
  public static HikariDataSource pooledDataSource(String jdbcUrl, String user, String password, int maxPoolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(maxPoolSize);
    config.setMinimumIdle(Math.min(2, maxPoolSize));
    config.setPoolName("crm-" + user);
    config.addDataSourceProperty("currentSchema", SCHEMA);
    config.addDataSourceProperty("ApplicationName", "epic-events-crm");
    // The default random_page_cost, tuned for spinning disks, makes the planner walk the primary
    // key instead of a filter's index (measured on 100k clients / 1M events,
    // bench/scale-results.md). Plans are chosen per statement: PostgreSQL's own choice (a generic
    // plan once it is as good) everywhere, custom plans only where the data's skew needs them
    // (client search, see MyBatisClientRepository).
    config.addDataSourceProperty("options", "-c random_page_cost=1.1");
    return new HikariDataSource(config);
  }

  /** Every persistence port over one MyBatis session factory on the application's data source. */
  public static PersistenceAdapters adapters(DataSource appDataSource) {
    return adapters(appDataSource, Clock.systemUTC());
  }

  /**
   * Every persistence port over one MyBatis session factory on the application's data source,
   * with the credential cache and its invalidation listener (on a connection of its own: a new
   * one from the pool's settings when {@code appDataSource} is a HikariCP pool, else one taken
   * from {@code appDataSource}, which must then not be a pool). Close the result to stop the
   * listener and write the pending last uses of sessions.
   *
   * @param clock when a written-behind last use is due (the core's clock)
   */
  public static PersistenceAdapters adapters(DataSource appDataSource, Clock clock) {
    MyBatisTransactions tx = new MyBatisTransactions(new SqlSessionFactoryBuilder().build(mybatis(appDataSource)));
    CredentialCache cache = new CredentialCache(100_000);
    CredentialListener listener = new CredentialListener(listenerConnections(appDataSource), cache).start();
    MyBatisSessionStore sessions = new MyBatisSessionStore(tx, cache, clock);
    return new PersistenceAdapters(
        tx,
        new MyBatisCollaboratorRepository(tx),
        new MyBatisClientRepository(tx),
        new MyBatisContractRepository(tx),
        new MyBatisEventRepository(tx),
        sessions,
        new MyBatisLoginAttemptStore(tx),
        new MyBatisAuditTrail(tx),
        () -> {
          listener.close();
          sessions.close();
        });
  }

  /** How the listener's connection is named in pg_stat_activity (followed by the OS process id). */
  public static final String LISTENER_APPLICATION_NAME = "epic-events-crm-listener";

  private static Callable<Connection> listenerConnections(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource pool) {
      return () -> {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        properties.setProperty("user", pool.getUsername());
        if (pool.getPassword() != null) {
          properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", LISTENER_APPLICATION_NAME + " " + ProcessHandle.current().pid());
        properties.remove("options"); // planner settings are for the pool's statements
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
      };
    }
    return dataSource::getConnection;
  }

  /** The MyBatis configuration of {@link #adapters} (package-private: tests explain its SQL). */
  static Configuration mybatis(DataSource dataSource) {
    Configuration configuration = new Configuration(
        new Environment("crm", new JdbcTransactionFactory(), dataSource));
    configuration.setMapUnderscoreToCamelCase(true);
    // Every row type has an explicit <resultMap> (constructor arguments by column): matching
    // column names to parameter names for every row cost half the server's CPU on a page of events.
    // No cache across statements: a unit of work re-reads what it (or a concurrent one) changed.
    configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
    configuration.setCacheEnabled(false);
    configuration.setDefaultStatementTimeout(30);
    configuration.getTypeHandlerRegistry().register(Instant.class, new InstantTypeHandler());
    // Named one by one: scanning the package makes MyBatis list every entry of the class path's
    // jars, seconds of `crm serve`'s start in the single shaded jar.
    for (Class<?> row : List.of(AuditRow.class, ClientRow.class, CollaboratorRow.class, ContractRow.class,
        CredentialRow.class, EventRow.class, LoginAttemptRow.class, SessionRow.class, Stamp.class)) {
      configuration.getTypeAliasRegistry().registerAlias(row);
    }
    for (Class<?> mapper : List.of(CollaboratorMapper.class, ClientMapper.class, ContractMapper.class,
        EventMapper.class, SessionMapper.class, LoginAttemptMapper.class, AuditMapper.class)) {
      configuration.addMapper(mapper);
    }
    return configuration;
  }

  private static PersistenceFailure failure(String doing, SQLException e) {
    String state = e.getSQLState();
    String why = state == null ? ""
        : state.startsWith("08") ? ": the database is unreachable"
        : state.equals("42501") ? ": permission denied"
        : state.equals("42P01") || state.equals("3F000") ? ": the database is not migrated"
        : "";
    return new PersistenceFailure(doing + " failed" + why, state);
  }
}
