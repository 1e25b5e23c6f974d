package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.event.EventId;
import java.util.List;

final class EventDetailScreen extends DetailScreen<EventView> {
  private final EventId id;

  EventDetailScreen(App app, EventId id) {
    super(app, "Event #" + id.value());
    this.id = id;
  }

  @Override
  protected String useCaseName() {
    return "ViewEvents";
  }

  @Override
  protected EventView fetch() {
    return app.useCases().events().get(app.token(), id);
  }

  @Override
  protected List<Describe.Line> describe(EventView record) {
    return Describe.event(record, app.zone());
  }

  @Override
  protected void addActions(EventView e) {
    Ownership own = Ownership.ofEvent(e.salesContactId(), e.event().supportContactId());
    if (app.may(Action.UPDATE_EVENT, own)) {
      action('e', "Update the details and dates", () -> app.show(EventForms.edit(app, e)));
    }
    if (app.may(Action.ASSIGN_EVENT_SUPPORT, own)) {
      String label = app.me().team() == Team.SUPPORT ? "Hand over to another support member"
          : e.event().supportContactId() == null ? "Assign a support contact" : "Change the support contact";
      action('s', label, () -> EventForms.assignSupport(app, e));
    }
    action('c', "Open the client", () -> app.show(new ClientDetailScreen(app, e.clientId())));
    action('k', "Open the contract", () -> app.show(new ContractDetailScreen(app, e.event().contractId())));
  }
}
