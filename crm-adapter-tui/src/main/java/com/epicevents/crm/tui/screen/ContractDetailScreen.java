package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.UpdateContractUseCase;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.contract.ContractId;
import java.util.List;

final class ContractDetailScreen extends DetailScreen<ContractView> {
  private final ContractId id;
  private String salesName;

  ContractDetailScreen(App app, ContractId id) {
    super(app, "Contract #" + id.value());
    this.id = id;
  }

  @Override
  protected String useCaseName() {
    return "ViewContracts";
  }

  @Override
  protected ContractView fetch() {
    ContractView view = app.useCases().contracts().get(app.token(), id);
    // The salesperson's name, as the client's detail shows it: "Sam Seller (#2)", not "#2".
    salesName = app.useCases().clients().get(app.token(), view.contract().clientId()).salesContactName();
    return view;
  }

  @Override
  protected List<Describe.Line> describe(ContractView record) {
    return Describe.contract(record, app.zone(), salesName);
  }

  @Override
  protected void addActions(ContractView c) {
    Ownership own = Ownership.ofClientInChargeOf(c.salesContactId());
    boolean signed = c.contract().signed();
    if (app.may(Action.UPDATE_CONTRACT, own)) {
      action('e', signed ? "Update the amounts" : "Update the amounts or sign", () -> app.show(ContractForms.edit(app, c)));
      if (!signed) {
        action('s', "Sign the contract", () -> sign(c));
      }
    }
    if (signed && app.may(Action.CREATE_EVENT, own)) {
      action('n', "New event for this contract", () -> EventForms.create(app, c, null));
    }
    action('c', "Open the client", () -> app.show(new ClientDetailScreen(app, c.contract().clientId())));
    action('v', "Events of this contract", () -> app.show(EventListScreen.ofContract(app, c.contract().id())));
  }

  /** As the reference CLI warned: signing is final. */
  private void sign(ContractView c) {
    app.dialogs().confirm("Sign contract #" + id.value(),
        List.of("Client: " + c.clientName(), "Once signed, a contract cannot be marked unsigned again."),
        "Mark this contract as signed?",
        () -> app.change("UpdateContract", null,
            () -> app.useCases().updateContract().update(app.token(),
                UpdateContractUseCase.Command.of(id.value(), c.contract().version(), null, null, true)),
            saved -> {
              load();
              app.notice("Contract #" + id.value() + " is signed.");
            },
            this::load),
        null);
  }
}
