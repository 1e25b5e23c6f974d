package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.http.json.IntegrationRepresentations;
import com.epicevents.crm.application.service.WebhookSettings;
import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.bootstrap.config.CrmConfigException;
import com.epicevents.crm.bootstrap.config.Setting;
import com.epicevents.crm.core.CrmCore;
import com.epicevents.crm.bootstrap.monitoring.SentryErrorReporter;
import com.epicevents.crm.bootstrap.monitoring.SentrySettings;
import com.epicevents.crm.core.Argon2PasswordHasher;
import com.epicevents.crm.core.Argon2Settings;
import com.epicevents.crm.persistence.CrmDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The CRM as the interfaces run it: the configured database (embedded or external), a pool
 * connecting as the application role, monitoring when configured, Argon2id at the configured
 * cost, and the core over them. Closing it closes them in reverse order.
 */
public final class RunningCrm implements AutoCloseable {
  private final CrmConfig config;
  private final DatabaseTarget target;
  private final HikariDataSource pool;
  private final SentryErrorReporter reporter;
  private final CrmCore core;

  private RunningCrm(CrmConfig config, DatabaseTarget target, HikariDataSource pool, SentryErrorReporter reporter,
      CrmCore core) {
    this.config = config;
    this.target = target;
    this.pool = pool;
    this.reporter = reporter;
    this.core = core;
  }

  /** Opens an initialised, migrated CRM database, or fails with a one-line reason saying what to run. */
  public static RunningCrm open(CrmConfig config, int poolSize) {
    return open(config, poolSize, entry -> { });
  }

  /** As {@link #open(CrmConfig, int)}, telling {@code auditListener} of every audit entry appended (metrics). */
  public static RunningCrm open(CrmConfig config, int poolSize, Consumer<AuditEntry> auditListener) {
    DatabaseTarget target = DatabaseTarget.open(config, false);
    try {
      requireMigrated(target);
      return start(config, target, poolSize, auditListener);
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
  }

  /**
   * Does what {@code crm admin init} does — generates the missing passwords into the configuration
   * file, creates the embedded server or the external database, the application role, migrates —
   * then opens the CRM on the same server (an embedded one is started once). The text UI's first
   * launch uses it.
   *
   * @param reload reads the configuration again once generated passwords were written
   */
  public static RunningCrm initialise(CrmConfig config, Supplier<CrmConfig> reload, int poolSize) {
    InitUndo undo = InitUndo.before(config);
    try {
      return initialiseOrFail(config, reload, poolSize);
    } catch (RuntimeException e) {
      undo.undo(); // nothing a refused set-up wrote stays behind
      throw e;
    }
  }

  private static RunningCrm initialiseOrFail(CrmConfig config, Supplier<CrmConfig> reload, int poolSize) {
    CrmConfig ready = Secrets.ensureForInit(config, reload);
    DatabaseTarget target = DatabaseTarget.open(ready, true);
    try {
      AdminInit.initialise(target, ready);
      return start(ready, target, poolSize, entry -> { });
    } catch (SQLException e) {
      target.close();
      throw new CliFailure("cannot set up the database at " + target.location() + ": "
          + Failures.firstLine(e.getMessage()), e);
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
  }

  private static RunningCrm start(CrmConfig config, DatabaseTarget target, int poolSize,
      Consumer<AuditEntry> auditListener) {
    if (config.dbAppUser() == null || config.dbAppPassword() == null) {
      throw new CliFailure("db.app.user / db.app.password, the application role, are not configured: "
          + "run 'crm admin init'");
    }
    SentryErrorReporter reporter = startMonitoring(config);
    HikariDataSource pool;
    int concurrency = config.operations().databaseConcurrency();
    try {
      // A few connections beyond the units admitted at once: a unit nested in another takes a second one.
      pool = CrmDatabase.pooledDataSource(target.applicationJdbcUrl(), config.dbAppUser(), config.dbAppPassword(),
          Math.max(poolSize, concurrency + 4));
    } catch (RuntimeException e) {
      reporter.close();
      throw e;
    }
    CrmCore core = CrmCore.builder(pool)
        .databaseConcurrency(concurrency)
        .passwordHasher(new Argon2PasswordHasher(argon2(config)))
        .auditListener(auditListener)
        .securitySettings(config.securitySettings())
        .errorReporter(reporter)
        .webhookBodies(IntegrationRepresentations::webhookBody)
        .webhookSettings(new WebhookSettings(config.webhooksAllowPrivateNetworks()))
        .idempotencySettings(config.operations().idempotencySettings())
        .webhookSecretKey(config.webhooksSecretKey() == null ? null
            : java.util.Base64.getDecoder().decode(config.webhooksSecretKey()))
        .build();
    return new RunningCrm(config, target, pool, reporter, core);
  }

  private static void requireMigrated(DatabaseTarget target) {
    try {
      if (!target.databaseExists()) {
        throw new CliFailure("the CRM database does not exist yet: run 'crm admin init'");
      }
    } catch (SQLException e) {
      throw new CliFailure("cannot reach the database at " + target.location() + " (SQLSTATE " + e.getSQLState() + ")");
    }
    Optional<String> version = CrmDatabase.schemaVersion(target.owner());
    if (version.isEmpty()) {
      throw new CliFailure("the CRM database has no schema yet: run 'crm admin init'");
    }
  }

  static Argon2Settings argon2(CrmConfig config) {
    return new Argon2Settings(config.argon2MemoryKib(), config.argon2Iterations(), config.argon2Parallelism());
  }

  static SentryErrorReporter startMonitoring(CrmConfig config) {
    try {
      return SentryErrorReporter.start(new SentrySettings(config.sentryDsn(), config.sentryEnvironment(), version()));
    } catch (IllegalArgumentException invalidDsn) {
      throw new CrmConfigException(invalidDsn.getMessage() + " (from " + config.origin(Setting.SENTRY_DSN) + ")");
    }
  }

  /** The project version, as the release Sentry events carry. */
  static String version() {
    String v = RunningCrm.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  public CrmCore core() {
    return core;
  }

  /** The configuration it runs with (after any passwords {@link #initialise} generated). */
  public CrmConfig config() {
    return config;
  }

  HikariDataSource pool() {
    return pool;
  }

  /** Where the data lives, for status lines ("embedded PostgreSQL, data in …"). */
  public String databaseDescription() {
    return target.description();
  }

  @Override
  public void close() {
    core.close();
    pool.close();
    reporter.close();
    target.close();
  }
}
