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
import com.epicevents.crm.tui.TextUi;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first-launch wizard's embedded path, in-process on a virtual terminal, in a temporary CRM
 * home. Its embedded server (the only one this class starts) asks for passwords, so the second
 * test uses it as an existing server to which a wrong password is given.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstLaunchWizardEmbeddedTest {
  private static final String MANAGER_PASSWORD = "a long and private passphrase";

  @TempDir static Path home;
  @TempDir Path otherHome;

  /** The CRM the first test set up, running until the class is done. */
  static RunningCrm crm;

  @AfterAll
  static void stop() {
    if (crm != null) {
      crm.close();
    }
  }

  @Test
  @Order(1)
  void theEmbeddedDatabaseIsOneKeypressThenTheFirstManagerIsCreatedAndLogsIn() throws IOException {
    Files.writeString(home.resolve("crm.conf"), "embedded.port=" + freePort() + "\n");
    VirtualScreen screen = new VirtualScreen();
    FirstLaunchWizard wizard = new FirstLaunchWizard(screen.terminal, VirtualScreen.configOf(home), null, 2);
    screen.driving(wizard::processInput);
    wizard.open();
    screen.assertShows("Welcome! The CRM is not set up yet", "1  Embedded database (recommended)");

    screen.press(KeyType.Enter);
    crm = wizard.crm();
    screen.assertShows("First manager's account", "The CRM has no manager yet", "Database: embedded in " + home);
    assertTrue(EmbeddedDatabase.isCreated(home));
    Map<String, String> conf = ConfigFile.read(home.resolve("crm.conf"));
    assertNull(conf.get("db.url"), "embedded: no db.url");
    assertNotNull(conf.get("db.password"));
    assertEquals("crm_app", conf.get("db.app.user"));
    assertNotNull(conf.get("db.app.password"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("crm.conf"))));

    // The core's validation, each message next to its field.
    screen.type("ada\nAda Lovelace\nnot a phone\nnot-an-email\nshort\nshort\n").press(KeyType.F10);
    assertTrue(screen.lineWith("Phone *").contains("may contain only digits"), screen.text());
    assertTrue(screen.lineWith("E-mail").contains("is not a valid e-mail address"), screen.text());
    screen.replace("+33 6 12 34 56 78").replace("");
    // The password policy is the core's too: checked when the account is created.
    screen.press(KeyType.F10).assertShows("Please confirm", "E-mail: —").type("y");
    assertTrue(screen.lineWith("Password *").contains("must be at least 12 characters"), screen.text());
    assertTrue(crm.core().useCases().createManagerAsAdmin().noActiveManager(), "nothing created");

    screen.type(MANAGER_PASSWORD + "\n" + MANAGER_PASSWORD + "\n").press(KeyType.F10).type("y");
    screen.assertShows("Manager ada (#", "Log in with this account on the next screen.").type("\n");
    assertTrue(wizard.finished() && wizard.completed());
    assertFalse(FirstLaunchWizard.managerNeeded(crm));
    wizard.close();

    TextUi ui = new TextUi(crm.core().useCases(), crm.core().errorReporter(), screen.terminal,
        ZoneId.of("Europe/Paris"), DatabaseLabel.of(crm.config()));
    screen.driving(ui::processInput);
    ui.open();
    screen.type("ada\n" + MANAGER_PASSWORD + "\n").assertShows("MANAGEMENT MENU | Welcome, Ada Lovelace");
    screen.type("c").assertShows("Clients", "No records.");
    screen.type("\u001bq\u001b");
    assertTrue(ui.finished());
    ui.close();
  }

  @Test
  @Order(2)
  void aWrongPasswordForAnExistingServerWritesNoConfiguration() throws IOException {
    assertNotNull(crm, "uses the embedded server the first test of this class starts: run the whole class");
    byte[] before = "# kept exactly as it is\nembedded.port=54329\n".getBytes();
    Files.write(otherHome.resolve("crm.conf"), before);
    VirtualScreen screen = new VirtualScreen();
    FirstLaunchWizard wizard = new FirstLaunchWizard(screen.terminal, VirtualScreen.configOf(otherHome), null, 2);
    screen.driving(wizard::processInput);
    wizard.open();

    screen.type("2");
    screen.replace("localhost").replace(Integer.toString(crm.config().embeddedPort())).replace("epic_crm")
        .replace(EmbeddedDatabase.OWNER).type("not the password\nnot the password").press(KeyType.F10);

    screen.assertShows("Nothing was saved: the server refused the password of user 'postgres'");
    assertTrue(screen.lineWith("Password *").contains("refused: type it twice again"), screen.text());
    assertFalse(screen.lineWith("Password *").contains("*****"), "asked again:\n" + screen.text());
    assertArrayEquals(before, Files.readAllBytes(otherHome.resolve("crm.conf")), "no key written, not even partly");
    assertFalse(wizard.finished());
    wizard.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
