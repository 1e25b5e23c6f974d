package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.CreateClientUseCase;
import com.epicevents.crm.application.port.in.FieldUpdate;
import com.epicevents.crm.application.port.in.UpdateClientUseCase;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.CollaboratorFilter;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.tui.form.ChoiceField;
import com.epicevents.crm.tui.form.DateField;
import com.epicevents.crm.tui.form.TextField;
import com.epicevents.crm.tui.widget.Choice;
import java.util.List;
import java.util.function.Supplier;

/** Creating a client (sales), updating one's own client, reassigning a client. */
final class ClientForms {
  private ClientForms() {}

  static Screen create(App app) {
    return new Create(app);
  }

  static Screen edit(App app, ClientView client) {
    return new Edit(app, client);
  }

  /** Loads the active salespeople, then shows the reassignment form. */
  static void reassign(App app, ClientView client) {
    app.read("ViewCollaborators", () -> app.useCases().collaborators().list(app.token(),
            new CollaboratorFilter(Team.SALES, true), new PageRequest(0, PageRequest.MAX_LIMIT)))
        .ifPresent(page -> {
          if (page.items().isEmpty()) {
            app.dialogs().message("Not possible", "There is no active salesperson to hand the client to.", null);
          } else {
            app.show(new Reassign(app, client, page.items()));
          }
        });
  }

  private static final class Create extends FormScreen<ClientView> {
    private final TextField fullName = form.text("fullName", "Full name", true, null);
    private final TextField email = form.text("email", "E-mail", false, null);
    private final TextField phone = form.text("phone", "Phone", true, null);
    private final TextField company = form.text("companyName", "Company", true, null);
    private final DateField lastContact;

    Create(App app) {
      super(app, "Create a client", "CreateClient");
      lastContact = form.date("lastContactAt", "Last contact", false, null, DateField.Bound.NOT_FUTURE).whenBlank("now");
      build("You will be the client's sales contact. Leave Last contact empty for now.");
    }

    private CreateClientUseCase.Command command() {
      return CreateClientUseCase.Command.of(fullName.value(), email.value(), phone.value(), company.value(),
          lastContact.instant());
    }

    @Override
    protected Supplier<ClientView> prepare() {
      command();
      return () -> app.useCases().createClient().create(app.token(), command());
    }

    @Override
    protected String question() {
      return "Create this client?";
    }

    @Override
    protected void saved(ClientView result) {
      Client c = result.client();
      app.replace(this, new ClientDetailScreen(app, c.id()));
      app.notice("Client #" + c.id().value() + " (" + c.fullName().value() + ") was created.");
    }
  }

  private static final class Edit extends FormScreen<ClientView> {
    private ClientView client;
    private final TextField fullName;
    private final TextField email;
    private final TextField phone;
    private final TextField company;
    private final DateField lastContact;

    Edit(App app, ClientView view) {
      super(app, "Update client #" + view.client().id().value(), "UpdateClient");
      this.client = view;
      Client c = view.client();
      fullName = form.text("fullName", "Full name", true, c.fullName().value());
      email = form.text("email", "E-mail", false, c.email() == null ? null : c.email().value());
      phone = form.text("phone", "Phone", true, c.phone().value());
      company = form.text("companyName", "Company", true, c.companyName().value());
      lastContact = form.date("lastContactAt", "Last contact", true, c.lastContactAt(), DateField.Bound.NOT_FUTURE);
      keepChangesOnConflict();
      build("Change what you need; the other fields stay as they are.");
    }

    @Override
    protected boolean rebase(Object current) {
      if (!(current instanceof ClientView now)) {
        return false;
      }
      client = now;
      Client c = now.client();
      fullName.rebase(c.fullName().value());
      email.rebase(c.email() == null ? null : c.email().value());
      phone.rebase(c.phone().value());
      company.rebase(c.companyName().value());
      lastContact.rebase(c.lastContactAt());
      return true;
    }

    private UpdateClientUseCase.Command command() {
      return UpdateClientUseCase.Command.of(client.client().id().value(), client.client().version(),
          update(fullName), update(email), update(phone), update(company),
          lastContact.changed() ? FieldUpdate.set(lastContact.instant()) : null);
    }

    @Override
    protected Supplier<ClientView> prepare() {
      command();
      return () -> app.useCases().updateClient().update(app.token(), command());
    }

    @Override
    protected List<String> summary() {
      return form.changesSummary();
    }

    @Override
    protected void saved(ClientView result) {
      app.back(this);
      app.notice("Client #" + result.client().id().value() + " was updated.");
    }
  }

  private static final class Reassign extends FormScreen<ClientView> {
    private final ClientView client;
    private final ChoiceField<Long> salesperson;

    Reassign(App app, ClientView view, List<CollaboratorView> salespeople) {
      super(app, "Reassign client #" + view.client().id().value(), "ReassignClient");
      this.client = view;
      form.info("Client", view.client().fullName().value() + " (" + view.client().companyName().value() + ")");
      form.info("Now in charge", Describe.named(view.salesContactName(), view.client().salesContactId().value()));
      salesperson = form.choice("salesContactId", "New salesperson",
          salespeople.stream().map(s -> new Choice.Option<>(s.id(), s.fullName() + " (#" + s.id() + ")")).toList(),
          view.client().salesContactId().value());
      build("The client's contracts move with the client. ←/→ to choose.");
    }

    @Override
    protected Supplier<ClientView> prepare() {
      return () -> app.useCases().reassignClient().reassign(app.token(), client.client().id(),
          new CollaboratorId(salesperson.value()), client.client().version());
    }

    @Override
    protected List<String> summary() {
      return form.changesSummary();
    }

    @Override
    protected String question() {
      return "Hand this client over?";
    }

    @Override
    protected void saved(ClientView result) {
      app.back(this);
      app.notice("Client #" + result.client().id().value() + " is now in the charge of "
          + result.salesContactName() + ".");
    }
  }

  /** The update of a text field: null when unchanged, else its new value (null when emptied). */
  static FieldUpdate<String> update(TextField field) {
    return field.changed() ? FieldUpdate.set(field.value()) : null;
  }
}
