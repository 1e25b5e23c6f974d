package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventDetails;
import com.epicevents.crm.domain.event.Schedule;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Lists, details and forms use the window they are given, and follow it when it changes size. */
class WindowSizeTest {
  private final TestCrm crm = new TestCrm();
  private final Collaborator sam = crm.collaborator("sam", Team.SALES);
  private final Collaborator sue = crm.collaborator("sue", Team.SUPPORT);
  private final Collaborator mia = crm.collaborator("mia", Team.MANAGEMENT);

  @Test
  void aWideWindowShowsLongNamesAndEmailsWhole() {
    crm.client("Boréal Bank of the North Atlantic Coast", sam);
    crm.collaborator("adalovelace", Team.SALES);
    Tui wide = new Tui(crm, crm.useCases, 200, 60).logIn("sam").type("c");
    wide.assertShows("Boréal Bank of the North Atlantic Coast", "Boréal Bank of the North Atlantic Coast Ltd");
    wide.esc().type("q").type("y").logIn("mia").type("d").assertShows("adalovelace@epic-events.test");

    Tui standard = new Tui(crm, crm.useCases, 100, 32).logIn("mia").type("d");
    standard.assertShows("adalovelace@epic-events.test");
  }

  @Test
  void columnsKeepTheirPlaceFromPageToPage() {
    for (int i = 0; i < 30; i++) {
      crm.client(i % 2 == 0 ? "Al" + i : "Bartholomew Montgomery-Smythe " + i, sam);
    }
    Tui tui = new Tui(crm, crm.useCases, 100, 24).logIn("sam").type("c");
    int first = tui.lineWith("Al0").indexOf("2027-01-15");
    tui.press(com.googlecode.lanterna.input.KeyType.PageDown);
    String header = tui.lineWith("Last contact");
    String row = tui.lines().stream().filter(l -> l.contains("Al") && l.contains("2027-01-15")).findFirst().orElseThrow();
    assertEquals(first, row.indexOf("2027-01-15"), tui.screen());
    assertEquals(first, header.indexOf("Last contact"), tui.screen());
  }

  @Test
  void aListPageHoldsAsManyRowsAsTheWindowAfterAResize() {
    for (int i = 0; i < 60; i++) {
      crm.client("Client " + i, sam);
    }
    Tui tui = new Tui(crm, crm.useCases, 100, 24).logIn("sam").type("c");
    tui.assertShows("records 1–12 of more");
    tui.resize(100, 40).assertShows("records 1–28 of more");
    tui.resize(80, 24).assertShows("records 1–12 of more");
  }

  @Test
  void formFieldsShowLongValuesFromTheirBeginningAndUseTheWidth() {
    Contract contract = crm.contract(crm.client("Acme", sam), "1000", "0", true);
    Instant start = crm.clock.instant().plus(Duration.ofDays(30));
    crm.store.events().insert(Event.plan(contract,
        new EventDetails("Gala", "Jane", "Manoir de la Poterie, Honfleur, Normandie", 80, null),
        new Schedule(start, start.plus(Duration.ofHours(5))), sue, crm.clock.instant()));
    Tui tui = new Tui(crm, crm.useCases, 100, 32).logIn("sue").type("1").enter().type("e");
    assertTrue(tui.lineWith("Location *").contains("Manoir de la Poterie, Honfleur, Normandie"), tui.screen());
  }

  @Test
  void detailLabelsStayWholeWhenTheWindowShrinks() {
    Contract contract = crm.contract(crm.client("Tom Petit", sam), "1000", "0", true);
    crm.event(contract, sue);
    Tui tui = new Tui(crm, crm.useCases, 200, 60).logIn("sam").type("e").enter();
    tui.resize(80, 24);
    assertTrue(tui.lineWith("Tom Petit").contains(" Client "), tui.screen());
    assertTrue(tui.lineWith("Jane, 0611223344").contains(" Client contact "), tui.screen());
    assertTrue(tui.lineWith("#" + contract.id().value()).contains(" Contract "), tui.screen());
    tui.resize(200, 60).resize(100, 32);
    assertTrue(tui.lineWith("Tom Petit").contains(" Client "), tui.screen());
    assertTrue(tui.lineWith("Launch party").contains(" Name "), tui.screen());
  }

  @Test
  void formLabelsStayPutWhileTypingAndWhenTheWindowChanges() {
    Contract contract = crm.contract(crm.client("Acme", sam), "1000", "0", true);
    Tui tui = new Tui(crm, crm.useCases, 100, 32).logIn("sam").type("6").enter();
    // the longest label of the sales event form is "Client contact *" (support is management's to assign)
    int inputColumn = tui.lineWith("Client contact *").indexOf("Client contact *") + "Client contact * ".length();
    tui.type("\nJ");
    assertEquals(inputColumn, tui.lineWith("Client contact *").indexOf("J"), tui.screen());
    tui.type("o");
    assertEquals(inputColumn, tui.lineWith("Client contact *").indexOf("Jo"), tui.screen());
    assertEquals(tui.lineWith("Client contact *").indexOf("Client contact *"), tui.lineWith("Location *").indexOf("Location *"),
        tui.screen());
    tui.resize(200, 60);
    assertTrue(tui.lineWith("Client contact *").contains("Client contact * Jo"), tui.screen());
    tui.resize(80, 24);
    assertTrue(tui.lineWith("Client contact *").contains("Client contact * Jo"), tui.screen());
    assertTrue(tui.lineWith("Location").contains("Location "), tui.screen());
  }

  @Test
  void theContractFormKeepsItsLabelsWhenItsConfirmationOpens() {
    Contract signed = crm.contract(crm.client("Acme", sam), "4000", "1000", true);
    Tui tui = new Tui(crm, crm.useCases, 100, 32).logIn("mia").type("4").enter().type("e");
    tui.tab().type("0").save();
    tui.assertShows("Please confirm");
    assertTrue(tui.lineWith("already signed").contains("Signed "), tui.screen());
    assertTrue(tui.lineWith("already signed").matches(".*already signed, on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d.*"),
        tui.screen());
    assertTrue(tui.lineWith("Client").contains("Acme (#" + signed.clientId().value() + ")"), tui.screen());
  }

  @Test
  void noListScrollsSidewaysEvenInANarrowWindow() {
    crm.client("Boréal Bank of the North Atlantic Coast", sam);
    crm.useCases.apiKeys().create(crm.login(mia), com.epicevents.crm.application.port.in.ManageApiKeysUseCase.CreateCommand
        .of("The accounting system of the North Atlantic Coast", java.util.List.of("clients:read", "contracts:read"),
            crm.clock.instant().plus(Duration.ofDays(30))));
    Tui tui = new Tui(crm, crm.useCases, 60, 24).logIn("mia");
    for (String list : new String[] {"c", "o", "e", "d", "9", "k", "a"}) {
      tui.type(list);
      assertTrue(!list.equals("a") || tui.shows("crm_"), tui.screen());
      assertTrue(tui.screen().indexOf('◄') < 0 && tui.screen().indexOf('►') < 0, tui.screen());
      tui.esc();
    }
  }
}
