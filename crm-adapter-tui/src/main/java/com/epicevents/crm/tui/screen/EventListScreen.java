package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.ViewEventsUseCase;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.contract.ContractId;
import com.epicevents.crm.tui.widget.Display;
import com.epicevents.crm.tui.widget.PagedTable.Column;
import java.util.List;

/** Events, with the filters "without support" and "my events" (sales: my clients'; support: mine). */
final class EventListScreen extends ListScreen<EventView> {
  enum Preset { ALL, UNASSIGNED, MINE }

  private Preset preset;
  private final ContractId contract;

  EventListScreen(App app, Preset preset) {
    this(app, preset, null);
  }

  private EventListScreen(App app, Preset preset, ContractId contract) {
    super(app, "Events", null);
    this.preset = preset;
    this.contract = contract;
    StringBuilder hints = new StringBuilder("w: without support  a: all");
    key('w', "events without a support contact", () -> show(Preset.UNASSIGNED));
    key('a', "all events", () -> show(Preset.ALL));
    if (app.may(Action.LIST_MY_EVENTS)) {
      hints.append("  m: mine  g: my agenda");
      key('m', "my events", () -> show(Preset.MINE));
      key('g', "my events as an agenda, by date", () -> app.show(new AgendaScreen(app)));
    }
    start(List.of(
        new Column<>("ID", 7, e -> String.valueOf(e.event().id().value())),
        Column.growing("Name", 8, e -> e.event().details().name()),
        Column.growing("Client", 8, EventView::clientName),
        new Column<>("Start", 16, e -> Display.dateTime(e.event().schedule().startAt(), app.zone())),
        Column.growing("Location", 8, e -> e.event().details().location()),
        Column.growing("Support", 7, e -> e.supportContactName() == null ? "(none)" : e.supportContactName())),
        null, hints.toString());
  }

  static EventListScreen ofContract(App app, ContractId contract) {
    return new EventListScreen(app, Preset.ALL, contract);
  }

  private void show(Preset p) {
    preset = p;
    refresh();
  }

  @Override
  protected long idOf(EventView item) {
    return item.event().id().value();
  }

  @Override
  protected String useCaseName() {
    return "ViewEvents";
  }

  @Override
  protected Page<EventView> fetch(PageRequest page) {
    ViewEventsUseCase.Query query = new ViewEventsUseCase.Query(contract, null,
        preset == Preset.UNASSIGNED ? Boolean.TRUE : null, preset == Preset.MINE, null, null);
    return app.useCases().events().list(app.token(), query, page);
  }

  @Override
  protected void open(EventView item) {
    app.show(new EventDetailScreen(app, item.event().id()));
  }

  @Override
  protected String filterDescription() {
    String what = switch (preset) {
      case ALL -> "all events";
      case UNASSIGNED -> "events without a support contact";
      case MINE -> "my events";
    };
    return contract == null ? what : what + " of contract #" + contract.value();
  }
}
