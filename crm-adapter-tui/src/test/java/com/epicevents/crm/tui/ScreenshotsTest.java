package com.epicevents.crm.tui;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.domain.common.Team;
import org.junit.jupiter.api.Test;

class ScreenshotsTest {
  @Test
  void printsScreens() {
    TestCrm crm = new TestCrm();
    var sam = crm.collaborator("sam", Team.SALES);
    crm.collaborator("mia", Team.MANAGEMENT);
    var c = crm.client("John Dough", sam);
    crm.contract(c, "32000", "12000", true);
    Tui tui = new Tui(crm, crm.useCases, 80, 24);
    System.out.println(tui.screen());
    tui.logIn("sam");
    System.out.println(tui.screen());
    tui.type("c");
    System.out.println(tui.screen());
    tui.enter();
    System.out.println(tui.screen());
    tui.type("e");
    System.out.println(tui.screen());
  }
}
