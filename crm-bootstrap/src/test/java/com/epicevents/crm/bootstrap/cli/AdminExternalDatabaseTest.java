package com.epicevents.crm.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.bootstrap.config.ConfigFile;
import com.epicevents.crm.bootstrap.embedded.EmbeddedDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm admin} against an external server (db.url), in-process. The "external" server is an
 * embedded PostgreSQL this test starts, reached only through the URL and the owner's credentials.
 */
class AdminExternalDatabaseTest {
  private static final String SERVER_PASSWORD = "server-owner-secret";

  @TempDir Path serverHome;
  @TempDir Path home;

  record Result(int status, String out, String err) {}

  @Test
  void initCreatesTheNamedDatabaseMigratesItAndTheApplicationRoleIgnoresCredentialsInTheUrl() throws IOException {
    try (EmbeddedDatabase server = EmbeddedDatabase.start(serverHome, freePort(), SERVER_PASSWORD)) {
      // The owner's password sits in the URL: it must never be printed, nor used for the application role.
      Map<String, String> environment = Map.of(
          "CRM_HOME", home.toString(),
          "CRM_DB_URL", "jdbc:postgresql://localhost:" + server.port() + "/epic_crm?password=" + SERVER_PASSWORD,
          "CRM_DB_USER", "postgres");

      Result before = crm(environment, "", "admin", "status");
      assertEquals(0, before.status(), before.toString());
      assertTrue(before.out().contains("Database:        external PostgreSQL server"), before.out());
      assertTrue(before.out().contains("database epic_crm does not exist yet"), before.out());

      Result init = crm(environment, "", "admin", "init");
      assertEquals(0, init.status(), init.toString());
      Map<String, String> conf = ConfigFile.read(home.resolve("crm.conf"));
      assertEquals("crm_app", conf.get("db.app.user"));
      assertNull(conf.get("db.password"), "the external owner's password is the operator's, not written");

      Result created = crm(environment, "a long enough password\n", "admin", "create-manager",
          "--username", "ada", "--full-name", "Ada Lovelace", "--phone", "+33 6 12 34 56 78", "--password-stdin");
      assertEquals(0, created.status(), created.toString());

      Result status = crm(environment, "", "admin", "status");
      assertEquals(0, status.status(), status.toString());
      assertTrue(status.out().contains("/epic_crm?password=***"), status.out());
      assertFalse(status.out().contains(SERVER_PASSWORD), status.out());
      assertTrue(status.out().contains("collaborators 1,"), status.out());

      Result wipeRefused = crm(environment, "", "admin", "wipe", "--confirm", "crm");
      assertEquals(1, wipeRefused.status());
      assertTrue(wipeRefused.err().contains("'epic_crm'"), wipeRefused.err());
    }
  }

  @Test
  void anUnreachableServerFailsOnOneLineAndDebugAddsTheStackTrace() {
    Map<String, String> environment = Map.of(
        "CRM_HOME", home.toString(),
        "CRM_DB_URL", "jdbc:postgresql://localhost:" + freePortUnchecked() + "/epic_crm?connectTimeout=2");

    Result plain = crm(environment, "", "admin", "migrate");
    assertEquals(1, plain.status());
    assertTrue(plain.err().startsWith("crm: "), plain.err());
    assertEquals(1, plain.err().lines().count(), plain.err());

    Result debug = crm(environment, "", "admin", "migrate", "--debug");
    assertEquals(1, debug.status());
    assertTrue(debug.err().lines().count() > 3, debug.err());
    assertTrue(debug.err().contains("\tat "), debug.err());
  }

  private Result crm(Map<String, String> variables, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment environment = new CliEnvironment(variables, home,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out, true), new PrintWriter(err, true), null);
    int status = Main.run(environment, args);
    return new Result(status, out.toString(), err.toString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static int freePortUnchecked() {
    try {
      return freePort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
