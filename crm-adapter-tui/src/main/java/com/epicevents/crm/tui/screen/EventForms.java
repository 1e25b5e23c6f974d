package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.CreateEventUseCase;
import com.epicevents.crm.application.port.in.FieldUpdate;
import com.epicevents.crm.application.port.in.UpdateEventUseCase;
import com.epicevents.crm.application.port.out.CollaboratorFilter;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventDetails;
import com.epicevents.crm.tui.form.ChoiceField;
import com.epicevents.crm.tui.form.DateField;
import com.epicevents.crm.tui.form.TextField;
import com.epicevents.crm.tui.widget.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Creating an event (sales), updating it (its support contact), assigning its support contact. */
final class EventForms {
  private EventForms() {}

  /**
   * Shows the creation form (in place of {@code replacing}, if given). It has no support contact:
   * choosing one is management's (it assigns support once the event exists).
   */
  static void create(App app, ContractView contract, Screen replacing) {
    Screen form = new Create(app, contract);
    if (replacing != null) {
      app.replace(replacing, form);
    } else {
      app.show(form);
    }
  }

  static Screen edit(App app, EventView event) {
    return new Edit(app, event);
  }

  /** Loads the active support members, then shows the assignment form. */
  static void assignSupport(App app, EventView event) {
    supportOptions(app, "(nobody)").ifPresent(options -> app.show(new AssignSupport(app, event, options)));
  }

  private static Optional<List<Choice.Option<Long>>> supportOptions(App app, String none) {
    return app.read("ViewCollaborators", () -> app.useCases().collaborators().list(app.token(),
            new CollaboratorFilter(Team.SUPPORT, true), new PageRequest(0, PageRequest.MAX_LIMIT)))
        .map(page -> {
          List<Choice.Option<Long>> options = new ArrayList<>();
          options.add(new Choice.Option<>(null, none));
          for (CollaboratorView s : page.items()) {
            options.add(new Choice.Option<>(s.id(), s.fullName() + " (#" + s.id() + ")"));
          }
          return options;
        });
  }

  /** A whole number of attendees, or the reason it is not one. */
  private static List<FieldError> attendeesError(TextField attendees) {
    String text = attendees.value();
    if (text != null && parseAttendees(text) == null) {
      return List.of(new FieldError("attendees", "must be a whole number"));
    }
    return List.of();
  }

  private static Integer parseAttendees(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static final class Create extends FormScreen<EventView> {
    private final ContractView contract;
    private final TextField name;
    private final TextField clientContact;
    private final DateField start;
    private final DateField end;
    private final TextField location;
    private final TextField attendees;
    private final TextField notes;

    Create(App app, ContractView contract) {
      super(app, "Create an event", "CreateEvent");
      this.contract = contract;
      form.info("Contract", "#" + contract.contract().id().value());
      form.info("Client", Describe.named(contract.clientName(), contract.contract().clientId().value()));
      name = form.text("name", "Event name", false, null);
      clientContact = form.text("clientContact", "Client contact", true, null);
      start = form.date("startAt", "Start", false, null, DateField.Bound.NOT_PAST);
      end = form.date("endAt", "End", false, null, DateField.Bound.ANY).endOf(start);
      location = form.text("location", "Location", true, null);
      attendees = form.text("attendees", "Attendees", true, null);
      notes = form.text("notes", "Notes", false, null);
      build("Client contact: who to call on the day. Leave the dates empty until they are known.");
    }

    private CreateEventUseCase.Command command() {
      return CreateEventUseCase.Command.of(contract.contract().id().value(), name.value(), clientContact.value(),
          start.instant(), end.instant(), null, location.value(), parseAttendees(attendees.value()),
          notes.value());
    }

    @Override
    protected List<FieldError> localErrors() {
      return attendeesError(attendees);
    }

    @Override
    protected Supplier<EventView> prepare() {
      command();
      return () -> app.useCases().createEvent().create(app.token(), command());
    }

    @Override
    protected String question() {
      return "Create this event?";
    }

    @Override
    protected void saved(EventView result) {
      app.replace(this, new EventDetailScreen(app, result.event().id()));
      app.notice("Event #" + result.event().id().value() + " was created for "
          + result.clientName() + ".");
    }
  }

  private static final class Edit extends FormScreen<EventView> {
    private EventView view;
    private final TextField name;
    private final TextField clientContact;
    private final DateField start;
    private final DateField end;
    private final TextField location;
    private final TextField attendees;
    private final TextField notes;

    Edit(App app, EventView view) {
      super(app, "Update event #" + view.event().id().value(), "UpdateEvent");
      this.view = view;
      Event e = view.event();
      EventDetails d = e.details();
      form.info("Client", Describe.named(view.clientName(), view.clientId().value()));
      name = form.text("name", "Event name", false, d.name());
      clientContact = form.text("clientContact", "Client contact", true, d.clientContact());
      start = form.date("startAt", "Start", false, e.schedule().startAt(), DateField.Bound.NOT_PAST);
      end = form.date("endAt", "End", false, e.schedule().endAt(), DateField.Bound.ANY).endOf(start);
      location = form.text("location", "Location", true, d.location());
      attendees = form.text("attendees", "Attendees", true, String.valueOf(d.attendees()));
      notes = form.text("notes", "Notes", false, d.notes());
      keepChangesOnConflict();
      build("Change what you need; the other fields stay as they are.");
    }

    @Override
    protected boolean rebase(Object current) {
      if (!(current instanceof EventView now)) {
        return false;
      }
      view = now;
      EventDetails d = now.event().details();
      name.rebase(d.name());
      clientContact.rebase(d.clientContact());
      start.rebase(now.event().schedule().startAt());
      end.rebase(now.event().schedule().endAt());
      location.rebase(d.location());
      attendees.rebase(String.valueOf(d.attendees()));
      notes.rebase(d.notes());
      return true;
    }

    @Override
    protected List<FieldError> localErrors() {
      return attendeesError(attendees);
    }

    private UpdateEventUseCase.Command command() {
      Integer count = parseAttendees(attendees.value());
      return UpdateEventUseCase.Command.of(view.event().id().value(), view.event().version(),
          ClientForms.update(name), ClientForms.update(clientContact),
          start.changed() ? FieldUpdate.set(start.instant()) : null,
          end.changed() ? FieldUpdate.set(end.instant()) : null,
          null,
          ClientForms.update(location),
          attendees.changed() ? FieldUpdate.set(count) : null,
          ClientForms.update(notes));
    }

    @Override
    protected Supplier<EventView> prepare() {
      command();
      // The update reports errors in the event's texts under one "details" name; checking the
      // values as a whole event first names the very field that is wrong.
      Event e = view.event();
      Integer count = parseAttendees(attendees.value());
      CreateEventUseCase.Command.of(e.contractId().value(), name.value(), clientContact.value(),
          start.instant(), end.instant(), null, location.value(), count == null ? e.details().attendees() : count,
          notes.value());
      return () -> app.useCases().updateEvent().update(app.token(), command());
    }

    @Override
    protected List<String> summary() {
      return form.changesSummary();
    }

    @Override
    protected void saved(EventView result) {
      app.back(this);
      app.notice("Event #" + result.event().id().value() + " was updated.");
    }
  }

  private static final class AssignSupport extends FormScreen<EventView> {
    private final EventView view;
    private final ChoiceField<Long> support;

    AssignSupport(App app, EventView view, List<Choice.Option<Long>> options) {
      super(app, "Support contact of event #" + view.event().id().value(), "AssignEventSupport");
      this.view = view;
      CollaboratorId current = view.event().supportContactId();
      form.info("Event", view.event().details().name() == null ? "#" + view.event().id().value()
          : view.event().details().name() + " (#" + view.event().id().value() + ")");
      form.info("Client", view.clientName());
      form.info("Start", com.epicevents.crm.tui.widget.Display.dateTime(view.event().schedule().startAt(), app.zone()));
      form.info("Now", current == null ? "not assigned yet" : Describe.named(view.supportContactName(), current.value()));
      support = form.choice("supportContactId", "Support contact", options, current == null ? null : current.value());
      build("←/→ to choose the support member in charge of this event.");
    }

    @Override
    protected Supplier<EventView> prepare() {
      return () -> app.useCases().assignEventSupport().assign(app.token(), view.event().id(),
          support.value() == null ? null : new CollaboratorId(support.value()), view.event().version());
    }

    @Override
    protected List<String> summary() {
      return form.changesSummary();
    }

    @Override
    protected void saved(EventView result) {
      app.back(this);
      String who = result.supportContactName() == null ? "nobody" : result.supportContactName();
      app.notice("Event #" + result.event().id().value() + " is now in the charge of " + who + ".");
    }
  }
}
