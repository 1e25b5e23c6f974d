package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A support member's whole job, from the login screen. */
class SupportJourneyTest {
  private final TestCrm crm = new TestCrm();
  private final Collaborator sam = crm.collaborator("sam", Team.SALES);
  private final Collaborator sue = crm.collaborator("sue", Team.SUPPORT);
  private final Collaborator stu = crm.collaborator("stu", Team.SUPPORT);
  private final Contract contract = crm.contract(crm.client("Acme", sam), "1000", "0", true);

  @Test
  void supportReschedulesTheirEventWithDatesCheckedAsTheyAreTyped() {
    Event event = crm.event(contract, sue);
    crm.event(contract, stu);
    Tui tui = new Tui(crm).logIn("sue").assertShows("SUPPORT MENU", "1  My events");

    tui.type("1").assertShows("events I support", "Launch party").enter().assertShows("e  Update the details and dates");
    tui.type("e").tab().tab().clearField().type("2027-01-14 18:00");
    assertTrue(tui.lineWith("Start").contains("cannot be in the past"), tui.screen());
    tui.clearField().type("2027-02-30 18:00");
    assertTrue(tui.lineWith("Start").contains("is not a real date and time"), tui.screen());
    tui.clearField().type("2027-06-01 18");
    assertTrue(tui.lineWith("Start").contains("format: YYYY-MM-DD HH:MM"), tui.screen());
    tui.type(":30").tab().clearField().type("2027-06-01 17:00");
    assertTrue(tui.lineWith("End").contains("cannot be before the start"), tui.screen());
    tui.clearField().type("2027-06-01 23:30");
    assertTrue(tui.lineWith("End").contains("= Tue 1 Jun 2027 23:30"), tui.screen());
    tui.tab().tab().tab().type("Bring the sound system").save();
    tui.assertShows("Start: 2027-06-01 18:30 (Europe/Paris)", "Notes: Bring the sound system").assertHides("Location:");
    tui.type("y").assertNotice("was updated").assertShows("2027-06-01 18:30", "2027-06-01 23:30", "Bring the sound system");

    Event reloaded = crm.reload(event.id());
    assertEquals(Instant.parse("2027-06-01T16:30:00Z"), reloaded.schedule().startAt());
    assertEquals("Bring the sound system", reloaded.details().notes());
  }

  @Test
  void supportHandsTheirEventOverAndCanNoLongerChangeIt() {
    Event event = crm.event(contract, sue);
    Tui tui = new Tui(crm).logIn("sue");
    tui.type("1").enter().type("s").assertShows("Support contact of event", "< Sue (#");
    tui.type("s").assertShows("< Stu (#").save().type("y").assertNotice("now in the charge of Stu");
    assertEquals(stu.id(), crm.reload(event.id()).supportContactId());
    tui.assertHides("e  Update the details", "s  Hand over").esc().assertShows("No records.");
  }

  @Test
  void supportSeesEventsWithoutSupportAndEveryList() {
    crm.event(contract, null);
    Tui tui = new Tui(crm).logIn("sue");
    tui.type("2").assertShows("events without a support contact", "Launch party", "(none)").enter();
    tui.assertHides("e  Update", "s  Assign").assertShows("c  Open the client");
    tui.esc().esc().type("c").assertShows("Acme").esc().type("o").assertShows("1,000.00").esc().type("e")
        .assertShows("Launch party");
  }
}
