package com.epicevents.crm.bootstrap.module;

import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ErrorReporter;
import com.epicevents.crm.application.port.out.PasswordHasher;
import com.epicevents.crm.application.service.CorePorts;
import com.epicevents.crm.application.service.CrmServices;
import com.epicevents.crm.application.service.SecuritySettings;
import com.epicevents.crm.bootstrap.security.Argon2PasswordHasher;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.PersistenceAdapters;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The CRM core as a library: give it a PostgreSQL {@link DataSource} (connecting as the
 * application role, on a database migrated with {@link CrmDatabase#migrate}) and it hands out
 * every use case. This is the one entry point for developers embedding the CRM with their own
 * adapters; the text UI, the HTTP API and {@code crm admin} are built on it too.
 *
 * <pre>{@code
 * CrmCore core = CrmCore.builder(dataSource).build();
 * var login = core.useCases().logIn().logIn(new LogInUseCase.Command("ada", password, SessionKind.API));
 * var clients = core.useCases().clients().list(login.token(), ClientFilter.ALL, PageRequest.firstDefault());
 * }</pre>
 */
public final class CrmCore implements AutoCloseable {
  private final UseCases useCases;
  private final CorePorts ports;
  private final PersistenceAdapters persistence;

  private CrmCore(CorePorts ports, PersistenceAdapters persistence) {
    this.ports = ports;
    this.persistence = persistence;
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

  /**
   * Stops what the core runs in the background (the listener that keeps cached credentials
   * exact, the write-behind of session last uses) and writes the pending last uses. Close it
   * before the data source.
   */
  @Override
  public void close() {
    persistence.close();
  }

  /** Options with production defaults: Argon2id, no monitoring, the system clock, default security settings. */
  public static final class Builder {
    private final DataSource dataSource;
    private PasswordHasher passwordHasher;
    private ErrorReporter errorReporter = ErrorReporter.NONE;
    private Clock clock = Clock.systemUTC();
    private SecuritySettings securitySettings = SecuritySettings.DEFAULTS;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
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

    public CrmCore build() {
      PersistenceAdapters db = CrmDatabase.adapters(dataSource, clock);
      PasswordHasher hasher = passwordHasher != null ? passwordHasher : new Argon2PasswordHasher();
      return new CrmCore(new CorePorts(db.transactions(), db.collaborators(), db.clients(), db.contracts(),
          db.events(), db.sessions(), db.loginAttempts(), db.auditTrail(), hasher, errorReporter, clock,
          securitySettings), db);
    }
  }
}
