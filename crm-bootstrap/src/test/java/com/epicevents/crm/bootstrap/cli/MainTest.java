package com.epicevents.crm.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: parsing, exit statuses and messages that need no database. */
class MainTest {
  @TempDir Path home;
  @TempDir Path userHome;

  record Result(int status, String out, String err) {}

  private Result crmWithInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment environment = new CliEnvironment(Map.of("CRM_HOME", home.toString()), userHome,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out, true), new PrintWriter(err, true), null);
    int status = Main.run(environment, args);
    return new Result(status, out.toString(), err.toString());
  }

  private Result crm(String... args) {
    return crmWithInput("", args);
  }

  @Test
  void helpListsTheCommandsAndSucceeds() {
    Result result = crm("--help");
    assertEquals(0, result.status());
    assertTrue(result.out().contains("serve"), result.out());
    assertTrue(result.out().contains("admin"), result.out());
    assertTrue(result.out().contains("--home"), result.out());
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithExitStatusTwo() {
    Result result = crm("admin", "status", "--colour");
    assertEquals(2, result.status());
    assertTrue(result.err().startsWith("crm: Unknown option: '--colour'"), result.err());
    assertTrue(result.err().contains("Try 'crm admin status --help' for usage."), result.err());
    assertFalse(Files.exists(home.resolve("pgdata")));
  }

  @Test
  void aMissingRequiredOptionIsAUsageError() {
    Result result = crm("admin", "create-manager", "--username", "ada");
    assertEquals(2, result.status());
    assertTrue(result.err().contains("Missing required options"), result.err());
  }

  @Test
  void adminWithoutACommandIsAUsageError() {
    Result result = crm("admin");
    assertEquals(2, result.status());
    assertEquals("crm: crm admin needs a command: init, migrate, create-manager, status, verify-audit, seed-demo, "
        + "backup, restore or wipe",
        result.err().strip());
  }

  @Test
  void globalOptionsAlsoWorkAfterTheCommandAndABadConfigurationFailsOnOneLine() throws IOException {
    Path other = Files.createDirectory(home.resolve("other"));
    Files.writeString(other.resolve("crm.conf"), "embedded.port=lots\n");

    Result result = crm("admin", "status", "--home", other.toString());

    assertEquals(1, result.status());
    assertEquals("crm: embedded.port 'lots' is not a whole number (from file " + other.resolve("crm.conf") + ")\n",
        result.err());
  }

  @Test
  void aBadServePortIsReportedLikeAnyOtherBadValue() {
    Result result = crm("serve", "--port", "http");
    assertEquals(1, result.status());
    assertEquals("crm: http.port 'http' is not a whole number (from flag --port)", result.err().strip());
  }

  @Test
  void theTextUiWithoutATerminalPointsToCrmServe() {
    Result tui = crm();
    assertEquals(1, tui.status());
    assertTrue(tui.err().contains("the text UI needs a terminal"), tui.err());
  }

  @Test
  void serveOnAHomeThatWasNeverInitialisedSaysToRunInitInOneLine() {
    Result serve = crm("serve", "--host", "127.0.0.1", "--port", "8081");
    assertEquals(1, serve.status(), serve.err());
    assertEquals("crm: the CRM database is not initialised: run 'crm admin init' first", serve.err().strip());
  }

  @Test
  void serveRefusesAPortThatIsNotANumberNamingTheKey() {
    Result serve = crm("serve", "--port", "eighty");
    assertEquals(1, serve.status(), serve.err());
    assertTrue(serve.err().contains("http.port"), serve.err());
    assertEquals(1, serve.err().strip().lines().count(), serve.err());
  }

  @Test
  void createManagerWithoutATerminalNorPasswordStdinIsAUsageError() throws IOException {
    Files.createDirectories(home.resolve("pgdata"));
    Files.writeString(home.resolve("pgdata/PG_VERSION"), "17\n");
    Files.writeString(home.resolve("crm.conf"), "db.password=x\ndb.app.password=y\n");

    Result result = crm("admin", "create-manager", "--username", "ada", "--full-name", "Ada Lovelace",
        "--phone", "+33 6 12 34 56 78");

    assertEquals(2, result.status());
    assertEquals("crm: no terminal to ask for the password: pipe it in with --password-stdin", result.err().strip());
  }

  @Test
  void wipeRefusesAnotherDatabaseNameWithoutStartingAnything() {
    Result result = crm("admin", "wipe", "--confirm", "production");
    assertEquals(1, result.status());
    assertEquals("crm: refusing to wipe: --confirm must be the configured database's name, 'crm'", result.err().strip());
    assertFalse(Files.exists(home.resolve("pgdata")));
  }
}
