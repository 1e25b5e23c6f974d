package com.epicevents.crm.bootstrap.tui;

import com.epicevents.crm.bootstrap.cli.Failures;
import com.epicevents.crm.bootstrap.cli.RunningCrm;
import com.epicevents.crm.bootstrap.config.ConfigFile;
import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.bootstrap.config.CrmConfigException;
import com.epicevents.crm.bootstrap.config.Setting;
import com.epicevents.crm.bootstrap.embedded.EmbeddedDatabase;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.tui.setup.SetUp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first launch of {@code crm} (product.md, "Set-up and database") as the text UI's set-up
 * port: the embedded database in one step, or an existing PostgreSQL server tested before
 * anything is saved, then written to crm.conf and migrated (crm.conf put back if that fails).
 * The screens are the text UI's; this class only sets up. It holds the CRM it opened, which the
 * caller closes ({@link #close}).
 */
public final class CrmSetUp implements SetUp, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CrmSetUp.class);

  private final Supplier<CrmConfig> configuration;
  private final int poolSize;
  private RunningCrm crm;

  /**
   * @param configuration reads the configuration (again after crm.conf was written)
   * @param crm the CRM when its database is set up already, else null
   * @param poolSize the connection pool size of a CRM opened here
   */
  public CrmSetUp(Supplier<CrmConfig> configuration, RunningCrm crm, int poolSize) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
    this.crm = crm;
    this.poolSize = poolSize;
  }

  /**
   * True when the CRM has no database yet: no db.url (from crm.conf or the environment) and no
   * embedded database created and initialised in the CRM home.
   */
  public static boolean databaseNeeded(CrmConfig config) {
    return config.embedded() && (!EmbeddedDatabase.isCreated(config.home()) || config.dbAppPassword() == null);
  }

  /** True when nobody could log in: the CRM has no active manager. */
  public static boolean managerNeeded(RunningCrm crm) {
    return crm.core().useCases().createManagerAsAdmin().noActiveManager();
  }

  /** The CRM set up (or given), or null while there is none. */
  public RunningCrm crm() {
    return crm;
  }

  @Override
  public State state() {
    if (crm == null) {
      return State.NEEDS_DATABASE;
    }
    return managerNeeded(crm) ? State.NEEDS_MANAGER : State.READY;
  }

  @Override
  public String statusLine() {
    return crm == null
        ? "Set-up | CRM home: " + DatabaseLabel.path(configuration.get().home())
        : "Set-up | Database: " + DatabaseLabel.of(crm.config());
  }

  @Override
  public String embeddedDataPlace() {
    return DatabaseLabel.path(EmbeddedDatabase.dataDirectory(configuration.get().home()));
  }

  @Override
  public String configFilePlace() {
    return DatabaseLabel.path(configuration.get().configFile());
  }

  @Override
  public String homePlace() {
    return DatabaseLabel.path(configuration.get().home());
  }

  @Override
  public Ready ready() {
    if (crm == null) {
      throw new IllegalStateException("the CRM database is not set up yet");
    }
    return new Ready(crm.core().useCases(), crm.core().errorReporter(), DatabaseLabel.of(crm.config()));
  }

  @Override
  public Ready setUpEmbedded() {
    try {
      crm = RunningCrm.initialise(configuration.get(), configuration, poolSize);
    } catch (RuntimeException e) {
      throw failed("the embedded database could not be set up", e);
    }
    return ready();
  }

  @Override
  public List<FieldError> checkServer(String host, String port, String database, String user, String password,
      String repeat) {
    return ExistingServer.check(host, port, database, user, password, repeat);
  }

  @Override
  public int port(String typed) {
    return ExistingServer.parsePort(typed);
  }

  @Override
  public Probe testServer(Server server) {
    return existing(server).probe();
  }

  @Override
  public Ready saveServer(Server server) {
    ExistingServer existing = existing(server);
    Path file = configuration.get().configFile();
    Snapshot before = null;
    try {
      before = Snapshot.of(file);
      Map<Setting, String> values = new EnumMap<>(Setting.class);
      values.put(Setting.DB_URL, existing.jdbcUrl());
      values.put(Setting.DB_USER, existing.user());
      values.put(Setting.DB_PASSWORD, existing.password());
      ConfigFile.update(file, values);
      crm = RunningCrm.initialise(configuration.get(), configuration, poolSize);
    } catch (RuntimeException e) {
      RuntimeException failure = e;
      if (before != null) {
        try {
          before.restore();
        } catch (RuntimeException restoreFailed) {
          restoreFailed.addSuppressed(e);
          failure = restoreFailed;
        }
      }
      throw failed((failure == e ? "Nothing was saved: " : "") + Failures.oneLine(failure), failure);
    }
    return ready();
  }

  /** Closes the CRM opened or given here. */
  @Override
  public void close() {
    if (crm != null) {
      crm.close();
      crm = null;
    }
  }

  private static ExistingServer existing(Server server) {
    return new ExistingServer(server.host(), server.port(), server.database(), server.user(), server.password());
  }

  private static Failed failed(String what, RuntimeException e) {
    String reason = Failures.oneLine(e);
    LOG.warn("first launch: {}: {}", what, reason, e);
    return new Failed(what.contains(reason) ? what : what + ": " + reason, e);
  }

  /** crm.conf as it was before it was written to (absent: null), to put back if set-up fails. */
  private record Snapshot(Path file, byte[] content) {
    static Snapshot of(Path file) {
      try {
        return new Snapshot(file, Files.exists(file) ? Files.readAllBytes(file) : null);
      } catch (IOException e) {
        throw new CrmConfigException("cannot read the configuration file " + file + ": " + e.getMessage(), e);
      }
    }

    void restore() {
      try {
        if (content == null) {
          Files.deleteIfExists(file);
        } else {
          // The file is owner-only already (ConfigFile wrote it); rewriting keeps its permissions.
          Files.write(file, content);
        }
      } catch (IOException e) {
        throw new CrmConfigException("cannot restore the configuration file " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
