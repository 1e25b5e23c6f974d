package com.epicevents.crm.bootstrap.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {
  private static final String PASSWORD = "owner-password-for-tests";

  @TempDir Path home;

  @Test
  void dataSurvivesARestartAndASecondProcessOnTheSameHomeIsRefused() throws Exception {
    int port = freePort();
    try (EmbeddedDatabase first = EmbeddedDatabase.start(home, port, PASSWORD)) {
      assertTrue(EmbeddedDatabase.isCreated(home));
      try (Connection c = first.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (id int)");
        s.execute("INSERT INTO kept VALUES (42)");
      }

      EmbeddedDatabaseException refused = assertThrows(EmbeddedDatabaseException.class,
          () -> EmbeddedDatabase.start(home, freePort(), PASSWORD));
      assertEquals("the embedded database in " + home.resolve("pgdata") + " is in use by another crm process",
          refused.getMessage());
      // The refused start left the running server alone.
      try (Connection c = first.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
        assertTrue(s.executeQuery("SELECT 1").next());
      }
    }

    try (EmbeddedDatabase again = EmbeddedDatabase.start(home, port, PASSWORD);
         Connection c = again.ownerDataSource().getConnection();
         Statement s = c.createStatement();
         ResultSet row = s.executeQuery("SELECT id FROM kept")) {
      assertTrue(row.next());
      assertEquals(42, row.getInt(1));
      assertEquals("crm", c.getCatalog());
    }
  }

  @Test
  void theServerAsksForThePasswordAndKeepsUnicodeCaseRules() throws Exception {
    int port = freePort();
    try (EmbeddedDatabase database = EmbeddedDatabase.start(home, port, PASSWORD)) {
      Properties wrong = new Properties();
      wrong.setProperty("user", "postgres");
      wrong.setProperty("password", "not-the-password");
      SQLException refused = assertThrows(SQLException.class,
          () -> DriverManager.getConnection(database.jdbcUrl(), wrong).close());
      assertEquals("28P01", refused.getSQLState());

      try (Connection c = database.ownerDataSource().getConnection();
           Statement s = c.createStatement();
           ResultSet row = s.executeQuery("SELECT lower('ÉLODIE'), current_setting('synchronous_commit')")) {
        assertTrue(row.next());
        assertEquals("élodie", row.getString(1));
        assertEquals("on", row.getString(2));
      }
    }
    assertFalse(Files.list(home).anyMatch(p -> p.getFileName().toString().startsWith(".pwfile")),
        "the temporary initdb password file is deleted");
  }

  @Test
  void aTakenPortIsReportedBeforeAnythingIsCreated() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();
      EmbeddedDatabaseException refused = assertThrows(EmbeddedDatabaseException.class,
          () -> EmbeddedDatabase.start(home, port, PASSWORD));
      assertEquals("port " + port + " for the embedded database is already in use: "
          + "set embedded.port in crm.conf to a free port", refused.getMessage());
      assertFalse(EmbeddedDatabase.isCreated(home));
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
