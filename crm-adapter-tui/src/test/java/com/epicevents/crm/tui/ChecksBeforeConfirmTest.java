package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import org.junit.jupiter.api.Test;

/** What the core would refuse is said next to the field before "Please confirm", not after it. */
class ChecksBeforeConfirmTest {
  private final TestCrm crm = new TestCrm();
  private final Collaborator mia = crm.collaborator("mia", Team.MANAGEMENT);
  private final Collaborator sam = crm.collaborator("sam", Team.SALES);

  @Test
  void passwordRulesAreCheckedBeforeTheConfirmation() {
    Tui tui = new Tui(crm).logIn("mia").type("1");
    tui.type("suzy\nSuzy Support\n\n0600000000\n").tab().type("short\nshort\n").save();
    assertTrue(tui.lineWith("Password *").contains("must be at least 12 characters"), tui.screen());
    tui.assertHides("Please confirm");
    tui.press(com.googlecode.lanterna.input.KeyType.Tab).press(com.googlecode.lanterna.input.KeyType.ReverseTab)
        .clearField().type("suzy-rocks-forever").tab().clearField().type("suzy-rocks-forever").save();
    assertTrue(tui.lineWith("Password *").contains("must not contain the username"), tui.screen());
    tui.assertHides("Please confirm");
  }

  @Test
  void aCommonNewPasswordIsRefusedBeforeTheConfirmation() {
    Tui tui = new Tui(crm).logIn("sam").type("p");
    tui.type(TestCrm.PASSWORD + "\npasswordpassword\npasswordpassword\n").save();
    assertTrue(tui.lineWith("New password").contains("is too common"), tui.screen());
    tui.assertHides("Please confirm");
  }

  @Test
  void anAmountDueAboveTheTotalIsRefusedBeforeTheConfirmation() {
    Contract contract = crm.contract(crm.client("Acme", sam), "1000", "1000", false);
    Tui tui = new Tui(crm).logIn("mia").type("4").enter().type("e").tab().clearField().type("2000").save();
    assertTrue(tui.lineWith("Amount due *").contains("cannot exceed the total amount"), tui.screen());
    tui.assertHides("Please confirm");
    assertEquals("1000.00", crm.reload(contract.id()).amountDue().toString());
  }

  @Test
  void amountsTypedTheWayTheyAreShownAreAccepted() {
    Contract contract = crm.contract(crm.client("Acme", sam), "1000", "1000", false);
    Tui tui = new Tui(crm).logIn("mia").type("4").enter().type("e").clearField().type("4,000.00").tab()
        .clearField().type("1,500").save();
    tui.assertShows("Please confirm").type("y").assertNotice("was updated");
    assertEquals("4000.00", crm.reload(contract.id()).totalAmount().toString());
    assertEquals("1500.00", crm.reload(contract.id()).amountDue().toString());
  }

  @Test
  void theLastActiveManagerIsNotOfferedDeactivationNorAMoveOutOfManagement() {
    Tui tui = new Tui(crm).logIn("mia").type("d").type("/mia").enter().enter();
    tui.assertShows("the last active manager").assertHides("Deactivate");
    tui.type("e").tab().tab().tab().tab().type("s").save();
    assertTrue(tui.lineWith("Team *").contains("last active manager"), tui.screen());
    tui.assertHides("Please confirm");

    crm.collaborator("max", Team.MANAGEMENT);
    tui.esc().type("y").assertShows("x  Deactivate").assertHides("the last active manager");
  }
}
