package com.epicevents.crm.core;

import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.application.port.out.AuditRecord;
import com.epicevents.crm.application.port.out.AuditTrail;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.port.out.ChangeSignals;
import com.epicevents.crm.application.port.out.ErrorReporter;
import com.epicevents.crm.application.port.out.HostResolver;
import com.epicevents.crm.application.port.out.PasswordHasher;
import com.epicevents.crm.application.port.out.WebhookSender;
import com.epicevents.crm.application.service.CorePorts;
import com.epicevents.crm.application.service.CrmServices;
import com.epicevents.crm.application.service.IdempotencySettings;
import com.epicevents.crm.application.service.SecuritySettings;
import com.epicevents.crm.application.service.WebhookSettings;
import com.epicevents.crm.core.webhooks.JdkWebhookSender;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.PersistenceAdapters;
import com.epicevents.crm.persistence.SecretBox;
import com.epicevents.crm.persistence.WebhookBodies;
import com.epicevents.crm.domain.audit.AuditEntry;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The CRM core as a library: give it a PostgreSQL {@link DataSource} (connecting as the
 * application role, on a database migrated with {@link CrmDatabase#configure}) and it hands out
 * every use case. This is the one entry point for developers embedding the CRM with their own
 * adapters; the text UI, the HTTP API and {@code crm admin} are built on it too.
 *
 * <p>Thread-safe: build one core per database and share it; every use case call is its own
 * transaction on a connection borrowed from the {@code DataSource} and returned before the call
 * ends. Besides those, the core holds two connections of its own for LISTEN (the credential
 * cache's invalidations, from the start; change and webhook signals, when first needed) and
 * writes sessions' last uses behind: {@link #close()} the core, then close the
 * {@code DataSource} (the caller's).
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
  private final BoundedPasswordHasher passwordHashing;

  private CrmCore(CorePorts ports, PersistenceAdapters persistence, BoundedPasswordHasher passwordHashing) {
    this.ports = ports;
    this.persistence = persistence;
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

  /** Wakes its waiters when a change or a webhook attempt is committed (LISTEN/NOTIFY). */
  public ChangeSignals changeSignals() {
    return persistence.changeSignals();
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

  /**
   * Wakes every waiter on {@link #changeSignals()} and stops that listener (the process is
   * stopping: long polls answer at once, delivery workers stop waiting). {@link #close()} still
   * has to be called.
   */
  public void stopChangeSignals() {
    persistence.changeSignals().close();
  }

  /**
   * Stops what the core runs in the background (its listeners, each on a connection of its own;
   * the write-behind of session last uses; the password-hashing threads) and writes the pending
   * last uses. Close it before the
   * data source, which is the caller's to close.
   */
  @Override
  public void close() {
    try {
      persistence.close();
    } finally {
      passwordHashing.close();
    }
  }

  /**
   * Options with production defaults: Argon2id, no monitoring, the system clock, default security
   * settings, webhooks sent by the JDK's HttpClient to public addresses only (system DNS).
   */
  public static final class Builder {
    private final DataSource dataSource;
    private String schema = CrmDatabase.SCHEMA;
    private PasswordHasher passwordHasher;
    private ErrorReporter errorReporter = ErrorReporter.NONE;
    private Clock clock = Clock.systemUTC();
    private SecuritySettings securitySettings = SecuritySettings.DEFAULTS;
    private WebhookSettings webhookSettings = WebhookSettings.DEFAULTS;
    private IdempotencySettings idempotencySettings = IdempotencySettings.DEFAULTS;
    private byte[] webhookSecretKey;
    private Consumer<AuditEntry> auditListener = entry -> { };
    private WebhookBodies webhookBodies;
    private WebhookSender webhookSender = new JdkWebhookSender();
    private HostResolver hostResolver = HostResolver.SYSTEM;
    private int databaseConcurrency;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The schema the CRM was migrated into (default {@value CrmDatabase#SCHEMA}). */
    public Builder schema(String schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /**
     * At most this many units of work (a transaction, or a read's one statement) use the database
     * at once; the others wait their turn in arrival order, at most 30 s. Default 0: no limit but
     * the data source's own. On a small machine shared with PostgreSQL, about twice its cores keeps
     * every request's latency close to the average (measured in bench/http-results.md). Give the
     * pool a few more connections than this: a unit nested in another takes a second one without
     * queueing.
     */
    public Builder databaseConcurrency(int units) {
      if (units < 0) {
        throw new IllegalArgumentException("databaseConcurrency must be 0 (no limit) or more, got " + units);
      }
      this.databaseConcurrency = units;
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

    /** Told of every audit entry appended (after it joined its transaction): for metrics; must not throw. */
    public Builder auditListener(Consumer<AuditEntry> listener) {
      this.auditListener = Objects.requireNonNull(listener);
      return this;
    }

    /** How long the outcomes of requests sent with an idempotency key are kept (default 24 hours). */
    public Builder idempotencySettings(IdempotencySettings settings) {
      this.idempotencySettings = Objects.requireNonNull(settings);
      return this;
    }

    public Builder webhookSettings(WebhookSettings settings) {
      this.webhookSettings = Objects.requireNonNull(settings);
      return this;
    }

    /**
     * The 32-byte key sealing webhook signing secrets in the database (setting
     * {@code webhooks.secret-key}). Without it, webhooks cannot be managed or delivered; changes
     * are still announced and queued.
     */
    public Builder webhookSecretKey(byte[] key) {
      this.webhookSecretKey = key == null ? null : key.clone();
      return this;
    }

    /**
     * How a webhook event's body is written when it is queued. The {@code crm} application passes
     * the HTTP API's representation (the record as {@code GET} returns it); without this option the
     * body's {@code data} is the record's plain text form, enough for a host that does not run
     * webhooks itself.
     */
    public Builder webhookBodies(WebhookBodies bodies) {
      this.webhookBodies = Objects.requireNonNull(bodies);
      return this;
    }

    public Builder webhookSender(WebhookSender sender) {
      this.webhookSender = Objects.requireNonNull(sender);
      return this;
    }

    public Builder hostResolver(HostResolver resolver) {
      this.hostResolver = Objects.requireNonNull(resolver);
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
      SecretBox box = webhookSecretKey == null ? null : new SecretBox(webhookSecretKey);
      java.util.function.Supplier<SecretBox> secrets = () -> {
        if (box == null) {
          throw new IllegalStateException("webhooks need webhooks.secret-key, which is not configured");
        }
        return box;
      };
      PersistenceAdapters db = CrmDatabase.adapters(dataSource, schema,
          webhookBodies == null ? CrmDatabase.plainWebhookBodies() : webhookBodies, secrets, clock, databaseConcurrency);
      BoundedPasswordHasher hasher = BoundedPasswordHasher.sizedToTheCores(
          passwordHasher != null ? passwordHasher : new Argon2PasswordHasher());
      return new CrmCore(new CorePorts(db.transactions(), db.collaborators(), db.clients(), db.contracts(),
          db.events(), db.sessions(), db.apiKeys(), db.loginAttempts(), listened(db.auditTrail(), auditListener), hasher, errorReporter, clock,
          securitySettings, db.changes(), db.changeSignals(), db.webhooks(), webhookSender, hostResolver,
          webhookSettings, db.idempotency(), idempotencySettings), db, hasher);
    }
  }
}
