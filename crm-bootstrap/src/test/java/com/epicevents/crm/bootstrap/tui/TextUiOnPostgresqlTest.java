package com.epicevents.crm.bootstrap.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.RecordingErrorReporter;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateManagerAsAdminUseCase;
import com.epicevents.crm.application.port.in.ExpectedVersion;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.in.UpdateClientUseCase;
import com.epicevents.crm.application.port.in.FieldUpdate;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.core.CrmCore;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import com.epicevents.crm.persistence.testing.TestDatabase;
import com.epicevents.crm.tui.TextUi;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The text UI over the real core on PostgreSQL (Argon2, MyBatis, keyset paging, text search,
 * conflicts read back from the database), driven on a virtual terminal.
 */
class TextUiOnPostgresqlTest {
  private static final String MANAGER_PASSWORD = "a long and private passphrase";
  private static final String SALES_PASSWORD = "a seller's long passphrase";

  static TestDatabase db;
  static UseCases crm;
  static RecordingErrorReporter reporter = new RecordingErrorReporter();

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
    crm = CrmCore.builder(db.appDataSource()).errorReporter(reporter).build().useCases();
    crm.createManagerAsAdmin().execute(CreateManagerAsAdminUseCase.Command.of(
        "ada", "Ada Lovelace", "+44 20 7946 0000", null, MANAGER_PASSWORD.toCharArray()));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void aManagerCreatesASalespersonWhoCreatesAClientFindsItBySearchAndMeetsAConflict() {
    Screen ui = new Screen();
    ui.type("ada\n" + MANAGER_PASSWORD + "\n").assertShows("MANAGEMENT MENU");
    ui.type("1").type("bob\nBob Seller\n\n0102030405\n").tab().type(SALES_PASSWORD + "\n" + SALES_PASSWORD + "\n")
        .press(KeyType.F10).assertShows("Please confirm", "Team: Sales").type("y");
    // Saved without a dialog to dismiss; q on the menu asks before logging out.
    ui.assertShows("Collaborator bob (#", "was created").type("\u001b").type("q").type("y");

    ui.type("bob\n" + SALES_PASSWORD + "\n").assertShows("SALES MENU");
    ui.type("1").type("Kevin Casey\nkevin@startup.io\n+678 123 456 78\nCool Startup LLC\n")
        .press(KeyType.F10).type("y").assertShows("was created").type("\u001b");
    ui.type("c").type("/startup\n").assertShows("matching \"startup\"", "Kevin Casey", "Cool Startup LLC", "Bob Seller");

    ui.type("\n").type("e").tab().tab().press(KeyType.Backspace).type("9");
    ClientView client = crm.clients().list(login("bob", SALES_PASSWORD), ClientFilter.ALL, PageRequest.firstDefault())
        .items().get(0);
    crm.updateClient().update(login("bob", SALES_PASSWORD), UpdateClientUseCase.Command.of(
        client.client().id().value(), ExpectedVersion.ANY, null, null, FieldUpdate.set("+33 1 00 00 00 00"), null, null));
    ui.press(KeyType.F10).type("y").assertShows("This client was changed by someone else", "Phone: +33 1 00 00 00 00");
    assertEquals("+33 1 00 00 00 00", crm.clients().get(login("bob", SALES_PASSWORD), client.client().id()).client().phone().value());
    assertTrue(reporter.unexpectedErrors().isEmpty(), () -> reporter.unexpectedErrors().toString());
  }

  @Test
  void aManagerCreatesAnApiKeySeesItsSecretOnceAndRevokesItFromEveryonesKeys() {
    Screen ui = new Screen();
    ui.type("ada\n" + MANAGER_PASSWORD + "\n").assertShows("MANAGEMENT MENU", "k  My API keys", "a  All API keys");
    ui.type("k").type("n").type("Warehouse export\n").type(" ");
    ui.press(KeyType.ArrowDown);
    ui.press(KeyType.ArrowDown);
    ui.type(" ").press(KeyType.F10);
    ui.assertShows("Scopes: clients:read, contracts:read").type("y").assertShows("it will NOT be shown again");
    Matcher m = Pattern.compile("crm_[0-9A-Za-z]{8}_[0-9A-Za-z]{32,}").matcher(ui.text());
    assertTrue(m.find(), ui.text());
    String secret = m.group();
    // the key shown is the one stored (as its hash): it reads clients as Ada
    assertNotNull(crm.clients().list(new AuthToken(secret), ClientFilter.ALL, PageRequest.firstDefault()));
    ui.type("\n").assertShows("Warehouse export", "clients:read, contracts:read", "active");
    assertTrue(!ui.text().contains(secret) && !ui.text().contains(secret.substring("crm_".length() + 9)), ui.text());

    ui.type("\u001b").type("a").assertShows("All API keys", "Ada Lovelace", "Warehouse export").type("\n");
    ui.type("r").type("y").assertShows("is revoked", "revoked");
    assertThrows(AuthenticationFailed.class,
        () -> crm.clients().list(new AuthToken(secret), ClientFilter.ALL, PageRequest.firstDefault()));
    assertTrue(reporter.unexpectedErrors().isEmpty(), () -> reporter.unexpectedErrors().toString());
  }

  private static AuthToken login(String username, String password) {
    return crm.logIn().logIn(new LogInUseCase.Command(username, password.toCharArray(), SessionKind.API)).token();
  }

  /** The UI on a virtual terminal; '\n' is Enter, ESC (U+001B) is Esc. */
  private static final class Screen {
    private final DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(100, 34));
    private final TextUi ui = new TextUi(crm, reporter, terminal, ZoneId.of("Europe/Paris"), "test PostgreSQL");

    Screen() {
      ui.open();
    }

    Screen type(String text) {
      for (char c : text.toCharArray()) {
        terminal.addInput(c == '\n' ? new KeyStroke(KeyType.Enter)
            : c == '\u001b' ? new KeyStroke(KeyType.Escape) : new KeyStroke(c, false, false));
        ui.processInput();
      }
      return this;
    }

    Screen tab() {
      return press(KeyType.Tab);
    }

    Screen press(KeyType key) {
      terminal.addInput(new KeyStroke(key));
      ui.processInput();
      return this;
    }

    Screen assertShows(String... texts) {
      String screen = text();
      for (String t : texts) {
        assertTrue(screen.contains(t), () -> "expected \"" + t + "\" on:\n" + screen);
      }
      return this;
    }

    String text() {
      StringBuilder out = new StringBuilder();
      for (int row = 0; row < terminal.getTerminalSize().getRows(); row++) {
        for (int col = 0; col < terminal.getTerminalSize().getColumns(); col++) {
          TextCharacter c = terminal.getCharacter(col, row);
          out.append(c == null ? " " : c.getCharacterString());
        }
        out.append('\n');
      }
      return out.toString();
    }
  }

}
