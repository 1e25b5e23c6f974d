package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.tui.setup.SetUp;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first-launch screens are the text UI's own (same widgets, keys and driver as the staff
 * screens), over a set-up port faked here; crm-bootstrap's tests run them over the real one.
 */
class FirstLaunchTest {
  private static final String PASSPHRASE = "a long and private passphrase";
  private final TestCrm crm = new TestCrm();
  private final FakeSetUp setUp = new FakeSetUp();

  @Test
  void oneKeypressSetsUpTheEmbeddedDatabaseThenTheFirstManagerLogsInWithTheirNameTypedIn() {
    Tui tui = new Tui(setUp, 100, 34).assertShows("Welcome! The CRM is not set up yet", "Set-up | CRM home: ~/.local/share/epic-crm",
        "1  Embedded database (recommended)", "?/F1: help");
    tui.enter().assertShows("First manager's account", "Set-up | Database: embedded");
    assertEquals(1, setUp.embeddedSetUps);

    List<String> lines = tui.lines();
    assertTrue(lines.indexOf(tui.lineWith("E-mail")) < lines.indexOf(tui.lineWith("Phone *")),
        "e-mail before phone, as on management's form");
    tui.type("ada\nAda Lovelace\n\n+33 6 12 34 56 78\n" + PASSPHRASE + "\nnot the same\n").save();
    assertTrue(tui.lineWith("Repeat password *").contains("does not match the password"), tui.screen());
    assertTrue(tui.lineWith("Password *").contains("*****"), "the first password is kept:\n" + tui.screen());
    tui.type(PASSPHRASE).save().assertShows("Please confirm", "Team: Management").type("y");

    tui.assertShows("Log in to the CRM", "Manager ada was created");
    assertTrue(tui.lineWith("Username").contains("ada"), tui.screen());
    tui.type(PASSPHRASE + "\n").assertShows("MANAGEMENT MENU | Welcome, Ada Lovelace");
  }

  @Test
  void thePasswordRulesAreAskedBeforeTheConfirmation() {
    Tui tui = new Tui(setUp, 100, 34).enter();
    tui.type("ada\nAda Lovelace\n\n0612345678\nshort\nshort\n").save();
    assertTrue(tui.lineWith("Password *").contains("must be at least 12 characters"), tui.screen());
    tui.assertHides("Please confirm");
    assertTrue(crm.useCases.createManagerAsAdmin().noActiveManager());
  }

  @Test
  void aServerThatRefusesThePasswordSaysSoAndNothingIsSaved() {
    Tui tui = new Tui(setUp, 100, 34).type("2").assertShows("Existing PostgreSQL server", "Repeat password *");
    tui.replace("localhost").replace("5432").replace("epic_crm").replace("postgres")
        .type("wrong password\nwrong password").save();
    tui.assertShows("Nothing was saved: the server refused the password of user 'postgres'");
    assertTrue(tui.lineWith("Password *").contains("the server refused this"), tui.screen());
    assertEquals(0, setUp.saved.size());

    tui.type("right password").tab().type("right passwurd").save();
    assertTrue(tui.lineWith("Repeat password *").contains("differ"), tui.screen());
    assertTrue(tui.lineWith("Password *").contains("*****"), "the first one is kept:\n" + tui.screen());
    tui.type("right password").save().assertShows("Please confirm", "(new: it will be created)").type("y");
    tui.assertShows("First manager's account");
    assertEquals(List.of("Server[postgres@localhost:5432/epic_crm]"), setUp.saved);
  }

  @Test
  void escOnTheFirstScreenAsksWithNoUnderTheCursor() {
    Tui tui = new Tui(setUp, 80, 24).esc().assertShows("Leave without setting the CRM up?").enter();
    assertFalse(tui.ui.finished());
    tui.esc().type("y");
    assertTrue(tui.ui.finished());
  }

  @Test
  void theFirstLaunchScreensFollowTheWindowSize() {
    Tui first = new Tui(setUp, 160, 40).resize(80, 24);
    first.assertShows("The choice is saved in ~/.local/share/epic-crm/crm.conf (readable by you", "only).");
    Tui tui = new Tui(setUp, 80, 24).type("2").resize(160, 40);
    assertTrue(tui.lineWith("Database name *").matches("│ Database name +\\* +epic_crm +│"), tui.screen());
    assertTrue(tui.lineWith("Repeat password *").contains("Repeat password *"), tui.screen());
    tui.resize(80, 24);
    assertTrue(tui.lineWith("Database name *").matches("│ Database name +\\* +epic_crm +│"), tui.screen());
    assertTrue(tui.lineWith("Repeat password *").contains("Repeat password *"), tui.screen());
  }

  @Test
  void theFirstLaunchScreensFitAnEightyByTwentyFourTerminal() throws java.io.IOException {
    List<String> captures = new ArrayList<>();
    Tui tui = new Tui(setUp, 80, 24);
    captures.add(capture(tui, "First launch"));
    tui.type("2").replace("localhost").replace("5432").replace("epic_crm").replace("postgres")
        .type("secret password\nsecret pasword").save();
    captures.add(capture(tui, "Existing PostgreSQL server, the repeat mistyped"));
    tui.esc().enter().type("ada\nAda Lovelace\nada@epic\n06 12 34\n").save();
    captures.add(capture(tui, "First manager's account"));
    java.nio.file.Path out = java.nio.file.Path.of("target", "tui-first-launch.txt");
    java.nio.file.Files.createDirectories(out.getParent());
    java.nio.file.Files.writeString(out, String.join("\n\n", captures) + "\n");
  }

  private static String capture(Tui tui, String name) {
    assertTrue(tui.lines().stream().allMatch(l -> l.length() <= 80), name + " is wider than 80 columns");
    return "### " + name + "\n" + String.join("\n", tui.lines());
  }

  /** An installation in memory: the embedded database is "set up" at once, the server wants "right password". */
  private final class FakeSetUp implements SetUp {
    int embeddedSetUps;
    final List<String> saved = new ArrayList<>();
    private boolean ready;

    @Override
    public State state() {
      return !ready ? State.NEEDS_DATABASE
          : crm.useCases.createManagerAsAdmin().noActiveManager() ? State.NEEDS_MANAGER : State.READY;
    }

    @Override
    public String statusLine() {
      return ready ? "Set-up | Database: embedded" : "Set-up | CRM home: ~/.local/share/epic-crm";
    }

    @Override
    public String embeddedDataPlace() {
      return "~/.local/share/epic-crm/pgdata";
    }

    @Override
    public String configFilePlace() {
      return "~/.local/share/epic-crm/crm.conf";
    }

    @Override
    public String homePlace() {
      return "~/.local/share/epic-crm";
    }

    @Override
    public Ready ready() {
      return new Ready(crm.useCases, crm.reporter, "embedded");
    }

    @Override
    public Ready setUpEmbedded() {
      embeddedSetUps++;
      ready = true;
      return ready();
    }

    @Override
    public List<FieldError> checkServer(String host, String port, String database, String user, String password,
        String repeat) {
      List<FieldError> errors = new ArrayList<>();
      if (password == null || password.isEmpty()) {
        errors.add(new FieldError("password", "is required"));
      } else if (!password.equals(repeat)) {
        errors.add(new FieldError("passwordRepeat", "the two passwords differ"));
      }
      return errors;
    }

    @Override
    public int port(String typed) {
      return Integer.parseInt(typed.strip());
    }

    @Override
    public Probe testServer(Server server) {
      if (!server.password().equals("right password")) {
        throw new Refused("password", "the server refused the password of user '" + server.user() + "'");
      }
      return new Probe(false);
    }

    @Override
    public Ready saveServer(Server server) {
      saved.add(server.toString());
      ready = true;
      return ready();
    }
  }
}
