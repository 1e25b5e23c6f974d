package com.epicevents.crm.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.bootstrap.config.ConfigFile;
import com.epicevents.crm.bootstrap.embedded.EmbeddedDatabaseHolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm admin} as an operator runs it: each command a separate JVM (the test class path,
 * main class {@link Main}) on an embedded PostgreSQL in a temporary CRM_HOME, so every command
 * is also a restart of the database.
 */
class AdminEndToEndTest {
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir Path home;
  @TempDir Path scratch;

  record Run(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  @Test
  void anOperatorInitialisesTwiceCreatesAManagerAndFindsTheDataAfterEachRestart() throws Exception {
    Files.writeString(home.resolve("crm.conf"), "# written by the test\nembedded.port=" + freePort() + "\n");

    Run fresh = crm("", "admin", "status");
    assertEquals(0, fresh.status(), fresh.toString());
    assertTrue(fresh.out().contains("Schema version:  not initialised"), fresh.toString());
    assertTrue(fresh.out().contains("[environment CRM_HOME]"), fresh.toString());
    assertFalse(Files.exists(home.resolve("pgdata")), "status creates nothing");

    Run init = crm("", "admin", "init");
    assertEquals(0, init.status(), init.toString());
    assertTrue(init.out().contains("Database crm is ready at jdbc:postgresql://localhost:"), init.toString());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("crm.conf"))));
    String conf = Files.readString(home.resolve("crm.conf"));
    assertTrue(conf.startsWith("# written by the test\n"), conf);
    assertTrue(conf.contains("db.app.user=crm_app"), conf);
    assertTrue(conf.matches("(?s).*db\\.app\\.password=[A-Za-z0-9_-]{32}\\n.*"), conf);
    assertTrue(conf.matches("(?s).*db\\.password=[A-Za-z0-9_-]{32}\\n.*"), conf);

    Run again = crm("", "admin", "init");
    assertEquals(0, again.status(), again.toString());
    assertEquals(conf, Files.readString(home.resolve("crm.conf")), "a second init keeps the passwords");
    assertEquals(schemaVersion(init.out()), schemaVersion(again.out()));

    Run created = crm(PASSWORD + "\n", "admin", "create-manager", "--username", "ada",
        "--full-name", "Ada Lovelace", "--phone", "+33 6 12 34 56 78", "--email", "ada@epic.example",
        "--password-stdin");
    assertEquals(0, created.status(), created.toString());
    assertTrue(created.out().startsWith("Manager ada created (id "), created.toString());

    Run duplicate = crm(PASSWORD + "\n", "admin", "create-manager", "--username", "ADA",
        "--full-name", "Ada Again", "--phone", "+33 6 12 34 56 79", "--password-stdin");
    assertEquals(1, duplicate.status(), duplicate.toString());
    assertTrue(duplicate.err().startsWith("crm: username: "), duplicate.toString());
    assertEquals(1, duplicate.err().lines().count(), "one line, no stack trace: " + duplicate);

    Run status = crm("", "admin", "status");
    assertEquals(0, status.status(), status.toString());
    assertTrue(status.out().contains("Records:         collaborators 1, clients 0"), status.toString());
    assertTrue(status.out().contains("embedded PostgreSQL, data in " + home.resolve("pgdata")), status.toString());
    assertFalse(status.out().contains(conf.replaceAll("(?s).*db\\.app\\.password=([^\\n]+).*", "$1")),
        "status never prints a password");

    Run audit = crm("", "admin", "verify-audit");
    assertEquals(0, audit.status(), audit.toString());
    assertTrue(audit.out().startsWith("Audit trail intact: "), audit.toString());

    Run refused = crm("", "admin", "wipe", "--confirm", "crm_prod");
    assertEquals(1, refused.status(), refused.toString());
    assertEquals("crm: refusing to wipe: --confirm must be the configured database's name, 'crm'\n", refused.err());
    Run stillThere = crm("", "admin", "status");
    assertTrue(stillThere.out().contains("collaborators 1,"), stillThere.toString());

    Run usage = crm("", "admin", "create-manager", "--username", "bob", "--bogus");
    assertEquals(2, usage.status(), usage.toString());
  }

  @Test
  void whileAnotherCrmProcessRunsTheEmbeddedDatabaseAdminCommandsWorkThroughItsServer() throws Exception {
    Files.writeString(home.resolve("crm.conf"), "embedded.port=" + freePort() + "\n");
    assertEquals(0, crm("", "admin", "init").status());
    String ownerPassword = ConfigFile.read(home.resolve("crm.conf")).get("db.password");

    // Another crm process (crm serve, say) holds the data directory, on another port than ours.
    int runningPort = freePort();
    Process holder = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
        EmbeddedDatabaseHolder.class.getName(), home.toString(), Integer.toString(runningPort), ownerPassword)
        .redirectErrorStream(true).start();
    try {
      BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = output.readLine();
      } while (line != null && !line.startsWith("ready"));
      assertEquals("ready " + runningPort, line);

      Run created = crm(PASSWORD + "\n", "admin", "create-manager", "--username", "grace",
          "--full-name", "Grace Hopper", "--phone", "+1 555 0100", "--password-stdin");
      assertEquals(0, created.status(), created.toString());
      Run status = crm("", "admin", "status");
      assertEquals(0, status.status(), status.toString());
      assertTrue(status.out().contains("port " + runningPort + " (run by another crm process)"), status.toString());
      assertTrue(status.out().contains("collaborators 1,"), status.toString());
    } finally {
      holder.destroy();
      holder.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void seedDemoFillsAnEmptyDatabaseOnceAndSaysHowToLogIn() throws Exception {
    Files.writeString(home.resolve("crm.conf"), "embedded.port=" + freePort() + "\n");
    assertEquals(0, crm("", "admin", "init").status());

    Run seeded = crm("", "admin", "seed-demo");
    assertEquals(0, seeded.status(), seeded.toString());
    assertTrue(seeded.out().contains("Log in as manager1, sales1 or support1"), seeded.toString());

    Run status = crm("", "admin", "status");
    assertTrue(status.out().contains("collaborators 10, clients 30, contracts 60, events 80"), status.toString());
    assertEquals(0, crm("", "admin", "verify-audit").status(), "the demo load keeps the audit chain intact");

    Run again = crm("", "admin", "seed-demo", "--size", "small");
    assertEquals(1, again.status(), again.toString());
    assertEquals(1, again.err().lines().count(), again.toString());
    assertEquals(2, crm("", "admin", "seed-demo", "--size", "huge").status());
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String schemaVersion(String initOutput) {
    Matcher m = Pattern.compile("Schema version (\\S+);").matcher(initOutput);
    assertTrue(m.find(), initOutput);
    return m.group(1);
  }

  @Test
  void aFailureIsOneLineOnStandardErrorEvenWhenLibrariesWouldLogIt() throws Exception {
    Run unreachable = crmWith(Map.of("CRM_DB_URL", "jdbc:postgresql://localhost:" + freePort() + "/crm_ext"),
        "", "admin", "migrate");
    assertEquals(1, unreachable.status(), unreachable.toString());
    assertEquals(1, unreachable.err().lines().count(), unreachable.toString());
    assertTrue(unreachable.err().startsWith("crm: reading the schema version failed: the database is unreachable"),
        unreachable.toString());
  }

  private Run crm(String stdin, String... args) throws IOException, InterruptedException {
    return crmWith(Map.of(), stdin, args);
  }

  private Run crmWith(Map<String, String> environment, String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        java(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("CRM_"));
    builder.environment().put("CRM_HOME", home.toString());
    builder.environment().putAll(environment);
    Path out = Files.createTempFile(scratch, "out", ".txt");
    Path err = Files.createTempFile(scratch, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroy();
      throw new AssertionError("crm " + String.join(" ", args) + " did not finish in 120 s");
    }
    Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
