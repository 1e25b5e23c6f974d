package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.CreateContractUseCase;
import com.epicevents.crm.application.port.in.UpdateContractUseCase;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.tui.form.ChoiceField;
import com.epicevents.crm.tui.form.TextField;
import com.epicevents.crm.tui.widget.Choice;
import com.epicevents.crm.tui.widget.Display;
import java.util.List;
import java.util.function.Supplier;

/** Creating a contract for a client (management) and updating its amounts or signing it. */
final class ContractForms {
  private static final List<Choice.Option<Boolean>> YES_NO =
      List.of(new Choice.Option<>(false, "no"), new Choice.Option<>(true, "yes"));

  private static final java.util.regex.Pattern GROUPED =
      java.util.regex.Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d*)?");

  private ContractForms() {}

  /** An amount as typed; "4,000.00", the way amounts are shown, is read as 4000.00. */
  static String amount(String typed) {
    if (typed == null) {
      return null;
    }
    String t = typed.strip();
    return GROUPED.matcher(t).matches() ? t.replace(",", "") : typed;
  }

  static Screen create(App app, ClientView client) {
    return new Create(app, client);
  }

  static Screen edit(App app, ContractView contract) {
    return new Edit(app, contract);
  }

  private static final class Create extends FormScreen<ContractView> {
    private final ClientView client;
    private final TextField total;
    private final TextField due;
    private final ChoiceField<Boolean> signed;

    Create(App app, ClientView client) {
      super(app, "Create a contract", "CreateContract");
      this.client = client;
      form.info("Client", Describe.named(client.client().fullName().value(), client.client().id().value()));
      form.info("Sales contact", Describe.named(client.salesContactName(), client.client().salesContactId().value()));
      total = form.text("totalAmount", "Total amount", true, null);
      due = form.text("amountDue", "Amount due", true, null);
      signed = form.choice("signed", "Signed", YES_NO, false);
      build("Amounts like 12000 or 12000.50. The client's salesperson is in charge of the contract.");
    }

    private CreateContractUseCase.Command command() {
      return CreateContractUseCase.Command.of(client.client().id().value(), amount(total.value()), amount(due.value()),
          signed.value());
    }

    @Override
    protected Supplier<ContractView> prepare() {
      command();
      return () -> app.useCases().createContract().create(app.token(), command());
    }

    @Override
    protected List<String> summary() {
      List<String> lines = new java.util.ArrayList<>();
      lines.add("Client: " + Describe.named(client.client().fullName().value(), client.client().id().value()));
      lines.addAll(form.summary());
      if (signed.value()) {
        lines.add("Once signed, a contract cannot be marked unsigned again.");
      }
      return lines;
    }

    @Override
    protected String question() {
      return "Create this contract?";
    }

    @Override
    protected void saved(ContractView result) {
      app.replace(this, new ContractDetailScreen(app, result.contract().id()));
      app.notice("Contract #" + result.contract().id().value() + " was created for "
          + result.clientName() + ".");
    }
  }

  private static final class Edit extends FormScreen<ContractView> {
    private ContractView contract;
    private final TextField total;
    private final TextField due;
    private final ChoiceField<Boolean> signed;

    Edit(App app, ContractView view) {
      super(app, "Update contract #" + view.contract().id().value(), "UpdateContract");
      this.contract = view;
      Contract c = view.contract();
      form.info("Client", Describe.named(view.clientName(), c.clientId().value()));
      total = form.text("totalAmount", "Total amount", true, c.totalAmount().toString());
      due = form.text("amountDue", "Amount due", true, c.amountDue().toString());
      if (c.signed()) {
        form.info("Signed", "already signed, on " + Display.dateTime(c.signedAt(), app.zone()));
        signed = null;
      } else {
        signed = form.choice("signed", "Signed", YES_NO, false);
      }
      keepChangesOnConflict();
      build("Change what you need; the other fields stay as they are.");
    }

    @Override
    protected boolean rebase(Object current) {
      if (!(current instanceof ContractView now)) {
        return false;
      }
      contract = now;
      total.rebase(now.contract().totalAmount().toString());
      due.rebase(now.contract().amountDue().toString());
      return true;
    }

    private UpdateContractUseCase.Command command() {
      return UpdateContractUseCase.Command.of(contract.contract().id().value(), contract.contract().version(),
          amount(FormScreen.changedText(total)), amount(FormScreen.changedText(due)),
          signed != null && signed.value() ? Boolean.TRUE : null);
    }

    @Override
    protected Supplier<ContractView> prepare() {
      // Rule 2 asked of the contract itself before the confirmation: due within total.
      UpdateContractUseCase.Command c = command();
      Contract current = contract.contract();
      current.changeAmounts(c.totalAmount() != null ? c.totalAmount() : current.totalAmount(),
          c.amountDue() != null ? c.amountDue() : current.amountDue(), app.clock().instant());
      return () -> app.useCases().updateContract().update(app.token(), command());
    }

    @Override
    protected List<String> summary() {
      List<String> lines = new java.util.ArrayList<>(form.changesSummary());
      if (signed != null && signed.value()) {
        lines.add("Once signed, a contract cannot be marked unsigned again.");
      }
      return lines;
    }

    @Override
    protected void saved(ContractView result) {
      app.back(this);
      app.notice("Contract #" + result.contract().id().value() + " was updated.");
    }
  }
}
