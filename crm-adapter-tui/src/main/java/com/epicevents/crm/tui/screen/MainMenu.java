package com.epicevents.crm.tui.screen;

import com.epicevents.crm.domain.access.AccessPolicy.Grant;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.tui.widget.Display;
import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.List;
import java.util.Locale;

/**
 * The team's menu: exactly the actions the permission table gives the team (numbered, as in the
 * reference CLI), then the lists every team reads, API keys, then password and log out. Each entry asks the
 * access policy, so a team never sees what it would be refused.
 */
final class MainMenu extends Screen {
  private final ActionListBox list = new ActionListBox();
  private int number;

  MainMenu(App app) {
    super(app, app.me().team() + " MENU | Welcome, " + app.me().fullName());
    Panel body = new Panel(new LinearLayout(Direction.VERTICAL));
    body.addComponent(new Label(Display.safe(app.me().team().name().charAt(0)
        + app.me().team().name().substring(1).toLowerCase(Locale.ROOT) + " menu — choose with the key or ↑ ↓ and Enter.")));

    boolean manager = app.grant(Action.UPDATE_CONTRACT) == Grant.YES;
    boolean sales = app.me().team() == Team.SALES;
    action(app.may(Action.CREATE_COLLABORATOR), "Create a collaborator",
        () -> app.show(CollaboratorForms.create(app)));
    action(app.may(Action.UPDATE_COLLABORATOR), "Collaborators: update, deactivate, reactivate, reset password",
        () -> app.show(new CollaboratorListScreen(app)));
    action(app.may(Action.CREATE_CLIENT), "Create a client",
        () -> app.show(ClientForms.create(app)));
    action(app.grant(Action.UPDATE_CLIENT) == Grant.OWN_CLIENT, "My clients: update, reassign",
        () -> app.show(new ClientListScreen(app, true, null)));
    action(app.may(Action.CREATE_CONTRACT), "Create a contract (choose the client)",
        () -> ClientListScreen.pickForContract(app));
    action(app.grant(Action.UPDATE_CONTRACT) != Grant.NO,
        manager ? "Contracts: update amounts, sign" : "Contracts of my clients: update amounts, sign",
        () -> app.show(new ContractListScreen(app, manager ? ContractListScreen.Preset.ALL : ContractListScreen.Preset.MINE)));
    if (sales) {
      contractLists();
    }
    action(app.may(Action.CREATE_EVENT), "Create an event (signed contract of my client)",
        () -> ContractListScreen.pickForEvent(app));
    action(app.may(Action.LIST_MY_EVENTS),
        sales ? "Events of my clients (agenda)" : "My events (agenda): update, hand over to another support member",
        () -> app.show(new AgendaScreen(app)));
    action(app.may(Action.LIST_UNASSIGNED_EVENTS),
        app.grant(Action.ASSIGN_EVENT_SUPPORT) == Grant.YES ? "Events without support: assign support" : "Events without support",
        () -> app.show(new EventListScreen(app, EventListScreen.Preset.UNASSIGNED)));
    action(app.grant(Action.REASSIGN_CLIENT) == Grant.YES, "Clients: reassign to another salesperson",
        () -> app.show(new ClientListScreen(app, false, null)));
    if (!sales) {
      contractLists();
    }
    action(app.may(Action.READ_AUDIT), "Audit trail: who changed what (old → new)",
        () -> app.show(new AuditTrailScreen(app)));

    item('c', "All clients", () -> app.show(new ClientListScreen(app, false, null)));
    item('o', "All contracts", () -> app.show(new ContractListScreen(app, ContractListScreen.Preset.ALL)));
    item('e', "All events", () -> app.show(new EventListScreen(app, EventListScreen.Preset.ALL)));
    item('d', "Collaborator directory", () -> app.show(new CollaboratorListScreen(app)));
    if (app.may(Action.MANAGE_OWN_API_KEYS)) {
      item('k', "My API keys: create, list, revoke", () -> app.show(ApiKeyListScreen.mine(app)));
    }
    if (app.may(Action.MANAGE_API_KEYS)) {
      item('a', "All API keys: by owner, revoke", () -> app.show(ApiKeyListScreen.everyone(app)));
    }
    item('p', "Change my password", () -> app.show(CollaboratorForms.changeOwnPassword(app)));
    item('q', "Log out", this::askLogOut);

    body.addComponent(list);
    setBody(body, "1-9/letter: choose  Enter: open  q/Esc: log out (asks)");
    helpLine("↑ ↓ Enter", "choose an entry");
    focus(list);
  }

  @Override
  protected String about() {
    return "Your team's actions, then the lists every team reads. Each entry opens a screen; Esc or q"
        + " there comes back here.";
  }

  /** Esc and q both ask, with No under the cursor: Esc, Esc, Enter never logs out by accident. */
  @Override
  protected void onEscape() {
    askLogOut();
  }

  private void askLogOut() {
    app.dialogs().confirmNo("Log out", List.of("Signed in as " + app.me().username() + "."),
        "Log out of the CRM? (y: yes, n or Esc: stay)", app::logOut, null);
  }

  /** The reference CLI lists these right after the contract actions for sales; last for the others. */
  private void contractLists() {
    action(app.may(Action.LIST_UNSIGNED_OR_UNPAID_CONTRACTS), "Contracts not signed yet",
        () -> app.show(new ContractListScreen(app, ContractListScreen.Preset.UNSIGNED)));
    action(app.may(Action.LIST_UNSIGNED_OR_UNPAID_CONTRACTS), "Contracts not fully paid",
        () -> app.show(new ContractListScreen(app, ContractListScreen.Preset.UNPAID)));
  }

  private void action(boolean allowed, String label, Runnable run) {
    if (allowed) {
      number++;
      item(Character.forDigit(number, 10), label, run);
    }
  }

  private void item(char key, String label, Runnable run) {
    list.addItem(key + "  " + label, run);
    key(key, label, run);
  }
}
