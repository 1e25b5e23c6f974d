package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A salesperson's whole job, from the login screen, as a new user would do it. */
class SalesJourneyTest {
  private final TestCrm crm = new TestCrm();
  private final Collaborator sam = crm.collaborator("sam", Team.SALES);
  private final Collaborator sid = crm.collaborator("sid", Team.SALES);
  private final Collaborator sue = crm.collaborator("sue", Team.SUPPORT);

  @Test
  void salesCreatesAClientAfterConfirmingTheSummaryAndFindsItAmongTheirClients() {
    Tui tui = new Tui(crm).logIn("sam");
    tui.assertShows("SALES MENU", "1  Create a client");

    tui.type("1").assertShows("Create a client", "Full name *", "Company *");
    tui.type("John Dough\njohn@dough.test\n0611223344\nPortopullo\n\n");
    tui.enter().assertShows("Please confirm", "Full name: John Dough", "Company: Portopullo",
        "Last contact: now", "Create this client?");
    tui.type("y").assertNotice("was created").assertShows("Client #");
    tui.assertShows("Portopullo", "Sam (#" + sam.id().value() + ")");

    tui.esc().type("2").assertShows("My clients", "John Dough", "Portopullo");
    Client saved = crm.store.clients().list(
        com.epicevents.crm.application.port.out.ClientFilter.ALL,
        com.epicevents.crm.application.port.out.PageRequest.firstDefault()).items().get(0).client();
    assertEquals("0611223344", saved.phone().value());
    assertEquals(sam.id(), saved.salesContactId());
  }

  @Test
  void salesUpdatesTheirClientThenHandsItToAColleague() {
    Client client = crm.client("Acme", sam);
    Tui tui = new Tui(crm).logIn("sam");

    tui.type("2").assertShows("Acme").enter().assertShows("Client #" + client.id().value(), "e  Update");
    tui.type("e").tab().tab().clearField().type("0799999999").save();
    tui.assertShows("Please confirm", "Phone: 0799999999").assertHides("Company:");
    tui.type("y").assertNotice("was updated").assertShows("0799999999");
    assertEquals("0799999999", crm.reload(client.id()).phone().value());

    tui.type("r").assertShows("New salesperson", "< Sam (#" + sam.id().value() + ")");
    tui.type("s").assertShows("< Sid (#" + sid.id().value() + ")");
    tui.save().assertShows("New salesperson: Sid").type("y");
    tui.assertNotice("now in the charge of Sid");
    assertEquals(sid.id(), crm.reload(client.id()).salesContactId());
    tui.assertHides("e  Update the client's details", "r  Reassign");
  }

  @Test
  void salesSignsAContractOfTheirClientAndItLeavesTheUnsignedList() {
    Client client = crm.client("Acme", sam);
    Contract contract = crm.contract(client, "32000", "12000", false);
    Tui tui = new Tui(crm).logIn("sam");

    tui.type("4").assertShows("contracts not signed yet", "Acme", "32,000.00", "12,000.00");
    tui.enter().assertShows("Contract #" + contract.id().value(), "s  Sign the contract");
    tui.type("s").assertShows("cannot be marked unsigned").type("y");
    tui.assertNotice("is signed").assertShows("yes, on 2027-01-15 10:00");
    assertTrue(crm.reload(contract.id()).signed());

    tui.esc().assertShows("No records.");
  }

  @Test
  void salesUpdatesTheAmountDueAndSeesTheContractLeaveTheNotFullyPaidList() {
    Client client = crm.client("Acme", sam);
    Contract contract = crm.contract(client, "32000", "12000", true);
    Tui tui = new Tui(crm).logIn("sam");

    tui.type("5").assertShows("contracts not fully paid", "Acme").enter().type("e");
    tui.assertShows("already signed").tab().clearField().type("0").save();
    tui.assertShows("Amount due: 0").type("y").assertNotice("was updated");
    assertEquals("0.00", crm.reload(contract.id()).amountDue().toString());
    tui.esc().assertShows("No records.");
  }

  @Test
  void salesCreatesAnEventForASignedContractAndSeesItInTheEventsOfTheirClients() {
    Client client = crm.client("Acme", sam);
    Contract contract = crm.contract(client, "32000", "0", true);
    crm.contract(client, "1000", "1000", false);
    Tui tui = new Tui(crm).logIn("sam");

    tui.type("6").assertShows("signed contracts of my clients", "32,000.00").assertHides("1,000.00");
    tui.enter().assertShows("Create an event", "Client contact *", "Dates: YYYY-MM-DD HH:MM, Europe/Paris time.");
    tui.type("Summer party\nMister Shloboudou, 0255448876\n2027-03-01 18:30\n2027-03-01 23:00\n");
    tui.assertShows("= Mon 1 Mar 2027 18:30", "= Mon 1 Mar 2027 23:00");
    tui.assertHides("Support contact"); // management assigns support once the event exists
    tui.type("Billu Island\n16\nDate to be confirmed\n").enter();
    tui.assertShows("Please confirm", "Start: 2027-03-01 18:30 (Europe/Paris)", "Create this event?");
    tui.type("y").assertNotice("was created for Acme").assertShows("Summer party", "Billu Island");

    Event event = crm.store.events().list(com.epicevents.crm.application.port.out.EventFilter.ALL,
        com.epicevents.crm.application.port.out.PageRequest.firstDefault()).items().get(0).event();
    assertEquals(Instant.parse("2027-03-01T17:30:00Z"), event.schedule().startAt());
    assertEquals(contract.id(), event.contractId());
    assertEquals(null, event.supportContactId());

    tui.esc().type("7").assertShows("events of my clients", "Summer party", "Acme", "2027-03-01 18:30");
  }
}
