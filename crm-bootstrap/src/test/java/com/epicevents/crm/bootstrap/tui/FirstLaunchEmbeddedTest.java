package com.epicevents.crm.bootstrap.tui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.bootstrap.cli.RunningCrm;
import com.epicevents.crm.bootstrap.config.ConfigFile;
import com.epicevents.crm.bootstrap.embedded.EmbeddedDatabase;
import com.epicevents.crm.bootstrap.config.ConfigOverrides;
import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.bootstrap.config.CrmConfigLoader;
import com.epicevents.crm.tui.Tui;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first launch's embedded path through the text UI's own screens and test driver, over the
 * real set-up port ({@link CrmSetUp}), in-process on a virtual terminal, in a temporary CRM home. Its embedded server (the only one this class starts) asks for passwords, so the second
 * test uses it as an existing server to which a wrong password is given.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstLaunchEmbeddedTest {
  private static final String MANAGER_PASSWORD = "a long and private passphrase";

  @TempDir static Path home;
  @TempDir Path otherHome;

  /** The CRM the first test set up, running until the class is done. */
  static RunningCrm crm;
  static CrmSetUp setUp;

  @AfterAll
  static void stop() {
    if (setUp != null) {
      setUp.close();
    }
  }

  @Test
  @Order(1)
  void theEmbeddedDatabaseIsOneKeypressThenTheFirstManagerIsCreatedAndLogsIn() throws IOException {
    Files.writeString(home.resolve("crm.conf"), "embedded.port=" + freePort() + "\n");
    setUp = new CrmSetUp(configOf(home), null, 2);
    Tui tui = new Tui(setUp, 100, 34);
    tui.assertShows("Welcome! The CRM is not set up yet", "1  Embedded database (recommended)");

    tui.enter();
    crm = setUp.crm();
    tui.assertShows("First manager's account", "The CRM has no manager yet", "Database: embedded in " + home);
    assertTrue(EmbeddedDatabase.isCreated(home));
    Map<String, String> conf = ConfigFile.read(home.resolve("crm.conf"));
    assertNull(conf.get("db.url"), "embedded: no db.url");
    assertNotNull(conf.get("db.password"));
    assertEquals("crm_app", conf.get("db.app.user"));
    assertNotNull(conf.get("db.app.password"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("crm.conf"))));

    // The core's validation, the password rules included, each message next to its field before any confirmation.
    tui.type("ada\nAda Lovelace\nnot-an-email\nnot a phone\nshort\nshort\n").press(KeyType.F10);
    assertTrue(tui.lineWith("Phone *").contains("may contain only digits"), tui.screen());
    assertTrue(tui.lineWith("E-mail").contains("is not a valid e-mail address"), tui.screen());
    assertTrue(tui.lineWith("Password *").contains("must be at least 12 characters"), tui.screen());
    tui.assertHides("Please confirm");
    assertTrue(crm.core().useCases().createManagerAsAdmin().noActiveManager(), "nothing created");

    tui.replace("").replace("+33 6 12 34 56 78").type(MANAGER_PASSWORD + "\n" + MANAGER_PASSWORD + "\n");
    tui.press(KeyType.F10).assertShows("Please confirm", "E-mail: —").type("y");
    // The login screen, with the new manager's username typed in.
    tui.assertShows("Manager ada was created", "Log in to the CRM");
    assertTrue(tui.lineWith("Username").contains("ada"), tui.screen());
    assertFalse(CrmSetUp.managerNeeded(crm));

    tui.type(MANAGER_PASSWORD + "\n").assertShows("MANAGEMENT MENU | Welcome, Ada Lovelace");
    tui.type("c").assertShows("Clients", "No records.");
    tui.esc().type("q").type("y").esc();
    assertTrue(tui.ui.finished());
    tui.ui.close();
  }

  @Test
  @Order(2)
  void aWrongPasswordForAnExistingServerWritesNoConfiguration() throws IOException {
    assertNotNull(crm, "uses the embedded server the first test of this class starts: run the whole class");
    byte[] before = "# kept exactly as it is\nembedded.port=54329\n".getBytes();
    Files.write(otherHome.resolve("crm.conf"), before);
    Tui tui = new Tui(new CrmSetUp(configOf(otherHome), null, 2), 100, 34);

    tui.type("2");
    tui.replace("localhost").replace(Integer.toString(crm.config().embeddedPort())).replace("epic_crm")
        .replace(EmbeddedDatabase.OWNER).type("not the password\nnot the password").press(KeyType.F10);

    tui.assertShows("Nothing was saved: the server refused the password of user 'postgres'");
    assertTrue(tui.lineWith("Password *").contains("the server refused this"), tui.screen());
    assertFalse(tui.lineWith("Password *").contains("*****"), "asked again:\n" + tui.screen());
    assertArrayEquals(before, Files.readAllBytes(otherHome.resolve("crm.conf")), "no key written, not even partly");
    assertFalse(tui.ui.finished());
    tui.ui.close();
  }

  /** The configuration of a CRM home as {@code crm --home HOME} reads it, with no CRM_* variables. */
  static Supplier<CrmConfig> configOf(Path home) {
    return () -> CrmConfigLoader.load(new ConfigOverrides(home, null, null, null), Map.of(), home);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
