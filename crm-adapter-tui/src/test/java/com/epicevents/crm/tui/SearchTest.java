package com.epicevents.crm.tui;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.googlecode.lanterna.input.KeyStroke;
import org.junit.jupiter.api.Test;

/** "/" searches every list, narrowing it as the user types. */
class SearchTest {
  private final TestCrm crm = new TestCrm();
  private final Collaborator sam = crm.collaborator("sam", Team.SALES);
  private final Collaborator sid = crm.collaborator("sid", Team.SALES);
  private final Collaborator sue = crm.collaborator("sue", Team.SUPPORT);

  @Test
  void clientsNarrowAsTheUserTypesAndCtrlUEmptiesTheBox() {
    crm.client("Acme Rockets", sam);
    crm.client("Startup 株式会社", sid);
    Tui tui = new Tui(crm).logIn("sam").type("c").type("/sta");
    tui.assertShows("matching \"sta\"", "Startup").assertHides("Acme Rockets");
    tui.clearField().assertShows("Acme Rockets", "Startup").assertHides("matching");
    tui.type("rock").assertShows("Acme Rockets").assertHides("Startup");
    tui.key(new KeyStroke('u', true, false)).type("startup").assertShows("Startup").assertHides("Acme", "startupu");
  }

  @Test
  void slashStartsANewSearchInsteadOfKeepingTheOldOne() {
    crm.client("Acme Rockets", sam);
    crm.client("Globex", sid);
    Tui tui = new Tui(crm).logIn("sam").type("c").type("/rock\n").assertHides("Globex");
    tui.type("/").assertShows("Globex", "Acme Rockets").type("glob").assertShows("Globex").assertHides("Acme Rockets");
  }

  @Test
  void contractsEventsAndCollaboratorsCanBeSearchedToo() {
    Contract acme = crm.contract(crm.client("Acme Rockets", sam), "1000", "0", true);
    crm.contract(crm.client("Globex", sid), "2000", "0", true);
    crm.event(acme, sue);
    Tui tui = new Tui(crm).logIn("sam").type("o").type("/glob");
    tui.assertShows("all contracts matching \"glob\"", "Globex", "2,000.00").assertHides("Acme Rockets");
    tui.esc().esc().type("e").type("/acme").assertShows("Acme Rockets", "Launch party");
    tui.clearField().type("nothing-like-it").assertShows("No records.").assertHides("Launch party");
    tui.esc().esc().type("d").type("/sue").assertShows("Sue").assertHides("Sam ", "Sid ");
  }

  @Test
  void aSearchOverALongListReadsAFewPagesAtATimeAndPgDnSearchesFurther() {
    var hay = crm.client("Hay", sam);
    var needle = crm.client("Needle Corp", sam);
    for (int i = 0; i < 1100; i++) {
      crm.contract(i == 1050 ? needle : hay, "1000", "0", false);
    }
    Tui tui = new Tui(crm).logIn("sid").type("o").type("/needle");
    tui.assertShows("nothing found yet among the records read", "PgDn: search further").assertHides("Needle Corp");
    tui.press(com.googlecode.lanterna.input.KeyType.Enter, com.googlecode.lanterna.input.KeyType.PageDown);
    tui.assertShows("Needle Corp", "1,000.00", "last page");
  }
}
