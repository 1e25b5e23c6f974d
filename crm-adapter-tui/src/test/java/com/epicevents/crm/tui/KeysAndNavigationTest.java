package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventDetails;
import com.epicevents.crm.domain.event.Schedule;
import com.googlecode.lanterna.input.KeyType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Keys people know from k9s, lazygit and htop, and what they protect against. */
class KeysAndNavigationTest {
  private final TestCrm crm = new TestCrm();
  private final Collaborator sam = crm.collaborator("sam", Team.SALES);
  private final Collaborator mia = crm.collaborator("mia", Team.MANAGEMENT);
  private final Collaborator sue = crm.collaborator("sue", Team.SUPPORT);

  @Test
  void escOnAHalfFilledFormAsksBeforeThrowingItAwayAndEnterKeepsIt() {
    Tui tui = new Tui(crm).logIn("sam").type("1").type("John Dough\njohn@dough.test\n");
    tui.esc().assertShows("Leave without saving?", "You changed: Full name, E-mail.");
    tui.enter().assertShows("Create a client").assertHides("Leave without saving?");
    assertTrue(tui.lineWith("Full name *").contains("John Dough"), tui.screen());
    tui.esc().type("y").assertShows("SALES MENU");
    assertEquals(0, crm.store.clients().list(ClientFilter.ALL, PageRequest.firstDefault()).items().size());
  }

  @Test
  void escOnAnUntouchedFormLeavesAtOnce() {
    new Tui(crm).logIn("sam").type("1").esc().assertShows("SALES MENU").assertHides("Leave without saving?");
  }

  @Test
  void anUpdatedCollaboratorFormAlsoAsksBeforeLeaving() {
    Tui tui = new Tui(crm).logIn("mia").type("d").enter().type("e").tab().type("ie");
    tui.esc().assertShows("Leave without saving?", "You changed: Full name.").type("n");
    tui.assertShows("Update collaborator #");
  }

  @Test
  void escAndQOnTheMainMenuBothAskAndEnterStaysLoggedIn() {
    Tui tui = new Tui(crm).logIn("sam");
    tui.esc().assertShows("Log out of the CRM?").enter().assertShows("SALES MENU").assertHides("Log out of the CRM?");
    tui.esc().esc().enter().assertHides("You are logged out.", "Username").esc();
    tui.type("q").assertShows("Log out of the CRM?").enter().assertShows("SALES MENU");
    tui.type("q").type("y").assertShows("You are logged out.", "Username");
  }

  @Test
  void questionMarkOpensTheHelpWithWhatTheScreenIsForAndQLeavesAList() {
    Tui tui = new Tui(crm).logIn("sam");
    tui.type("?").assertShows("Help: SALES MENU", "Your team's actions", "? or F1").esc();
    tui.type("c").type("?").assertShows("Help: Clients", "Home End", "leave the list").esc();
    tui.type("q").assertShows("SALES MENU");
  }

  @Test
  void everyScreenFooterShowsItsKeysAndTheHelpKey() {
    Tui tui = new Tui(crm).logIn("sam");
    assertTrue(tui.screen().contains("q/Esc: log out"), tui.screen());
    tui.type("c").assertShows("Enter: open", "/: search", "q/Esc: back", "?/F1");
    tui.esc().type("1").assertShows("F10: review and save", "Esc: cancel", "?/F1");
  }

  @Test
  void arrowsGoPastTheEndOfAPageAndHomeEndJumpWithThePositionShown() {
    for (int i = 1; i <= 30; i++) {
      crm.client(String.format("Client %02d", i), sam);
    }
    Tui tui = new Tui(crm, crm.useCases, 100, 24).logIn("sam").type("c");
    tui.assertShows("Page 1 · records 1–12 of more · on 1");
    tui.press(KeyType.End).assertShows("on 12");
    tui.press(KeyType.ArrowDown).assertShows("Page 2 · records 13–24 of more · on 13", "Client 13");
    tui.press(KeyType.ArrowUp).assertShows("Page 1", "on 12");
    tui.press(KeyType.Home).assertShows("on 1");
    tui.press(KeyType.PageDown, KeyType.PageDown).assertShows("Page 3 · records 25–30 of 30", "last page");
    tui.press(KeyType.Home, KeyType.Home).assertShows("Page 1 · records 1–12 of more · on 1");
  }

  @Test
  void lineBreaksReadAsCommasInListsAndAsLinesInDetailsWhileEscapesStayNeutral() {
    Contract contract = crm.contract(crm.client("Acme", sam), "1000", "0", true);
    Instant start = crm.clock.instant().plus(Duration.ofDays(3));
    Event event = crm.store.events().insert(Event.plan(contract,
        new EventDetails("Gala", "Tom Petit\n+33 7 28 12 63 37", "Paris", 80, "Gate\u001b[2J code"),
        new Schedule(start, start.plusSeconds(3600)), sue, crm.clock.instant()));
    crm.client("Zoë 株式会社 \uD83C\uDF89 end", sam);
    Tui tui = new Tui(crm, crm.useCases, 120, 32).logIn("sam").type("e");
    tui.assertShows("Paris").assertHides("\\n");
    tui.enter().assertShows("Gate\\e[2J code");
    assertTrue(tui.lineWith("Tom Petit").contains("Client contact"), tui.screen());
    assertTrue(tui.lines().get(tui.lines().indexOf(tui.lineWith("Tom Petit")) + 1).contains("+33 7 28 12 63 37"),
        tui.screen());
    tui.esc().esc().type("c").assertShows("Zoë 株", "\\u{1F389} end");
    assertFalse(tui.screen().contains("??"), tui.screen());
    assertTrue(tui.screen().chars().noneMatch(c -> c == 0x1b), "raw escape on screen");
    assertEquals("Gate\u001b[2J code", crm.reload(event.id()).details().notes());
  }

  @Test
  void aChooserFindsOneOfTwentyPeopleByTypingAFewLetters() {
    for (String name : new String[] {"ann", "bob", "cid", "dan", "eve", "fay", "gus", "hal", "ida", "jon", "kim", "lou",
        "max", "ned", "ozy", "pat", "quin", "ray", "tana", "uma"}) {
      crm.collaborator(name, Team.SUPPORT);
    }
    Contract contract = crm.contract(crm.client("Acme", sam), "1000", "0", true);
    crm.event(contract, null);
    Tui tui = new Tui(crm).logIn("mia").type("5").enter().type("s").assertShows("< (nobody)", "type to find");
    tui.type("ta").assertShows("< Tana (#", "find: ta");
    tui.press(KeyType.Backspace, KeyType.Backspace).type("um").assertShows("< Uma (#");
    tui.type("x").assertShows("< Uma (#");
    tui.save().assertShows("Support contact: Uma");
  }
}
