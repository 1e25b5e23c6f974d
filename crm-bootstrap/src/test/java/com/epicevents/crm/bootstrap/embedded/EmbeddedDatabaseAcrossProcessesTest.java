package com.epicevents.crm.bootstrap.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock and the recovery from a killed process, with a real second JVM. */
class EmbeddedDatabaseAcrossProcessesTest {
  private static final String PASSWORD = "owner-password-for-tests";

  @TempDir Path home;
  private Process holder;

  @AfterEach
  void killHolder() {
    if (holder != null) {
      holder.destroyForcibly();
    }
  }

  @Test
  void anotherProcessIsRefusedTheDataDirectoryAndAServerLeftByAKilledProcessIsStoppedAtTheNextStart()
      throws Exception {
    int port = EmbeddedDatabaseTest.freePort();
    holder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        EmbeddedDatabaseHolder.class.getName(), home.toString(), Integer.toString(port), PASSWORD)
        .redirectErrorStream(true)
        .start();
    BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    String line;
    do {
      line = output.readLine();
    } while (line != null && !line.startsWith("ready"));
    assertEquals("ready " + port, line);

    EmbeddedDatabaseException refused = assertThrows(EmbeddedDatabaseException.class,
        () -> EmbeddedDatabase.start(home, EmbeddedDatabaseTest.freePort(), PASSWORD));
    assertEquals("the embedded database in " + home.resolve("pgdata") + " is in use by another crm process",
        refused.getMessage());
    assertEquals(OptionalInt.of(port), EmbeddedDatabase.portInUseByAnotherProcess(home));

    holder.destroyForcibly(); // kill -9: no shutdown hook runs
    assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
    assertTrue(answers(port), "the killed process left its PostgreSQL running");
    assertEquals(OptionalInt.empty(), EmbeddedDatabase.portInUseByAnotherProcess(home));

    try (EmbeddedDatabase database = EmbeddedDatabase.start(home, port, PASSWORD);
         Connection c = database.ownerDataSource().getConnection();
         Statement s = c.createStatement();
         ResultSet row = s.executeQuery("SELECT 1")) {
      assertTrue(row.next());
    }
  }

  private static boolean answers(int port) {
    try (Connection ignored = DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(port), "postgres", PASSWORD)) {
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
