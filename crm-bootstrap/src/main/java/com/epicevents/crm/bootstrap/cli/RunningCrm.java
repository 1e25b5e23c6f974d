package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.bootstrap.config.CrmConfigException;
import com.epicevents.crm.bootstrap.config.Setting;
import com.epicevents.crm.bootstrap.module.CrmCore;
import com.epicevents.crm.bootstrap.monitoring.SentryErrorReporter;
import com.epicevents.crm.bootstrap.monitoring.SentrySettings;
import com.epicevents.crm.bootstrap.security.Argon2PasswordHasher;
import com.epicevents.crm.bootstrap.security.Argon2Settings;
import com.epicevents.crm.persistence.CrmDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The CRM as the interfaces run it: the configured database (embedded or external), a pool
 * connecting as the application role, monitoring when configured, Argon2id at the configured
 * cost, and the core over them. Closing it closes them in reverse order.
 */
final class RunningCrm implements AutoCloseable {
  private final DatabaseTarget target;
  private final HikariDataSource pool;
  private final SentryErrorReporter reporter;
  private final CrmCore core;

  private RunningCrm(DatabaseTarget target, HikariDataSource pool, SentryErrorReporter reporter, CrmCore core) {
    this.target = target;
    this.pool = pool;
    this.reporter = reporter;
    this.core = core;
  }

  /** Opens an initialised, migrated CRM database, or fails with a one-line reason saying what to run. */
  static RunningCrm open(CrmConfig config, int poolSize) {
    DatabaseTarget target = DatabaseTarget.open(config, false);
    try {
      requireMigrated(target);
      if (config.dbAppUser() == null || config.dbAppPassword() == null) {
        throw new CliFailure("db.app.user / db.app.password, the application role, are not configured: "
            + "run 'crm admin init'");
      }
      SentryErrorReporter reporter = startMonitoring(config);
      HikariDataSource pool = CrmDatabase.pooledDataSource(
          target.applicationJdbcUrl(), config.dbAppUser(), config.dbAppPassword(), poolSize);
      CrmCore core = CrmCore.builder(pool)
          .passwordHasher(new Argon2PasswordHasher(argon2(config)))
          .securitySettings(config.securitySettings())
          .errorReporter(reporter)
          .build();
      return new RunningCrm(target, pool, reporter, core);
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
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

  CrmCore core() {
    return core;
  }

  HikariDataSource pool() {
    return pool;
  }

  /** Where the data lives, for status lines ("embedded PostgreSQL, data in …"). */
  String databaseDescription() {
    return target.description();
  }

  @Override
  public void close() {
    pool.close();
    reporter.close();
    target.close();
  }
}
