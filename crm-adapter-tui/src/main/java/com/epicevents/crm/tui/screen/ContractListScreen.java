package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.out.ContractFilter;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.access.AccessPolicy.Grant;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.tui.widget.Display;
import com.epicevents.crm.tui.widget.PagedTable.Column;
import java.util.List;
import java.util.function.Consumer;

/** Contracts, with the reference CLI's filters: not signed, not fully paid, my clients'. */
final class ContractListScreen extends ListScreen<ContractView> {
  enum Preset { ALL, UNSIGNED, UNPAID, MINE, MINE_SIGNED }

  private Preset preset;
  private final ClientId client;
  private final String clientName;

  ContractListScreen(App app, Preset preset) {
    this(app, preset, null, null, null);
  }

  private ContractListScreen(App app, Preset preset, ClientId client, String clientName, Consumer<ContractView> onPick) {
    super(app, onPick != null ? "Choose a signed contract of your client" : "Contracts", onPick);
    this.preset = preset;
    this.client = client;
    this.clientName = clientName;
    StringBuilder hints = new StringBuilder();
    if (!picking()) {
      hints.append("u: unsigned  p: not fully paid  a: all");
      key('u', "contracts not signed yet", () -> show(Preset.UNSIGNED));
      key('p', "contracts not fully paid", () -> show(Preset.UNPAID));
      key('a', "all contracts", () -> show(Preset.ALL));
      if (app.grant(Action.UPDATE_CONTRACT) == Grant.OWN_CLIENT) {
        hints.append("  m: mine");
        key('m', "contracts of my clients", () -> show(Preset.MINE));
      }
      if (app.may(Action.CREATE_CONTRACT)) {
        hints.append("  n: new");
        key('n', "create a contract (choose the client)", () -> ClientListScreen.pickForContract(app));
      }
    }
    start(List.of(
        new Column<>("ID", 7, c -> String.valueOf(c.contract().id().value())),
        Column.growing("Client", 12, ContractView::clientName),
        new Column<>("Total", 14, c -> Display.money(c.contract().totalAmount().amount())),
        new Column<>("Due", 14, c -> Display.money(c.contract().amountDue().amount())),
        new Column<>("Signed", 6, c -> c.contract().signed() ? "yes" : "no"),
        new Column<>("Created", 16, c -> Display.dateTime(c.contract().createdAt(), app.zone()))),
        null, hints.toString());
  }

  /** The contracts of one client. */
  static ContractListScreen ofClient(App app, ClientId client, String clientName) {
    return new ContractListScreen(app, Preset.ALL, client, clientName, null);
  }

  /** Sales' "create an event": choose one of the signed contracts of their clients first. */
  static void pickForEvent(App app) {
    ContractListScreen[] list = new ContractListScreen[1];
    list[0] = new ContractListScreen(app, Preset.MINE_SIGNED, null, null,
        picked -> EventForms.create(app, picked, list[0]));
    app.show(list[0]);
  }

  private void show(Preset p) {
    preset = p;
    refresh();
  }

  @Override
  protected long idOf(ContractView item) {
    return item.contract().id().value();
  }

  @Override
  protected String useCaseName() {
    return "ViewContracts";
  }

  @Override
  protected Page<ContractView> fetch(PageRequest page) {
    ContractFilter filter = switch (preset) {
      case ALL -> new ContractFilter(client, null, null, null);
      case UNSIGNED -> new ContractFilter(client, false, null, null);
      case UNPAID -> new ContractFilter(client, null, false, null);
      case MINE -> new ContractFilter(client, null, null, app.myId());
      case MINE_SIGNED -> new ContractFilter(client, true, null, app.myId());
    };
    return app.useCases().contracts().list(app.token(), filter, page);
  }

  @Override
  protected void open(ContractView item) {
    app.show(new ContractDetailScreen(app, item.contract().id()));
  }

  @Override
  protected String filterDescription() {
    String what = switch (preset) {
      case ALL -> "all contracts";
      case UNSIGNED -> "contracts not signed yet";
      case UNPAID -> "contracts not fully paid";
      case MINE -> "contracts of my clients";
      case MINE_SIGNED -> "signed contracts of my clients";
    };
    return client == null ? what : what + " of " + clientName + " (#" + client.value() + ")";
  }
}
