package com.epicevents.crm.bootstrap.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.bootstrap.config.ConfigFile;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.testing.TestDatabase;
import com.epicevents.crm.tui.Tui;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The first launch's "existing PostgreSQL server" path through the text UI's screens and test
 * driver over the real set-up port, in-process on a virtual terminal, with the test PostgreSQL
 * server as the existing one. Nothing reaches crm.conf before the fields
 * pass their rules and the server accepted the connection.
 */
class FirstLaunchOnAServerTest {
  private static final String MANAGER_PASSWORD = "a long and private passphrase";

  static TestDatabase fixture;
  static String host;
  static int port;
  static String user;
  static String password;

  @TempDir Path home;

  @BeforeAll
  static void server() {
    // Only for the server's address and its administrator's credentials.
    fixture = TestDatabase.fresh();
    URI uri = URI.create(TestDatabase.serverJdbcUrl("postgres").substring("jdbc:".length()));
    host = uri.getHost();
    port = uri.getPort() < 0 ? 5432 : uri.getPort();
    user = fixture.ownerUser();
    // The embedded test server trusts local connections: any password is accepted there.
    password = fixture.ownerPassword() == null ? "not checked by this server" : fixture.ownerPassword();
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void thePostgresDatabaseAndNamesBreakingTheRulesAreRefusedBeforeAnythingIsSaved() {
    Tui screen = open();
    screen.type("2").assertShows("Existing PostgreSQL server", "Host *", "localhost", "5432", "epic_crm");

    fill(screen, host, Integer.toString(port), "postgres", user, password, password);
    screen.press(KeyType.F10);
    assertTrue(screen.lineWith("Database name *").contains("'postgres' is the server's own"), screen.screen());

    // The cursor is on the field in error.
    screen.clearField().type("epic crm");
    screen.press(KeyType.F10);
    assertTrue(screen.lineWith("Database name *").contains("1 to 20 letters, digits"), screen.screen());

    screen.clearField().type("a_name_of_21_chars_xx");
    screen.press(KeyType.F10);
    assertTrue(screen.lineWith("Database name *").contains("1 to 20 letters, digits"), screen.screen());

    assertFalse(Files.exists(home.resolve("crm.conf")), "nothing saved");
    assertFalse(screen.ui.finished());
    screen.ui.close();
  }

  @Test
  void aMismatchedRepeatIsAskedForAgainAloneAndNothingIsSaved() {
    Tui screen = open();
    screen.type("2");
    fill(screen, host, Integer.toString(port), "epic_crm", user, "one password", "another password");
    screen.press(KeyType.F10);

    assertTrue(screen.lineWith("Repeat password *").contains("the two passwords differ"), screen.screen());
    assertTrue(screen.lineWith("Password *").contains("*****"), "the first one is kept:\n" + screen.screen());
    assertFalse(screen.lineWith("Repeat password *").contains("*****"), screen.screen());
    assertFalse(Files.exists(home.resolve("crm.conf")), "nothing saved");
    screen.ui.close();
  }

  @Test
  void anUnreachableServerWritesNoConfigurationAndSaysWhy() throws IOException {
    int closedPort = freePort();
    Tui screen = open();
    screen.type("2");
    fill(screen, "localhost", Integer.toString(closedPort), "epic_crm", user, password, password);
    screen.press(KeyType.F10);

    screen.assertShows("Nothing was saved: no PostgreSQL server answered at localhost:" + closedPort
        + " (connection refused).");
    assertFalse(Files.exists(home.resolve("crm.conf")), "nothing saved");
    assertFalse(screen.ui.finished());
    screen.ui.close();
  }

  @Test
  void aNewDatabaseIsCreatedAndMigratedItsFirstManagerLogsInAndAnotherInstallFindsItReady() throws Exception {
    String database = "wiz_" + HexFormat.of().formatHex(randomBytes(5));
    String appRole = "crm_app_" + database;
    // A crm.conf without a database still means "not set up"; the role name keeps this test's apart.
    Files.writeString(home.resolve("crm.conf"), "db.app.user=" + appRole + "\n");
    CrmSetUp setUp = new CrmSetUp(FirstLaunchEmbeddedTest.configOf(home), null, 2);
    CrmSetUp another = null;
    try {
      Tui screen = new Tui(setUp, 100, 34);
      screen.type("2");
      fill(screen, host, Integer.toString(port), database, user, password, password);
      screen.press(KeyType.F10).assertShows("Please confirm", "Database: " + database + " (new: it will be created)",
          "Password: ********");
      screen.type("y").assertShows("First manager's account", "Database: " + database + " on " + host + ":" + port);

      Map<String, String> conf = ConfigFile.read(home.resolve("crm.conf"));
      assertEquals("jdbc:postgresql://" + host + ":" + port + "/" + database, conf.get("db.url"));
      assertEquals(user, conf.get("db.user"));
      assertEquals(password, conf.get("db.password"));
      assertEquals(appRole, conf.get("db.app.user"));
      assertNotNull(conf.get("db.app.password"));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("crm.conf"))));
      assertFalse(CrmSetUp.databaseNeeded(FirstLaunchEmbeddedTest.configOf(home).get()), "the next start goes to login");
      assertTrue(CrmDatabase.schemaVersion(owner(database)).isPresent(), "migrated");

      screen.type("grace\nGrace Hopper\n\n+1 555 0100\n" + MANAGER_PASSWORD + "\n" + MANAGER_PASSWORD + "\n");
      screen.press(KeyType.F10).assertShows("Please confirm", "Username: grace", "Team: Management").type("y");
      screen.assertShows("Manager grace was created",
          "Log in to the CRM (database: " + database + " on " + host + ":" + port + ")");
      screen.type(MANAGER_PASSWORD + "\n").assertShows("MANAGEMENT MENU | Welcome, Grace Hopper");
      screen.type("q").type("y").esc();
      assertTrue(screen.ui.finished());
      screen.ui.close();
      setUp.close();

      // Another installation given the same database: it exists and has its manager, so the
      // login screen comes next (its tables are brought up to date, which here changes nothing).
      Path again = Files.createDirectories(home.resolve("again"));
      Files.writeString(again.resolve("crm.conf"), "db.app.user=" + appRole + "\n");
      another = new CrmSetUp(FirstLaunchEmbeddedTest.configOf(again), null, 2);
      Tui second = new Tui(another, 100, 34);
      second.type("2");
      fill(second, host, Integer.toString(port), database, user, password, password);
      second.press(KeyType.F10).assertShows("Database: " + database + " (exists: the CRM's tables are added or brought");
      second.type("y").assertShows("It already has a manager", "Log in to the CRM");
      assertFalse(CrmSetUp.managerNeeded(another.crm()));
      second.ui.close();
    } finally {
      setUp.close();
      if (another != null) {
        another.close();
      }
      dropDatabaseAndRole(database, appRole);
    }
  }

  private Tui open() {
    Tui screen = new Tui(new CrmSetUp(FirstLaunchEmbeddedTest.configOf(home), null, 2), 100, 34);
    screen.assertShows("Epic Events CRM — first launch", "1  Embedded database", "2  An existing PostgreSQL server");
    return screen;
  }

  /** The server form, from its first field (the cursor is on Host when it opens). */
  private static void fill(Tui screen, String host, String port, String database, String user,
      String password, String repeat) {
    screen.replace(host).replace(port).replace(database).replace(user).type(password + "\n" + repeat);
  }

  private static PGSimpleDataSource owner(String database) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(TestDatabase.serverJdbcUrl(database));
    source.setUser(fixture.ownerUser());
    source.setPassword(fixture.ownerPassword());
    return source;
  }

  private static void dropDatabaseAndRole(String database, String role) throws SQLException {
    try (Connection c = DriverManager.getConnection(TestDatabase.serverJdbcUrl("postgres"),
             fixture.ownerUser(), fixture.ownerPassword());
         Statement s = c.createStatement()) {
      // Names built by this test from letters, digits and hex only.
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      s.execute("DROP ROLE IF EXISTS " + role);
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
