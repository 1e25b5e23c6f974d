package com.epicevents.crm.tui;

import com.epicevents.crm.application.port.in.ExpectedVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.UpdateContractUseCase;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The smaller annoyances of issue 13, point 12. */
class SmallerThingsTest {
  private final TestCrm crm = new TestCrm();
  private final Collaborator mia = crm.collaborator("mia", Team.MANAGEMENT);
  private final Collaborator sam = crm.collaborator("sam", Team.SALES);

  @Test
  void aFieldsErrorGoesAsSoonAsTheFieldIsChanged() {
    Tui tui = new Tui(crm).logIn("sam").type("1").save();
    assertTrue(tui.lineWith("Full name *").contains("is required"), tui.screen());
    tui.type("Kevin Casey");
    assertFalse(tui.lineWith("Full name *").contains("is required"), tui.screen());
    assertTrue(tui.lineWith("Phone *").contains("is required"), "the other fields keep theirs");
  }

  @Test
  void theContractDetailNamesTheSalespersonAsTheClientDetailDoes() {
    Contract contract = crm.contract(crm.client("Acme", sam), "1000", "0", true);
    Tui tui = new Tui(crm).logIn("mia").type("o").enter();
    assertTrue(tui.lineWith("Sales contact").contains("Sam (#" + sam.id().value() + ")"), tui.screen());
    assertTrue(tui.shows("Contract #" + contract.id().value()));
  }

  @Test
  void anExpiredSessionIsNoticedWhenAFormOpensNotAfterItIsFilledIn() {
    Tui tui = new Tui(crm).logIn("sam");
    crm.clock.advance(Duration.ofMinutes(31));
    tui.type("1").assertShows("Your session has expired", "Username").assertHides("Full name *");
  }

  @Test
  void afterAConflictTheTypedChangeIsKeptBesideTheCurrentValues() {
    Contract contract = crm.contract(crm.client("Acme", sam), "1000", "1000", false);
    Tui tui = new Tui(crm).logIn("mia").type("4").enter().type("e").tab().clearField().type("100");
    crm.useCases.updateContract().update(crm.login(mia),
        UpdateContractUseCase.Command.of(contract.id().value(), ExpectedVersion.ANY, "5000", "750", null));

    tui.save().type("y").assertShows("Changed by someone else", "Total amount: 5,000.00", "Amount due: 750.00",
        "Your change is kept in the form", "Amount due: 100");
    tui.enter().assertShows("Update contract #");
    assertTrue(tui.lineWith("Amount due *").contains("100"), tui.screen());
    assertTrue(tui.lineWith("Total amount *").contains("5000.00"), "the other field shows the current value");
    tui.save().type("y").assertNotice("was updated");
    assertEquals("100.00", crm.reload(contract.id()).amountDue().toString());
    assertEquals("5000.00", crm.reload(contract.id()).totalAmount().toString());
  }
}
