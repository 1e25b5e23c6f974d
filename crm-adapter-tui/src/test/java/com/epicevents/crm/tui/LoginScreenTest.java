package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginScreenTest {
  private final TestCrm crm = new TestCrm();
  private final Collaborator sam = crm.collaborator("sam", Team.SALES);

  @Test
  void theLoginScreenNamesTheDatabaseAndMasksThePassword() {
    Tui tui = new Tui(crm).assertShows("Log in to the CRM (database: test database)", "Username", "Password");
    tui.type("sam\nsecret");
    assertTrue(tui.lineWith("Password").contains("******"), tui.screen());
    tui.assertHides("secret");
  }

  @Test
  void aWrongPasswordAndAnUnknownUsernameGetTheSameMessageAndTheUserMayTryAgain() {
    Tui tui = new Tui(crm).type("sam\nnot-the-password\n").assertShows("Invalid username or password.");
    String wrongPassword = tui.lineWith("Invalid");
    tui.esc();
    tui = new Tui(crm).type("nobody\nnot-the-password\n");
    assertEquals(wrongPassword, tui.lineWith("Invalid"));
    tui.type(TestCrm.PASSWORD + "\n").assertShows("Invalid");
  }

  @Test
  void aDeactivatedAccountGetsTheSameMessageAsWrongCredentials() {
    crm.deactivated(sam);
    new Tui(crm).logIn("sam").assertShows("Invalid username or password.").assertHides("SALES MENU");
  }

  @Test
  void tenFailedAttemptsLockTheAccountAndTheScreenSaysWhenToTryAgain() {
    Tui tui = new Tui(crm).type("sam\n");
    for (int i = 0; i < 10; i++) {
      crm.clock.advance(Duration.ofMinutes(6));
      tui.type("wrong-" + i + "\n");
    }
    tui.assertShows("Too many failed attempts: this account is locked. Try again in 15 minutes.");
    tui.type(TestCrm.PASSWORD + "\n").assertShows("locked").assertHides("SALES MENU");

    crm.clock.advance(Duration.ofMinutes(16));
    tui.type(TestCrm.PASSWORD + "\n").assertShows("SALES MENU");
  }

  @Test
  void quickRepeatedFailuresAreToldToWaitAFewSeconds() {
    Tui tui = new Tui(crm).type("sam\n");
    for (int i = 0; i < 6; i++) {
      tui.type("wrong-" + i + "\n");
    }
    tui.assertShows("Too many failed attempts: wait 1 second before trying again.");
  }

  @Test
  void typingExitAsTheUsernameLeaves() {
    Tui tui = new Tui(crm).type("exit\n");
    assertTrue(tui.ui.finished());
  }

  @Test
  void escapeOnTheLoginScreenLeaves() {
    Tui tui = new Tui(crm).esc();
    assertTrue(tui.ui.finished());
  }

  @Test
  void loggingOutReturnsToTheLoginScreenAndEndsTheSession() {
    Tui tui = new Tui(crm).logIn("sam").type("q").assertShows("Log out of the CRM?").type("y")
        .assertShows("You are logged out.", "Username");
    assertFalse(tui.ui.finished());
    tui.logIn("sam").esc().assertShows("Log out of the CRM?").type("y").assertShows("You are logged out.");
  }
}
