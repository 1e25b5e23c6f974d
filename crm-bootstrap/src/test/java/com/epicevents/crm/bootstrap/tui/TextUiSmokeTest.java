package com.epicevents.crm.bootstrap.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.epicevents.crm.bootstrap.cli.Main;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code crm} program in a real pseudo-terminal: tmux runs it (the test class path, main
 * class {@link Main}) on a CRM home prepared with {@code crm admin init} and
 * {@code crm admin create-manager}; keys are sent as a person types them and the screen is read
 * back with {@code capture-pane}. tmux is required: without it this test fails, saying so.
 */
class TextUiSmokeTest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final long WAIT_MILLIS = 60_000;

  @TempDir Path home;
  @TempDir Path scratch;

  private final String socket = "crm-smoke-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  private final List<String> screens = new ArrayList<>();

  @Test
  void theRealCrmInATerminalLogsInShowsTheMenuAndLeavesWithStatusZero() throws Exception {
    requireTmux();
    Files.writeString(home.resolve("crm.conf"), "embedded.port=" + freePort() + "\n");
    assertEquals(0, admin("", "admin", "init"));
    assertEquals(0, admin(PASSWORD + "\n", "admin", "create-manager", "--username", "ada",
        "--full-name", "Ada Lovelace", "--phone", "+33 6 12 34 56 78", "--password-stdin"));

    Path status = scratch.resolve("status");
    Path script = scratch.resolve("crm.sh");
    Files.writeString(script, String.join("\n",
        "export CRM_HOME=" + quote(home.toString()),
        // The test class path holds a test logging configuration: use the one crm.jar ships.
        quote(java()) + " -Dlogback.configurationFile=" + quote(mainLogbackXml())
            + " -cp " + quote(System.getProperty("java.class.path")) + " " + Main.class.getName(),
        "echo $? > " + quote(status.toString()),
        ""));
    try {
      tmux("new-session", "-d", "-s", "crm", "-x", "100", "-y", "30", "sh " + quote(script.toString()));

      waitFor("Log in to the CRM (database: embedded in " + home + ")");
      tmux("send-keys", "-t", "crm", "-l", "ada");
      tmux("send-keys", "-t", "crm", "Enter");
      tmux("send-keys", "-t", "crm", "-l", PASSWORD);
      tmux("send-keys", "-t", "crm", "Enter");
      // The header is drawn before the body: tmux can capture a screen between the two, so wait
      // for the whole menu rather than reading it once the header shows.
      waitFor("MANAGEMENT MENU | Welcome, Ada Lovelace", "User: ada (Ada Lovelace) | Team: MANAGEMENT",
          "1  Create a collaborator");

      tmux("send-keys", "-t", "crm", "c");
      waitFor("Showing: all clients");
      tmux("send-keys", "-t", "crm", "Escape");
      waitFor("Management menu — choose");
      tmux("send-keys", "-t", "crm", "q");
      waitFor("Log out of the CRM?");
      tmux("send-keys", "-t", "crm", "y");
      waitFor("You are logged out.");
      tmux("send-keys", "-t", "crm", "Escape");

      assertEquals("0", waitForFile(status).strip(), "exit status of crm; last screens:\n" + lastScreens());
      for (String screen : screens) {
        assertFalse(screen.contains(" INFO ") || screen.contains(" WARN "), "a log line on the screen:\n" + screen);
      }
      String log = Files.readString(home.resolve("crm.log"));
      assertTrue(log.contains("embedded PostgreSQL started"), "the log goes to $CRM_HOME/crm.log:\n" + log);
    } finally {
      new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void requireTmux() throws InterruptedException {
    try {
      Process version = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      if (version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0) {
        return;
      }
    } catch (IOException missing) {
      // Reported below.
    }
    fail("tmux is needed for this test (a real pseudo-terminal for crm): install it, e.g."
        + " 'apt-get install tmux' (.ci/run does)");
  }

  /** Runs a tmux command on this test's own tmux server; returns its standard output. */
  private String tmux(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("CRM_") || name.equals("TMUX"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroy();
      fail("tmux " + String.join(" ", arguments) + " did not finish");
    }
    if (process.exitValue() != 0) {
      fail("tmux " + arguments[0] + " failed: " + output + "\nlast screens:\n" + lastScreens());
    }
    return output;
  }

  /** Reads the screen until one screen shows every one of {@code texts} at once. */
  private void waitFor(String... texts) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      String screen = tmux("capture-pane", "-p", "-t", "crm");
      if (screens.isEmpty() || !screens.get(screens.size() - 1).equals(screen)) {
        screens.add(screen);
      }
      if (Arrays.stream(texts).allMatch(screen::contains)) {
        return;
      }
      Thread.sleep(200);
    }
    fail("no screen showed all of " + Arrays.toString(texts) + "; last screens:\n" + lastScreens());
  }

  private String waitForFile(Path file) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      if (Files.exists(file) && Files.size(file) > 0) {
        return Files.readString(file);
      }
      Thread.sleep(200);
    }
    return fail("crm did not exit; last screens:\n" + lastScreens());
  }

  private String lastScreens() {
    return String.join("\n----\n", screens.subList(Math.max(0, screens.size() - 2), screens.size()));
  }

  /** A {@code crm} command in its own JVM, without a terminal, on the test's home. */
  private int admin(String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("CRM_"));
    builder.environment().put("CRM_HOME", home.toString());
    Path output = Files.createTempFile(scratch, "admin", ".txt");
    builder.redirectErrorStream(true).redirectOutput(output.toFile());
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroy();
      fail("crm " + String.join(" ", args) + " did not finish in 120 s");
    }
    int status = process.exitValue();
    assertEquals(0, status, () -> "crm " + String.join(" ", args) + ": " + read(output));
    return status;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static String mainLogbackXml() throws URISyntaxException {
    return Path.of(Main.class.getResource("/logback.xml").toURI()).toString();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Single quotes for sh; the paths here (temporary directories, the build) hold none. */
  private static String quote(String text) {
    assertFalse(text.contains("'"), text);
    return "'" + text + "'";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
