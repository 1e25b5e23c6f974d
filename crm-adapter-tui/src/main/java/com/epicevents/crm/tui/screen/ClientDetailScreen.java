package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.client.ClientId;
import java.util.List;

final class ClientDetailScreen extends DetailScreen<ClientView> {
  private final ClientId id;

  ClientDetailScreen(App app, ClientId id) {
    super(app, "Client #" + id.value());
    this.id = id;
  }

  @Override
  protected String useCaseName() {
    return "ViewClients";
  }

  @Override
  protected ClientView fetch() {
    return app.useCases().clients().get(app.token(), id);
  }

  @Override
  protected List<Describe.Line> describe(ClientView record) {
    return Describe.client(record, app.zone());
  }

  @Override
  protected void addActions(ClientView c) {
    Ownership own = Ownership.ofClientInChargeOf(c.client().salesContactId());
    if (app.may(Action.UPDATE_CLIENT, own)) {
      action('e', "Update the client's details", () -> app.show(ClientForms.edit(app, c)));
    }
    if (app.may(Action.REASSIGN_CLIENT, own)) {
      action('r', "Reassign to another salesperson", () -> ClientForms.reassign(app, c));
    }
    if (app.may(Action.CREATE_CONTRACT)) {
      action('n', "New contract for this client", () -> app.show(ContractForms.create(app, c)));
    }
    action('o', "Contracts of this client",
        () -> app.show(ContractListScreen.ofClient(app, c.client().id(), c.client().fullName().value())));
  }
}
