package com.epicevents.crm.persistence;

import com.epicevents.crm.persistence.internal.mapper.AuditMapper;
import com.epicevents.crm.persistence.internal.mapper.ChangeMapper;
import com.epicevents.crm.persistence.internal.mapper.ChangeRow;
import com.epicevents.crm.persistence.internal.mapper.WebhookDeliveryRow;
import com.epicevents.crm.persistence.internal.mapper.WebhookSubscriptionRow;
import com.epicevents.crm.persistence.internal.mapper.AuditRow;
import com.epicevents.crm.persistence.internal.mapper.ClientRow;
import com.epicevents.crm.persistence.internal.mapper.CollaboratorRow;
import com.epicevents.crm.persistence.internal.mapper.ContractRow;
import com.epicevents.crm.persistence.internal.mapper.CredentialRow;
import com.epicevents.crm.persistence.internal.mapper.EventRow;
import com.epicevents.crm.persistence.internal.mapper.LoginAttemptRow;
import com.epicevents.crm.persistence.internal.mapper.SessionRow;
import com.epicevents.crm.persistence.internal.mapper.Stamp;
import com.epicevents.crm.persistence.internal.mapper.ClientMapper;
import com.epicevents.crm.persistence.internal.mapper.CollaboratorMapper;
import com.epicevents.crm.persistence.internal.mapper.ContractMapper;
import com.epicevents.crm.persistence.internal.mapper.EventMapper;
import com.epicevents.crm.persistence.internal.mapper.InstantTypeHandler;
import com.epicevents.crm.persistence.internal.mapper.LoginAttemptMapper;
import com.epicevents.crm.persistence.internal.mapper.SessionMapper;
import com.epicevents.crm.domain.error.DatabaseUnavailable;
import com.epicevents.crm.domain.error.SchemaNotReady;
import com.epicevents.crm.persistence.internal.mapper.WebhookMapper;
import com.epicevents.crm.persistence.internal.mapper.IdempotencyMapper;
import com.epicevents.crm.persistence.internal.mapper.IdempotencyRow;
import com.epicevents.crm.persistence.internal.repository.MyBatisIdempotencyStore;
import com.epicevents.crm.persistence.internal.migration.AppRole;
import com.epicevents.crm.persistence.internal.migration.SchemaMigrations;
import com.epicevents.crm.persistence.internal.migration.SchemaName;
import com.epicevents.crm.persistence.internal.repository.AuditHashing;
import com.epicevents.crm.persistence.internal.repository.MyBatisAuditTrail;
import com.epicevents.crm.persistence.internal.repository.MyBatisChangeLog;
import com.epicevents.crm.persistence.internal.repository.MyBatisClientRepository;
import com.epicevents.crm.persistence.internal.repository.MyBatisCollaboratorRepository;
import com.epicevents.crm.persistence.internal.repository.MyBatisContractRepository;
import com.epicevents.crm.persistence.internal.repository.MyBatisEventRepository;
import com.epicevents.crm.persistence.internal.repository.MyBatisLoginAttemptStore;
import com.epicevents.crm.persistence.internal.repository.MyBatisSessionStore;
import com.epicevents.crm.persistence.internal.repository.MyBatisApiKeyStore;
import com.epicevents.crm.persistence.internal.mapper.ApiKeyMapper;
import com.epicevents.crm.persistence.internal.mapper.ApiKeyRow;
import com.epicevents.crm.persistence.internal.mapper.ApiKeyCredentialRow;
import com.epicevents.crm.persistence.internal.repository.MyBatisTransactions;
import com.epicevents.crm.persistence.internal.repository.MyBatisWebhookStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import com.epicevents.crm.persistence.internal.credential.CredentialCache;
import com.epicevents.crm.persistence.internal.credential.CredentialListener;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * The persistence module's entry point: installation-level operations (run with the database
 * owner's credentials) and the adapters of every persistence port (run as the application role).
 * Everything lives in one schema, {@value #SCHEMA} unless configured otherwise.
 *
 * <pre>{@code
 * String version = CrmDatabase.configure(ownerDataSource)   // the database owner's connections
 *     .schema("crm")                                         // the default
 *     .applicationRole("crm_app", appPassword)               // optional: create/update the role
 *     .migrate();
 * }</pre>
 */
public final class CrmDatabase {
  /** The default schema. */
  public static final String SCHEMA = SchemaName.DEFAULT;

  /** Counted by {@link #recordCounts}, in this order. */
  private static final List<String> COUNTED =
      List.of("collaborators", "clients", "contracts", "events", "audit_entries", "sessions");

  private CrmDatabase() {}

  /**
   * The fluent entry point of the migrations, on the owner's {@link DataSource} (a user that may
   * create a schema in the database, and roles when an application role is asked for).
   */
  public static Migration configure(DataSource owner) {
    return new Migration(owner);
  }

  /** What {@link #configure} builds: the schema, the optional application role, then {@link #migrate()}. */
  public static final class Migration {
    private final DataSource owner;
    private String schema = SCHEMA;
    private String appRole;
    private String appRolePassword;

    private Migration(DataSource owner) {
      this.owner = Objects.requireNonNull(owner, "owner DataSource");
    }

    /** The schema to create and migrate (default {@value CrmDatabase#SCHEMA}); a plain lower-case identifier. */
    public Migration schema(String schema) {
      this.schema = SchemaName.check(schema);
      return this;
    }

    /**
     * After migrating, create this login role (or reset its password) and grant it exactly what
     * the running CRM needs on the schema: no DDL, no DELETE. Without it, only the migrations run.
     */
    public Migration applicationRole(String role, String password) {
      this.appRole = Objects.requireNonNull(role, "applicationRole");
      this.appRolePassword = Objects.requireNonNull(password, "applicationRole password");
      return this;
    }

    /**
     * Creates the schema if needed, applies pending migrations (history in
     * {@code <schema>.crm_schema_history}), then sets up the application role if one was given.
     * Idempotent. Returns the schema version.
     *
     * @throws DatabaseUnavailable the database cannot be reached or refused the owner's credentials
     * @throws PersistenceFailure a migration failed (its message says which and why)
     */
    public String migrate() {
      String version = SchemaMigrations.apply(owner, schema);
      if (appRole != null) {
        AppRole.createOrUpdate(owner, schema, appRole, appRolePassword);
      }
      return version;
    }
  }

  /**
   * Creates schema {@value #SCHEMA}, applies pending migrations, then creates the application role
   * (or resets its password) and sets exactly its grants. Idempotent. Returns the schema version.
   */
  public static String migrate(DataSource owner, String appRole, String appRolePassword) {
    return configure(owner).applicationRole(appRole, appRolePassword).migrate();
  }

  /** Applies pending migrations only (schema {@value #SCHEMA}); returns the schema version. */
  public static String migrateOnly(DataSource owner) {
    return configure(owner).migrate();
  }

  /** The schema version of schema {@value #SCHEMA}, or empty when the database has not been migrated. */
  public static Optional<String> schemaVersion(DataSource any) {
    return schemaVersion(any, SCHEMA);
  }

  /** The schema version, or empty when the schema has not been migrated. */
  public static Optional<String> schemaVersion(DataSource any, String schema) {
    return SchemaMigrations.version(any, schema);
  }

  /** The schema version this CRM needs: that of its newest migration. */
  public static String requiredSchemaVersion() {
    return SchemaMigrations.requiredVersion();
  }

  /**
   * Checks that the schema is at exactly the version this CRM needs.
   *
   * @throws DatabaseUnavailable the database cannot be reached
   * @throws SchemaNotReady not migrated, migrations pending, or migrated by a newer CRM; the message says what to run
   */
  public static void checkSchema(DataSource any, String schema) {
    String required = requiredSchemaVersion();
    Optional<String> found = schemaVersion(any, schema);
    String migrate = "run CrmDatabase.configure(ownerDataSource).schema(\"" + schema + "\").migrate()"
        + " as the database owner (or 'crm admin migrate')";
    if (found.isEmpty()) {
      throw new SchemaNotReady(null, required,
          "schema \"" + schema + "\" has no CRM tables: " + migrate + " to create it at version " + required);
    }
    int comparison = SchemaMigrations.compare(found.get(), required);
    if (comparison < 0) {
      throw new SchemaNotReady(found.get(), required, "schema \"" + schema + "\" is at version " + found.get()
          + ", this CRM needs " + required + ": " + migrate);
    }
    if (comparison > 0) {
      throw new SchemaNotReady(found.get(), required, "schema \"" + schema + "\" is at version " + found.get()
          + ", newer than this CRM (" + required + "): use the CRM release that migrated it, or a later one");
    }
  }

  /** Row counts of the main tables (collaborators, clients, contracts, events, audit_entries, sessions). */
  public static Map<String, Long> recordCounts(DataSource any) {
    return recordCounts(any, SCHEMA);
  }

  /** Row counts of the main tables of a schema. */
  public static Map<String, Long> recordCounts(DataSource any, String schema) {
    SchemaName.check(schema);
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = any.getConnection(); Statement s = c.createStatement()) {
      for (String table : COUNTED) {
        // table names are the constants above, never input
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
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
   * The webhook backlog for {@code crm admin status}: attempts due now and scheduled later,
   * subscriptions currently failing and disabled ones.
   */
  public static com.epicevents.crm.application.port.out.WebhookBacklog webhookBacklog(DataSource any) {
    try (Connection c = any.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT"
            + " (SELECT count(*) FROM crm.webhook_deliveries d JOIN crm.webhook_subscriptions s"
            + "    ON s.id = d.subscription_id WHERE d.status IN ('pending', 'sending') AND s.active"
            + "    AND d.next_attempt_at <= now()),"
            + " (SELECT count(*) FROM crm.webhook_deliveries d JOIN crm.webhook_subscriptions s"
            + "    ON s.id = d.subscription_id WHERE d.status IN ('pending', 'sending') AND s.active"
            + "    AND d.next_attempt_at > now()),"
            + " (SELECT count(*) FROM crm.webhook_subscriptions WHERE active AND failing_since IS NOT NULL),"
            + " (SELECT count(*) FROM crm.webhook_subscriptions WHERE NOT active)")) {
      rs.next();
      return new com.epicevents.crm.application.port.out.WebhookBacklog(rs.getLong(1), rs.getLong(2), rs.getLong(3),
          rs.getLong(4));
    } catch (SQLException e) {
      throw failure("reading the webhook backlog", e);
    }
  }

  /**
   * Drops every CRM object of this database (schema crm, with the Flyway history and the
   * pg_trgm extension if it was installed there), so that a later migrate starts afresh. The
   * application role itself, which belongs to the server rather than the database, is kept.
   */
  public static void wipe(DataSource owner) {
    wipe(owner, SCHEMA);
  }

  /** {@link #wipe(DataSource)} for another schema. */
  public static void wipe(DataSource owner, String schema) {
    SchemaName.check(schema);
    try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"); // a checked identifier
    } catch (SQLException e) {
      throw failure("wiping the database", e);
    }
  }

  /** Walks the audit hash chain in id order and reports the first entry that does not match. */
  public static AuditVerification verifyAudit(DataSource any) {
    return verifyAudit(any, SCHEMA);
  }

  /** {@link #verifyAudit(DataSource)} for another schema. */
  public static AuditVerification verifyAudit(DataSource any, String schema) {
    SchemaName.check(schema);
    try (Connection c = any.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false); // lets the driver stream the rows with a cursor
      try {
        return verifyAudit(c, schema);
      } finally {
        c.rollback();
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw failure("verifying the audit trail", e);
    }
  }

  /**
   * As {@link #verifyAudit(DataSource)}, inside the caller's transaction (which must not be in
   * auto-commit for the rows to be streamed); the connection is left as it was.
   */
  public static AuditVerification verifyAudit(Connection c) throws SQLException {
    return verifyAudit(c, SCHEMA);
  }

  /** {@link #verifyAudit(Connection)} for another schema. */
  public static AuditVerification verifyAudit(Connection c, String schema) throws SQLException {
    SchemaName.check(schema);
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, at, actor_id, action, entity_type, entity_id, changes::text, prev_hash, hash"
            + " FROM " + schema + ".audit_entries ORDER BY id")) {
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        return walk(rs);
      }
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
    return pooledDataSource(jdbcUrl, user, password, maxPoolSize, SCHEMA);
  }

  /** {@link #pooledDataSource(String, String, String, int)} with search_path set to another schema. */
  public static HikariDataSource pooledDataSource(String jdbcUrl, String user, String password, int maxPoolSize,
      String schema) {
    SchemaName.check(schema);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(maxPoolSize);
    config.setMinimumIdle(Math.min(2, maxPoolSize));
    config.setPoolName("crm-" + user);
    config.addDataSourceProperty("currentSchema", schema);
    config.addDataSourceProperty("ApplicationName", "epic-events-crm");
    // The default random_page_cost, tuned for spinning disks, makes the planner walk the primary
    // key instead of a filter's index (measured on 100k clients / 1M events,
    // bench/scale-results.md). Plans are chosen per statement: PostgreSQL's own choice (a generic
    // plan once it is as good) everywhere, custom plans only where the data's skew needs them
    // (client search, events over a date range; see MyBatisClientRepository, EventMapper.xml).
    config.addDataSourceProperty("options", "-c random_page_cost=1.1");
    return new HikariDataSource(config);
  }

  /**
   * Every persistence port over one MyBatis session factory on the application's data source;
   * webhook bodies written by plain Jackson and no webhook secret key (subscriptions cannot be
   * created or read). For the HTTP API's exact shapes and signing, use the other overload.
   */
  public static PersistenceAdapters adapters(DataSource appDataSource) {
    return adapters(appDataSource, SCHEMA);
  }

  /** {@link #adapters(DataSource)} on another schema: every statement names that schema. */
  public static PersistenceAdapters adapters(DataSource appDataSource, String schema) {
    return adapters(appDataSource, schema, plainWebhookBodies(), CrmDatabase::noSecretKey, Clock.systemUTC());
  }

  /** {@link #adapters(DataSource)} with the core's clock (when a written-behind last use is due). */
  public static PersistenceAdapters adapters(DataSource appDataSource, Clock clock) {
    return adapters(appDataSource, SCHEMA, plainWebhookBodies(), CrmDatabase::noSecretKey, clock);
  }

  /** {@link #adapters(DataSource, String, WebhookBodies, java.util.function.Supplier, Clock)} on schema {@code crm}. */
  public static PersistenceAdapters adapters(DataSource appDataSource, WebhookBodies bodies,
      java.util.function.Supplier<SecretBox> secretBox) {
    return adapters(appDataSource, SCHEMA, bodies, secretBox, Clock.systemUTC());
  }

  /**
   * Every persistence port over one MyBatis session factory on the application's data source,
   * with the credential cache and its invalidation listener (on a connection of its own: a new
   * one from the pool's settings when {@code appDataSource} is a HikariCP pool, else one taken
   * from {@code appDataSource}, which must then not be a pool). Close the result to stop the
   * listeners and write the pending last uses of sessions.
   *
   * @param schema the CRM's schema: every statement names it
   * @param bodies writes a webhook event's body (the record as the HTTP API shows it)
   * @param secretBox seals webhook secrets at rest; asked for only when webhooks are managed or sent
   * @param clock when a written-behind last use is due (the core's clock)
   */
  public static PersistenceAdapters adapters(DataSource appDataSource, String schema, WebhookBodies bodies,
      java.util.function.Supplier<SecretBox> secretBox, Clock clock) {
    return adapters(appDataSource, schema, bodies, secretBox, clock, 0);
  }

  /**
   * As {@link #adapters(DataSource, String, WebhookBodies, java.util.function.Supplier, Clock)},
   * letting at most {@code concurrency} units of work use the database at once, the others waiting
   * in arrival order (0: no limit).
   */
  public static PersistenceAdapters adapters(DataSource appDataSource, String schema, WebhookBodies bodies,
      java.util.function.Supplier<SecretBox> secretBox, Clock clock, int concurrency) {
    MyBatisTransactions tx = new MyBatisTransactions(
        new SqlSessionFactoryBuilder().build(mybatis(appDataSource, schema)), concurrency);
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
        new MyBatisApiKeyStore(tx, cache),
        new MyBatisLoginAttemptStore(tx),
        new MyBatisAuditTrail(tx),
        new MyBatisChangeLog(tx, bodies),
        new MyBatisWebhookStore(tx, bodies, secretBox),
        new PostgresChangeSignals(changeListenerConnections(appDataSource)),
        new MyBatisIdempotencyStore(tx),
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

  private static PostgresChangeSignals.Connector changeListenerConnections(DataSource dataSource) {
    Callable<Connection> connections = listenerConnections(dataSource);
    return () -> {
      try {
        return connections.call();
      } catch (SQLException e) {
        throw e;
      } catch (Exception e) {
        throw new SQLException("cannot open the change listener's connection", e);
      }
    };
  }

  private static SecretBox noSecretKey() {
    throw new IllegalStateException("webhooks need webhooks.secret-key, which is not configured");
  }

  /** Webhook bodies whose {@code data} is the record's plain text form (no HTTP representation). */
  public static WebhookBodies plainWebhookBodies() {
    return CrmDatabase::plainBody;
  }

  private static String plainBody(String eventId, String type, Instant at, Object data) {
    try {
      var body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
      body.put("id", eventId).put("type", type).put("occurredAt", at.toString());
      body.set("data", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(String.valueOf(data)));
      return body.toString();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the webhook body cannot be written", e);
    }
  }

  /** The MyBatis configuration of {@link #adapters} (package-private: tests explain its SQL). */
  static Configuration mybatis(DataSource dataSource) {
    return mybatis(dataSource, SCHEMA);
  }

  static Configuration mybatis(DataSource dataSource, String schema) {
    SchemaName.check(schema);
    Configuration configuration = new Configuration(
        new Environment("crm", new JdbcTransactionFactory(), dataSource));
    configuration.setMapUnderscoreToCamelCase(true);
    // The XML mappers' row types have an explicit <resultMap> (constructor arguments by column):
    // matching column names to parameter names for every row cost half the server's CPU on a page
    // of events. The annotation mappers of the changes feed and webhooks still map by argument name.
    configuration.setArgNameBasedConstructorAutoMapping(true);
    // No cache across statements: a unit of work re-reads what it (or a concurrent one) changed.
    configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
    configuration.setCacheEnabled(false);
    configuration.setDefaultStatementTimeout(30);
    configuration.getTypeHandlerRegistry().register(Instant.class, new InstantTypeHandler());
    configuration.getLanguageRegistry().register(new SchemaQualifyingDriver(schema));
    configuration.setDefaultScriptingLanguage(SchemaQualifyingDriver.class);
    // Named one by one: scanning the package makes MyBatis list every entry of the class path's
    // jars, seconds of `crm serve`'s start in the single shaded jar.
    for (Class<?> row : List.of(AuditRow.class, ClientRow.class, CollaboratorRow.class, ContractRow.class,
        CredentialRow.class, EventRow.class, LoginAttemptRow.class, SessionRow.class, Stamp.class,
        ChangeRow.class, WebhookDeliveryRow.class, WebhookSubscriptionRow.class, ApiKeyRow.class,
        ApiKeyCredentialRow.class, IdempotencyRow.class)) {
      configuration.getTypeAliasRegistry().registerAlias(row);
    }
    for (Class<?> mapper : List.of(CollaboratorMapper.class, ClientMapper.class, ContractMapper.class,
        EventMapper.class, SessionMapper.class, LoginAttemptMapper.class, AuditMapper.class, ChangeMapper.class,
        WebhookMapper.class, ApiKeyMapper.class, IdempotencyMapper.class)) {
      addMapper(configuration, mapper, schema);
    }
    return configuration;
  }

  /**
   * The SQL of annotation mappers (written with schema {@code crm}) on the configured schema; the
   * XML mappers' text is qualified as it is read ({@link #addMapper}).
   */
  static final class SchemaQualifyingDriver extends org.apache.ibatis.scripting.xmltags.XMLLanguageDriver {
    private final String schema;

    SchemaQualifyingDriver(String schema) {
      this.schema = schema;
    }

    @Override
    public org.apache.ibatis.mapping.SqlSource createSqlSource(Configuration configuration, String script,
        Class<?> parameterType) {
      return super.createSqlSource(configuration, SchemaName.qualify(script, schema), parameterType);
    }
  }

  /** The mapper's XML (next to its interface), its SQL naming the configured schema. */
  private static void addMapper(Configuration configuration, Class<?> mapper, String schema) {
    String resource = mapper.getName().replace('.', '/') + ".xml";
    String xml;
    try (InputStream in = mapper.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        // SQL in annotations: the configuration's language driver puts the schema in.
        configuration.addMapper(mapper);
        return;
      }
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    byte[] qualified = SchemaName.qualify(xml, schema).getBytes(StandardCharsets.UTF_8);
    new XMLMapperBuilder(new ByteArrayInputStream(qualified), configuration, resource,
        configuration.getSqlFragments()).parse();
  }

  private static RuntimeException failure(String doing, SQLException e) {
    String state = e.getSQLState();
    if (state != null && (state.startsWith("08") || state.startsWith("28") || state.startsWith("57P"))) {
      return new DatabaseUnavailable(doing + " failed: the database is unavailable (SQLSTATE " + state + ")");
    }
    String why = state == null ? ""
        : state.startsWith("08") ? ": the database is unreachable"
        : state.equals("42501") ? ": permission denied"
        : state.equals("42P01") || state.equals("3F000") ? ": the database is not migrated"
        : "";
    return new PersistenceFailure(doing + " failed" + why, state);
  }
}
