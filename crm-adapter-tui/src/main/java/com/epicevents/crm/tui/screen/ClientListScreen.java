package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.access.AccessPolicy.Grant;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.tui.widget.Display;
import com.epicevents.crm.tui.widget.PagedTable.Column;
import java.util.List;
import java.util.function.Consumer;

/** Clients, with a search box (name, company or e-mail) and the "my clients" filter for sales. */
final class ClientListScreen extends ListScreen<ClientView> {
  private boolean mine;

  ClientListScreen(App app, boolean mine, Consumer<ClientView> onPick) {
    super(app, onPick != null ? "Choose a client" : mine ? "My clients" : "Clients", onPick);
    this.mine = mine;
    StringBuilder hints = new StringBuilder("a: all");
    key('a', "all clients (clears the search)", () -> {
      this.mine = false;
      search.setText("");
      searched = null;
      refresh();
    });
    if (app.grant(Action.UPDATE_CLIENT) == Grant.OWN_CLIENT) {
      hints.append("  m: mine");
      key('m', "only my clients", () -> {
        this.mine = true;
        refresh();
      });
    }
    if (!picking() && app.may(Action.CREATE_CLIENT)) {
      hints.append("  n: new");
      key('n', "create a client", () -> app.show(ClientForms.create(app)));
    }
    start(List.of(
        new Column<>("ID", 7, c -> String.valueOf(c.client().id().value())),
        Column.growing("Full name", 12, c -> c.client().fullName().value()),
        Column.growing("Company", 12, c -> c.client().companyName().value()),
        Column.growing("Sales contact", 13, ClientView::salesContactName),
        new Column<>("Last contact", 16, c -> Display.dateTime(c.client().lastContactAt(), app.zone()))),
        null, hints.toString());
  }

  /** Management's "create a contract": choose the client first. */
  static void pickForContract(App app) {
    ClientListScreen[] list = new ClientListScreen[1];
    list[0] = new ClientListScreen(app, false, picked -> app.replace(list[0], ContractForms.create(app, picked)));
    app.show(list[0]);
  }

  @Override
  protected String useCaseName() {
    return "ViewClients";
  }

  @Override
  protected Page<ClientView> fetch(PageRequest page) {
    return app.useCases().clients().list(app.token(), new ClientFilter(mine ? app.myId() : null, searched), page);
  }

  @Override
  protected void open(ClientView item) {
    app.show(new ClientDetailScreen(app, item.client().id()));
  }

  @Override
  protected String filterDescription() {
    return mine ? "my clients" : "all clients";
  }

  @Override
  protected String searchHint() {
    return "name, company or e-mail; the list narrows as you type";
  }

  /** The core searches clients (name, company, e-mail) across all of them, as the user types. */
  @Override
  protected void searchFor(String typed) {
    searched = typed == null || typed.isBlank() ? null : typed.strip();
    refresh();
  }

  @Override
  protected long idOf(ClientView item) {
    return item.client().id().value();
  }
}
