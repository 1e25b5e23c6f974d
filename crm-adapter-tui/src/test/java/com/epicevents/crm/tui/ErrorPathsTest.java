package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.ExpectedVersion;
import com.epicevents.crm.application.port.in.UpdateContractUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.in.ViewClientsUseCase;
import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.service.SecuritySettings;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.application.port.in.AuthToken;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the user sees when something goes wrong, and that nothing is half-saved. */
class ErrorPathsTest {
  private final TestCrm crm = new TestCrm();
  private final Collaborator mia = crm.collaborator("mia", Team.MANAGEMENT);
  private final Collaborator sam = crm.collaborator("sam", Team.SALES);
  private final Collaborator sid = crm.collaborator("sid", Team.SALES);

  @Test
  void everyInvalidFieldShowsItsMessageOnItsOwnLineAndNothingIsSaved() {
    Tui tui = new Tui(crm).logIn("sam").type("1");
    tui.type("\nnot-an-email\n\n").save();
    assertTrue(tui.lineWith("Full name *").contains("is required"), tui.screen());
    assertTrue(tui.lineWith("E-mail").contains("is not a valid e-mail address"), tui.screen());
    assertTrue(tui.lineWith("Phone *").contains("is required"), tui.screen());
    assertTrue(tui.lineWith("Company *").contains("is required"), tui.screen());
    tui.assertHides("Please confirm");
    assertEquals(0, crm.store.clients().list(ClientFilter.ALL, PageRequest.firstDefault()).items().size());

    tui.type("Jane Roe").tab().clearField().tab().type("0611").tab().type("Roe & Co").save();
    tui.assertShows("Please confirm", "E-mail: —").type("y").assertShows("was created");
  }

  @Test
  void aRuleCheckedOnSaveIsShownNextToItsField() {
    Contract contract = crm.contract(crm.client("Acme", sam), "1000", "1000", false);
    Tui tui = new Tui(crm).logIn("mia").type("4").enter().type("e");
    tui.tab().clearField().type("2000").save().assertHides("Please confirm");
    assertTrue(tui.lineWith("Amount due *").contains("cannot exceed the total amount"), tui.screen());
    tui.assertHides("Please confirm", "was updated");
    assertEquals("1000.00", crm.reload(contract.id()).amountDue().toString());
  }

  @Test
  void aChangeRefusedBecauseTheClientWasHandedOverMeanwhileSaysNotAllowedAndChangesNothing() {
    Client client = crm.client("Acme", sam);
    Tui tui = new Tui(crm).logIn("sam").type("2").enter().type("e").tab().tab().clearField().type("0700000000");

    AuthToken manager = crm.login(mia);
    crm.useCases.reassignClient().reassign(manager, client.id(), sid.id(), ExpectedVersion.ANY);

    tui.save().type("y").assertShows("Not allowed", "Not allowed: you are not the sales contact in charge of this client.",
        "Nothing was changed.");
    assertEquals("0612345678", crm.reload(client.id()).phone().value());
    tui.enter().assertShows("Update client #");
  }

  @Test
  void aConflictingEditShowsTheCurrentValuesAndOverwritesNothing() {
    Contract contract = crm.contract(crm.client("Acme", sam), "1000", "1000", false);
    Tui tui = new Tui(crm).logIn("mia").type("4").enter().type("e").tab().clearField().type("100");

    crm.useCases.updateContract().update(crm.login(mia),
        UpdateContractUseCase.Command.of(contract.id().value(), ExpectedVersion.ANY, "5000", "750", null));

    tui.save().type("y").assertShows("Changed by someone else", "This contract was changed by someone else",
        "Nothing was saved. Its current values are:", "Total amount: 5,000.00", "Amount due: 750.00");
    assertEquals("750.00", crm.reload(contract.id()).amountDue().toString());
    tui.enter().assertShows("Update contract #").esc().type("y");
    tui.assertShows("Contract #" + contract.id().value(), "5,000.00", "750.00").assertHides("Update contract #");
  }

  @Test
  void anUnexpectedErrorShowsOnlyAReferenceAndTheScreenStaysUsable() {
    UseCases base = crm.useCases;
    ViewClientsUseCase failing = new ViewClientsUseCase() {
      @Override
      public ClientView get(AuthToken token, ClientId id) {
        throw new IllegalStateException("database on fire");
      }

      @Override
      public Page<ClientView> list(AuthToken token, ClientFilter filter, PageRequest page) {
        throw new IllegalStateException("database on fire");
      }
    };
    UseCases broken = new UseCases(base.logIn(), base.logOut(), base.reauthenticate(), base.currentSession(),
        base.changeOwnPassword(), base.createManagerAsAdmin(), base.createCollaborator(), base.updateCollaborator(),
        base.resetPassword(), base.deactivateCollaborator(), base.reactivateCollaborator(), base.collaborators(),
        base.createClient(), base.updateClient(), base.reassignClient(), failing, base.createContract(),
        base.updateContract(), base.contracts(), base.createEvent(), base.updateEvent(), base.assignEventSupport(),
        base.events(), base.auditTrail(), base.changes(), base.webhooks(), base.apiKeys(), base.webhookDelivery(),
        base.checkTeamAccess(), base.runIdempotently());
    Tui tui = new Tui(crm, broken, 100, 34).logIn("sam").type("c");

    tui.assertShows("Unexpected error", "reported with the reference err1", "You can carry on working.")
        .assertHides("database on fire", "IllegalStateException", "at com.");
    assertEquals("ViewClients", crm.reporter.unexpectedErrors().get(0).useCase());
    assertEquals(sam.id().value(), crm.reporter.unexpectedErrors().get(0).actorId());
    tui.enter().assertShows("Showing: all clients").esc().type("o").assertShows("Showing: all contracts");
  }

  @Test
  void anExpiredSessionReturnsToTheLoginScreenWithTheReason() {
    Tui tui = new Tui(crm).logIn("sam");
    crm.clock.advance(Duration.ofMinutes(31));
    tui.type("c").assertShows("Your session has expired: please log in again.", "Username").assertHides("SALES MENU");
    tui.logIn("sam").assertShows("SALES MENU");
  }

  @Test
  void aDeactivatedCollaboratorIsSentBackToTheLoginScreenAtTheirNextStep() {
    Tui tui = new Tui(crm).logIn("sam");
    crm.useCases.deactivateCollaborator().deactivate(crm.login(mia), sam.id(), ExpectedVersion.ANY);
    tui.type("c").assertShows("Your account has been deactivated: ask a manager if this is a mistake.", "Username");
    tui.logIn("sam").assertShows("Invalid username or password.").assertHides("deactivated");
  }

  @Test
  void escapeSequencesInStoredDataAreShownEscapedNeverSentToTheTerminal() {
    Contract contract = crm.contract(crm.client("Acme", sam), "1000", "0", true);
    var event = crm.event(contract, null);
    crm.store.events().update(event.updateDetails(new com.epicevents.crm.domain.event.EventDetails(
        "Party", "Call \u001b[2J Jane\u0007", "Paris", 10, "line one\nline two \u202Eevil"), crm.clock.instant()));

    Tui tui = new Tui(crm).logIn("sam").type("e").enter();
    tui.assertShows("Call \\e[2J Jane\\x07");
    assertTrue(tui.lineWith("line one").contains("Notes"), tui.screen());
    assertTrue(tui.lines().get(tui.lines().indexOf(tui.lineWith("line one")) + 1).contains("line two \\u{202E}evil"),
        tui.screen());
    String screen = tui.screen();
    assertTrue(screen.chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x202E), "raw control characters on screen");
  }

  @Test
  void whenEveryChangeNeedsThePasswordAWrongOneIsAskedAgainAndTheRightOneSaves() {
    TestCrm strict = new TestCrm(SecuritySettings.DEFAULTS.withReauthenticationWindow(Duration.ZERO));
    strict.collaborator("sam", Team.SALES);
    Tui tui = new Tui(strict).logIn("sam").type("1").type("Jane Roe\n\n0611\nRoe & Co\n").save().type("y");
    tui.assertShows("Confirm it is you", "Type your password to confirm this change:");
    tui.type("wrong-password\n").assertShows("The password is not correct.", "Confirm it is you");
    tui.type(TestCrm.PASSWORD + "\n").assertShows("was created");
    assertEquals(1, strict.store.clients().list(ClientFilter.ALL, PageRequest.firstDefault()).items().size());
  }

  @Test
  void cancellingThePasswordPromptSavesNothing() {
    TestCrm strict = new TestCrm(SecuritySettings.DEFAULTS.withReauthenticationWindow(Duration.ZERO));
    strict.collaborator("sam", Team.SALES);
    Tui tui = new Tui(strict).logIn("sam").type("1").type("Jane Roe\n\n0611\nRoe & Co\n").save().type("y");
    tui.esc().assertShows("Nothing was saved.").enter().assertShows("Create a client");
    assertEquals(0, strict.store.clients().list(ClientFilter.ALL, PageRequest.firstDefault()).items().size());
  }

  @Test
  void listsPageForwardAndBackWithoutLoadingEverything() {
    for (int i = 1; i <= 45; i++) {
      crm.client(String.format("Client %02d", i), sam);
    }
    Tui tui = new Tui(crm).logIn("sam").type("c");
    int rows = 34 - 12;
    tui.assertShows("Client 01", "Client " + rows, "Page 1 · records 1–" + rows + " of more", "PgDn: next page")
        .assertHides("Client " + (rows + 1));
    tui.press(com.googlecode.lanterna.input.KeyType.PageDown)
        .assertShows("Client " + (rows + 1), "Client 44", "Page 2").assertHides("Client 01", "Client 45");
    tui.press(com.googlecode.lanterna.input.KeyType.PageDown).assertShows("Client 45", "Page 3 · record 45 of 45", "last page");
    tui.press(com.googlecode.lanterna.input.KeyType.PageUp).assertShows("Client 23", "Page 2");
    tui.press(com.googlecode.lanterna.input.KeyType.PageUp).assertShows("Client 01", "Page 1");
  }

  @Test
  void theSearchBoxNarrowsTheClientsAndAShowsAllAgain() {
    crm.client("Acme Rockets", sam);
    crm.client("Globex", sid);
    Tui tui = new Tui(crm).logIn("sam").type("c").type("/rock\n");
    tui.assertShows("all clients matching \"rock\"", "Acme Rockets").assertHides("Globex");
    tui.type("a").assertShows("Globex", "Acme Rockets");
    tui.type("m").assertShows("my clients", "Acme Rockets").assertHides("Globex");
  }

  @Test
  void anEventUpdateNamesTheVeryFieldThatIsWrong() {
    Collaborator sue = crm.collaborator("sue", Team.SUPPORT);
    Contract contract = crm.contract(crm.client("Acme", sam), "1000", "0", true);
    crm.event(contract, sue);
    Tui tui = new Tui(crm).logIn("sue").type("1").enter().type("e");
    tui.tab().tab().tab().tab().clearField().tab().clearField().type("many").save();
    assertTrue(tui.lineWith("Location *").contains("is required"), tui.screen());
    assertTrue(tui.lineWith("Attendees *").contains("must be a whole number"), tui.screen());
    tui.assertHides("Please confirm", "details:");
  }

  @Test
  void everyoneChangesTheirOwnPasswordWithTheCurrentOne() {
    Tui tui = new Tui(crm).logIn("sam").type("p").assertShows("Change my password", "Current password *");
    tui.type("not-my-password\nCorrect-horse-battery-42\nCorrect-horse-battery-42\n").enter().type("y");
    assertTrue(tui.lineWith("Current password").contains("is not correct"), tui.screen());
    tui.clearField().type(TestCrm.PASSWORD).save().type("y");
    tui.assertNotice("Your password was changed.");
    tui.type("q").type("y").type("sam\nCorrect-horse-battery-42\n").assertShows("SALES MENU");
  }

  @Test
  void aNameWithABidirectionalOverrideIsShownEscapedInChoicesAndInTheConflictDialog() {
    Collaborator eve = crm.store.collaborators().insert(Collaborator.create(
        new com.epicevents.crm.domain.collaborator.Username("eve"),
        new com.epicevents.crm.domain.common.PersonName("Eve \u202Etxt.exe"), null,
        new com.epicevents.crm.domain.common.Phone("0600000000"), Team.SALES, crm.hasher.hash(TestCrm.PASSWORD.toCharArray()),
        crm.clock.instant()));
    Contract contract = crm.contract(crm.client("Acme \u202Ecorp", sam), "1000", "1000", false);
    Tui tui = new Tui(crm).logIn("mia").type("6").enter().type("r").type("e");
    tui.assertShows("< Eve \\u{202E}txt.exe");
    tui.esc().assertShows("Leave without saving?").type("y").esc().esc().type("4").enter().type("e").tab().clearField().type("10");
    crm.useCases.updateContract().update(crm.login(mia),
        UpdateContractUseCase.Command.of(contract.id().value(), ExpectedVersion.ANY, null, "20", null));
    tui.save().type("y").assertShows("Changed by someone else", "Client: Acme \\u{202E}corp (#")
        .assertHides("\\\\u{202E}");
    assertTrue(tui.screen().chars().noneMatch(c -> c == 0x1b || c == 0x202E), "raw control characters on screen");
  }
}
