package com.epicevents.crm.tui;

import com.epicevents.crm.application.port.in.ExpectedVersion;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.UpdateClientUseCase;
import com.epicevents.crm.application.port.in.FieldUpdate;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

/** Management reads the audit trail in the text UI: filtered by record, actor and action, paged, old → new. */
class AuditTrailTest {
  private final TestCrm crm = new TestCrm();
  private final Collaborator mia = crm.collaborator("mia", Team.MANAGEMENT);
  private final Collaborator sam = crm.collaborator("sam", Team.SALES);
  private final Collaborator sid = crm.collaborator("sid", Team.SALES);

  @Test
  void managementFiltersTheTrailByRecordActorAndActionAndSeesOldAndNewValues() {
    Client acme = crm.client("Acme", sam);
    AuthToken samToken = crm.login(sam);
    crm.useCases.updateClient().update(samToken, UpdateClientUseCase.Command.of(acme.id().value(), ExpectedVersion.ANY, null, null,
        FieldUpdate.set("0799999999"), null, null));
    crm.useCases.deactivateCollaborator().deactivate(crm.login(mia), sid.id(), ExpectedVersion.ANY);

    Tui tui = new Tui(crm, crm.useCases, 160, 40).logIn("mia").type("9");
    tui.assertShows("Audit trail", "UPDATED", "DEACTIVATED", "Client #" + acme.id().value(),
        "phone: 0612345678 → 0799999999", "Sam (#" + sam.id().value() + ")");

    tui.type("t").assertShows("collaborator records", "DEACTIVATED").assertHides("0799999999");
    tui.type("a").type("u").assertShows("Actor's collaborator id").type(sam.id().value() + "\n");
    tui.assertShows("by Sam (#" + sam.id().value() + ")", "0799999999").assertHides("DEACTIVATED");
    tui.type("a").type("i").type("x\n").assertShows("must be a whole number").esc();
    tui.type("i").type(acme.id().value() + "\n").assertShows("record #" + acme.id().value(), "0799999999");
    tui.type("a").type("/deactiv").assertShows("DEACTIVATED").assertHides("0799999999");
    tui.press(KeyType.Enter).enter().assertShows("Audit entry #", "Action: DEACTIVATED", "Changes (old → new):",
        "active: true → false");
  }

  @Test
  void onlyManagementSeesTheAuditTrailInTheMenu() {
    Tui tui = new Tui(crm).logIn("sam");
    tui.assertHides("Audit trail");
    assertTrue(tui.shows("SALES MENU"));
  }
}
