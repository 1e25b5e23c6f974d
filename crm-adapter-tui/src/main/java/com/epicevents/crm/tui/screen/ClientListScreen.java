package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.access.AccessPolicy.Grant;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.tui.widget.Display;
import com.epicevents.crm.tui.widget.PagedTable.Column;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.function.Consumer;

/** Clients, with a search box (name, company or e-mail) and the "my clients" filter for sales. */
final class ClientListScreen extends ListScreen<ClientView> {
  private final TextBox search = new TextBox(new TerminalSize(30, 1));
  private boolean mine;
  private String text;

  ClientListScreen(App app, boolean mine, Consumer<ClientView> onPick) {
    super(app, onPick != null ? "Choose a client" : mine ? "My clients" : "Clients", onPick);
    this.mine = mine;
    Panel searchRow = new Panel(new LinearLayout(Direction.HORIZONTAL));
    searchRow.addComponent(new Label("Search (/):"));
    searchRow.addComponent(search);
    searchRow.addComponent(new Label("name, company or e-mail, then Enter"));

    StringBuilder hints = new StringBuilder("/: search  a: all");
    key('/', "search clients by name, company or e-mail", () -> focus(search));
    key('a', "all clients (clears the search)", () -> {
      this.mine = false;
      text = null;
      search.setText("");
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
        searchRow, hints.toString());
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
    return app.useCases().clients().list(app.token(), new ClientFilter(mine ? app.myId() : null, text), page);
  }

  @Override
  protected void open(ClientView item) {
    app.show(new ClientDetailScreen(app, item.client().id()));
  }

  @Override
  protected String filterDescription() {
    return (mine ? "my clients" : "all clients") + (text == null ? "" : " matching \"" + text + "\"");
  }

  @Override
  protected void onEscape() {
    if (window.getFocusedInteractable() == search) {
      focus(table.table());
    } else {
      super.onEscape();
    }
  }

  @Override
  protected boolean onSpecialKey(KeyStroke key) {
    if (key.getKeyType() == KeyType.Enter && window.getFocusedInteractable() == search) {
      String typed = search.getText().strip();
      text = typed.isEmpty() ? null : typed;
      refresh();
      return true;
    }
    return super.onSpecialKey(key);
  }
}
