package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import org.junit.jupiter.api.Test;

/** A manager's whole job, from the login screen. */
class ManagementJourneyTest {
  private static final String NEW_PASSWORD = "Correct-horse-battery-42";

  private final TestCrm crm = new TestCrm();
  private final Collaborator mia = crm.collaborator("mia", Team.MANAGEMENT);
  private final Collaborator sam = crm.collaborator("sam", Team.SALES);
  private final Collaborator sid = crm.collaborator("sid", Team.SALES);
  private final Collaborator sue = crm.collaborator("sue", Team.SUPPORT);

  @Test
  void managementCreatesACollaboratorAfterFixingTheRepeatedPasswordAndFindsThemInTheDirectory() {
    Tui tui = new Tui(crm).logIn("mia").assertShows("MANAGEMENT MENU", "1  Create a collaborator");

    tui.type("1").assertShows("Create a collaborator", "Username *", "< Sales");
    tui.type("suzy\nSuzy Support\nsuzy@epic.test\n+33 6 00 00 00 00\n").type("s").assertShows("< Support");
    tui.tab().type(NEW_PASSWORD + "\n" + "something-else-entirely\n").save();
    assertTrue(tui.lineWith("Repeat password").contains("does not match the password"), tui.screen());

    tui.clearField().type(NEW_PASSWORD).save();
    tui.assertShows("Please confirm", "Username: suzy", "Team: Support", "Password: ********", "Create this collaborator?")
        .assertHides(NEW_PASSWORD);
    tui.type("y").assertNotice("was created").assertShows("Collaborator suzy (#").assertShows("SUPPORT");

    tui.esc().type("d").assertShows("Collaborators", "suzy", "Suzy Support", "SUPPORT");
    assertNotNull(crm.useCases.logIn().logIn(new LogInUseCase.Command("suzy", NEW_PASSWORD.toCharArray(), SessionKind.API)));
  }

  @Test
  void managementChangesACollaboratorsNameAndTeam() {
    Tui tui = new Tui(crm).logIn("mia");
    tui.type("2").type("t").type("t").assertShows("the SALES team", "sam", "sid").enter();
    tui.assertShows("Collaborator #" + sam.id().value(), "e  Update the details").type("e");
    tui.tab().clearField().type("Samuel Seller").tab().tab().tab().type("m").save();
    tui.assertShows("Full name: Samuel Seller", "Team: Management").type("y").assertNotice("was updated");
    tui.assertShows("Samuel Seller", "MANAGEMENT");
    Collaborator reloaded = crm.reload(sam.id());
    assertEquals("Samuel Seller", reloaded.fullName().value());
    assertEquals(Team.MANAGEMENT, reloaded.team());
  }

  @Test
  void managementDeactivatesACollaboratorWhoCanNoLongerLogInThenReactivatesThem() {
    Tui tui = new Tui(crm).logIn("mia");
    tui.type("2").type("t").type("t").enter().type("x");
    tui.assertShows("Deactivate sam", "can no longer log in").type("y").assertNotice("sam is deactivated");
    tui.assertShows("no (deactivated)", "x  Reactivate");
    assertFalse(crm.reload(sam.id()).active());

    tui.type("x").type("y").assertNotice("sam is active again");
    assertTrue(crm.reload(sam.id()).active());
  }

  @Test
  void managementResetsAPasswordWhichThenOpensASession() {
    Tui tui = new Tui(crm).logIn("mia");
    tui.type("2").type("t").type("t").enter().type("r").assertShows("Reset the password of sam");
    tui.type(NEW_PASSWORD + "\n" + NEW_PASSWORD + "\n").enter().assertShows("New password: ********").type("y");
    tui.assertNotice("The password of sam was reset.");
    assertNotNull(crm.useCases.logIn().logIn(new LogInUseCase.Command("sam", NEW_PASSWORD.toCharArray(), SessionKind.API)));
  }

  @Test
  void managementCreatesAContractForAChosenClientAndSeesItInTheUnsignedList() {
    Client acme = crm.client("Acme", sam);
    crm.client("Globex", sid);
    Tui tui = new Tui(crm).logIn("mia");

    tui.type("3").assertShows("Choose a client", "Acme", "Globex").enter();
    tui.assertShows("Create a contract", "Acme (#" + acme.id().value() + ")", "Sam (#" + sam.id().value() + ")");
    tui.type("32000\n12000\n").save().assertShows("Total amount: 32000", "Signed: no").type("y");
    tui.assertNotice("was created for Acme").assertShows("32,000.00", "12,000.00", "s  Sign the contract");

    tui.esc().type("7").assertShows("contracts not signed yet", "Acme", "32,000.00");
  }

  @Test
  void managementUpdatesTheAmountsOfAnyContract() {
    Contract contract = crm.contract(crm.client("Acme", sam), "1000", "1000", false);
    Tui tui = new Tui(crm).logIn("mia");
    tui.type("4").assertShows("all contracts", "Acme").enter().type("e");
    tui.clearField().type("1500").tab().clearField().type("500").tab().type(" ").save();
    tui.assertShows("Total amount: 1500", "Amount due: 500", "Signed: yes", "cannot be marked unsigned").type("y");
    tui.assertNotice("was updated").assertShows("1,500.00", "500.00", "yes, on");
    Contract reloaded = crm.reload(contract.id());
    assertEquals("1500.00", reloaded.totalAmount().toString());
    assertTrue(reloaded.signed());
  }

  @Test
  void managementAssignsSupportToAnEventWithoutSupportAndTheEventLeavesThatList() {
    Contract contract = crm.contract(crm.client("Acme", sam), "1000", "0", true);
    Event event = crm.event(contract, null);
    Tui tui = new Tui(crm).logIn("mia");

    tui.type("5").assertShows("events without a support contact", "Launch party", "(none)").enter();
    tui.assertShows("not assigned yet", "s  Assign a support contact").type("s");
    tui.assertShows("< (nobody)").press(com.googlecode.lanterna.input.KeyType.ArrowRight).assertShows("< Sue (#");
    tui.save().assertShows("Support contact: Sue").type("y").assertNotice("now in the charge of Sue");
    assertEquals(sue.id(), crm.reload(event.id()).supportContactId());
    tui.esc().assertShows("No records.");
  }

  @Test
  void managementReassignsAClientToAnotherSalesperson() {
    Client acme = crm.client("Acme", sam);
    Tui tui = new Tui(crm).logIn("mia");
    tui.type("6").assertShows("Acme").enter().assertHides("e  Update the client's details").type("r");
    tui.type("s").save().type("y").assertNotice("now in the charge of Sid");
    assertEquals(sid.id(), crm.reload(acme.id()).salesContactId());
    tui.esc().assertShows("Sid");
  }
}
