package com.epicevents.crm.bootstrap.module;

import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.application.port.out.AuditRecord;
import com.epicevents.crm.application.port.out.AuditTrail;
import com.epicevents.crm.application.port.out.ErrorReporter;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.port.out.PasswordHasher;
import com.epicevents.crm.application.service.CorePorts;
import com.epicevents.crm.application.service.CrmServices;
import com.epicevents.crm.application.service.SecuritySettings;
import com.epicevents.crm.bootstrap.security.Argon2PasswordHasher;
import com.epicevents.crm.bootstrap.security.BoundedPasswordHasher;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.PersistenceAdapters;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
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
public final class CrmCore {
  private final UseCases useCases;
  private final CorePorts ports;
  private final BoundedPasswordHasher passwordHashing;

  private CrmCore(CorePorts ports, BoundedPasswordHasher passwordHashing) {
    this.ports = ports;
    this.passwordHashing = passwordHashing;
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

  /** The bounded executor every password check runs on (its queue is a metric). */
  public BoundedPasswordHasher passwordHashing() {
    return passwordHashing;
  }

  private static AuditTrail listened(AuditTrail trail, Consumer<AuditEntry> listener) {
    return new AuditTrail() {
      @Override
      public void append(AuditEntry entry) {
        trail.append(entry);
        listener.accept(entry);
      }

      @Override
      public Page<AuditRecord> list(AuditFilter filter, PageRequest page) {
        return trail.list(filter, page);
      }
    };
  }

  /** Options with production defaults: Argon2id, no monitoring, the system clock, default security settings. */
  public static final class Builder {
    private final DataSource dataSource;
    private PasswordHasher passwordHasher;
    private ErrorReporter errorReporter = ErrorReporter.NONE;
    private Clock clock = Clock.systemUTC();
    private SecuritySettings securitySettings = SecuritySettings.DEFAULTS;
    private Consumer<AuditEntry> auditListener = entry -> { };

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

    /** Told of every audit entry appended (after it joined its transaction): for metrics; must not throw. */
    public Builder auditListener(Consumer<AuditEntry> listener) {
      this.auditListener = Objects.requireNonNull(listener);
      return this;
    }

    public CrmCore build() {
      PersistenceAdapters db = CrmDatabase.adapters(dataSource);
      BoundedPasswordHasher hasher = BoundedPasswordHasher.sizedToTheCores(
          passwordHasher != null ? passwordHasher : new Argon2PasswordHasher());
      return new CrmCore(new CorePorts(db.transactions(), db.collaborators(), db.clients(), db.contracts(),
          db.events(), db.sessions(), db.loginAttempts(), listened(db.auditTrail(), auditListener), hasher, errorReporter, clock,
          securitySettings), hasher);
    }
  }
}
