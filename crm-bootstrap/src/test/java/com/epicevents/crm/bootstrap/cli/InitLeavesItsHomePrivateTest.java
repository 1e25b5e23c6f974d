package com.epicevents.crm.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm admin init} on the embedded database (issue 14, defects 11 and 12): every file it
 * creates is its owner's only, the home it uses is tightened (and it says so), a taken default
 * port is replaced by a free one that is kept, and a refused init leaves nothing behind.
 */
class InitLeavesItsHomePrivateTest {
  @TempDir Path scratch;

  record Run(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  @Test
  void aRefusedInitLeavesTheConfigurationAsItWasAndNoFileOfTheDatabase() throws Exception {
    Path home = Files.createDirectory(scratch.resolve("home"));
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      byte[] conf = ("# mine\nembedded.port=" + taken.getLocalPort() + "\n").getBytes(StandardCharsets.UTF_8);
      Files.write(home.resolve("crm.conf"), conf);

      Run init = crm(home, "admin", "init");

      assertEquals(1, init.status(), init.toString());
      assertTrue(init.err().contains("port " + taken.getLocalPort() + " for the embedded database is already in use"),
          init.toString());
      assertArrayEquals(conf, Files.readAllBytes(home.resolve("crm.conf")), "no password was written");
      try (var left = Files.list(home)) {
        assertEquals(List.of(home.resolve("crm.conf")), left.toList(), "no lock, log or data directory is left");
      }
    }
  }

  @Test
  void theFirstInitKeepsAFreePortMakesEveryFileOwnerOnlyAndTightensTheHome() throws Exception {
    Path home = Files.createDirectory(scratch.resolve("home"));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    ServerSocket defaultPort = holdTheDefaultPort();
    Run init;
    try {
      init = crm(home, "admin", "init");
    } finally {
      if (defaultPort != null) {
        defaultPort.close();
      }
    }

    assertEquals(0, init.status(), init.toString());
    assertTrue(init.out().contains("Made the CRM home " + home + " readable by its owner only (it was rwxr-xr-x)"),
        init.toString());
    Matcher port = Pattern.compile("(?m)^embedded\\.port=(\\d+)$").matcher(Files.readString(home.resolve("crm.conf")));
    assertTrue(port.find(), "the port chosen is kept in crm.conf");
    assertNotEquals(54329, Integer.parseInt(port.group(1)), "the default port was taken: another one is chosen");
    assertEquals("rwx------", permissions(home));
    for (Path file : List.of(home.resolve("crm.conf"), home.resolve("postgres.log"), home.resolve("pgdata.lock"),
        home.resolve("pgdata").resolve("epg-lock"))) {
      assertTrue(Files.exists(file), file::toString);
      assertEquals("rw-------", permissions(file), file::toString);
    }
    try (var all = Files.walk(home)) {
      List<String> readableByOthers = all.filter(p -> !permissions(p).endsWith("---"))
          .map(p -> home.relativize(p) + " " + permissions(p)).toList();
      assertEquals(List.of(), readableByOthers, "nothing in the home is readable by others");
    }
  }

  /** The default embedded port, held so that it is taken; null when something else holds it already. */
  private static ServerSocket holdTheDefaultPort() throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 54329));
      return socket;
    } catch (IOException alreadyTaken) {
      socket.close();
      return null;
    }
  }

  private static String permissions(Path path) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Run crm(Path home, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("CRM_"));
    builder.environment().put("CRM_HOME", home.toString());
    Path out = Files.createTempFile(scratch, "out", ".txt");
    Path err = Files.createTempFile(scratch, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("crm " + String.join(" ", args) + " did not finish in 180 s");
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }
}
