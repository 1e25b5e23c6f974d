package com.epicevents.crm.core;

import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ErrorReporter;
import com.epicevents.crm.application.port.out.PasswordHasher;
import com.epicevents.crm.application.service.CorePorts;
import com.epicevents.crm.application.service.CrmServices;
import com.epicevents.crm.application.service.SecuritySettings;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.PersistenceAdapters;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The CRM core as a library: give it a PostgreSQL {@link DataSource} (connecting as the
 * application role, on a database migrated with {@link CrmDatabase#configure}) and it hands out
 * every use case. This is the one entry point for developers embedding the CRM with their own
 * adapters; the text UI, the HTTP API and {@code crm admin} are built on it too.
 *
 * <p>Thread-safe: build one core per database and share it; every use case call is its own
 * transaction on a connection borrowed from the {@code DataSource} and returned before the call
 * ends. The core holds no other resource: closing the {@code DataSource} (the caller's) is all
 * there is to shut down.
 *
 * <pre>{@code
 * CrmCore core = CrmCore.builder(dataSource).build();
 * var login = core.useCases().logIn().logIn(new LogInUseCase.Command("ada", password, SessionKind.API));
 * var clients = core.useCases().clients().list(login.token(), ClientFilter.ALL, PageRequest.firstDefault());
 * }</pre>
 */
public final class CrmCore {
  private final UseCases useCases;
  private final CorePorts ports;

  private CrmCore(CorePorts ports) {
    this.ports = ports;
    this.useCases = CrmServices.create(ports);
  }

  public static Builder builder(DataSource appDataSource) {
    return new Builder(appDataSource);
  }

  /** Every use case, for an adapter to call. */
  public UseCases useCases() {
    return useCases;
  }

  public ErrorReporter errorReporter() {
    return ports.errorReporter();
  }

  public SecuritySettings securitySettings() {
    return ports.settings();
  }

  /** Options with production defaults: Argon2id, no monitoring, the system clock, default security settings. */
  public static final class Builder {
    private final DataSource dataSource;
    private String schema = CrmDatabase.SCHEMA;
    private PasswordHasher passwordHasher;
    private ErrorReporter errorReporter = ErrorReporter.NONE;
    private Clock clock = Clock.systemUTC();
    private SecuritySettings securitySettings = SecuritySettings.DEFAULTS;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The schema the CRM was migrated into (default {@value CrmDatabase#SCHEMA}). */
    public Builder schema(String schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    public Builder passwordHasher(PasswordHasher hasher) {
      this.passwordHasher = Objects.requireNonNull(hasher);
      return this;
    }

    public Builder errorReporter(ErrorReporter reporter) {
      this.errorReporter = Objects.requireNonNull(reporter);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder securitySettings(SecuritySettings settings) {
      this.securitySettings = Objects.requireNonNull(settings);
      return this;
    }

    /**
     * Checks the database, then builds the core.
     *
     * @throws com.epicevents.crm.domain.error.DatabaseUnavailable the database cannot be reached
     * @throws com.epicevents.crm.domain.error.SchemaNotReady the schema is not migrated, needs migrations, or is
     *     newer than this CRM; the message says what to run
     * @throws IllegalArgumentException the schema name is not a plain lower-case identifier
     */
    public CrmCore build() {
      CrmDatabase.checkSchema(dataSource, schema);
      PersistenceAdapters db = CrmDatabase.adapters(dataSource, schema);
      PasswordHasher hasher = passwordHasher != null ? passwordHasher : new Argon2PasswordHasher();
      return new CrmCore(new CorePorts(db.transactions(), db.collaborators(), db.clients(), db.contracts(),
          db.events(), db.sessions(), db.loginAttempts(), db.auditTrail(), hasher, errorReporter, clock,
          securitySettings));
    }
  }
}
