package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.tui.widget.Display;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of each record with the labels staff read, for detail views and for the current
 * values shown after a conflict. Values are raw: the widget showing them escapes them.
 */
final class Describe {
  record Line(String label, String value) {
    /** The raw value, or {@link Display#NONE} when there is none. */
    String valueOrNone() {
      return value == null || value.isBlank() ? Display.NONE : value;
    }
  }

  private Describe() {}

  static List<Line> client(ClientView view, ZoneId zone) {
    Client c = view.client();
    return List.of(
        new Line("Client", "#" + c.id().value()),
        new Line("Full name", c.fullName().value()),
        new Line("E-mail", c.email() == null ? null : c.email().value()),
        new Line("Phone", c.phone().value()),
        new Line("Company", c.companyName().value()),
        new Line("Sales contact", named(view.salesContactName(), c.salesContactId().value())),
        new Line("First contact", Display.dateTime(c.createdAt(), zone)),
        new Line("Last contact", Display.dateTime(c.lastContactAt(), zone)),
        new Line("Last updated", Display.dateTime(c.updatedAt(), zone)));
  }

  static List<Line> contract(ContractView view, ZoneId zone) {
    return contract(view, zone, null);
  }

  static List<Line> contract(ContractView view, ZoneId zone, String salesName) {
    Contract c = view.contract();
    return List.of(
        new Line("Contract", "#" + c.id().value()),
        new Line("Client", named(view.clientName(), c.clientId().value())),
        new Line("Sales contact", view.salesContactId() == null ? null : named(salesName, view.salesContactId().value())),
        new Line("Total amount", Display.money(c.totalAmount().amount())),
        new Line("Amount due", Display.money(c.amountDue().amount())),
        new Line("Signed", c.signed() ? "yes, on " + Display.dateTime(c.signedAt(), zone) : "no"),
        new Line("Fully paid", c.fullyPaid() ? "yes" : "no"),
        new Line("Created", Display.dateTime(c.createdAt(), zone)),
        new Line("Last updated", Display.dateTime(c.updatedAt(), zone)));
  }

  static List<Line> event(EventView view, ZoneId zone) {
    Event e = view.event();
    return List.of(
        new Line("Event", "#" + e.id().value()),
        new Line("Name", e.details().name()),
        new Line("Contract", "#" + e.contractId().value()),
        new Line("Client", named(view.clientName(), view.clientId() == null ? 0 : view.clientId().value())),
        new Line("Client contact", e.details().clientContact()),
        new Line("Start", Display.dateTime(e.schedule().startAt(), zone)),
        new Line("End", Display.dateTime(e.schedule().endAt(), zone)),
        new Line("Location", e.details().location()),
        new Line("Attendees", String.valueOf(e.details().attendees())),
        new Line("Support contact", e.supportContactId() == null ? "not assigned yet"
            : named(view.supportContactName(), e.supportContactId().value())),
        new Line("Notes", e.details().notes()),
        new Line("Last updated", Display.dateTime(e.updatedAt(), zone)));
  }

  static List<Line> collaborator(CollaboratorView c, ZoneId zone) {
    return List.of(
        new Line("Collaborator", "#" + c.id()),
        new Line("Username", c.username()),
        new Line("Full name", c.fullName()),
        new Line("E-mail", c.email()),
        new Line("Phone", c.phone()),
        new Line("Team", c.team().name()),
        new Line("Active", c.active() ? "yes" : "no (deactivated)"),
        new Line("Created", Display.dateTime(c.createdAt(), zone)),
        new Line("Last updated", Display.dateTime(c.updatedAt(), zone)));
  }

  /** Whatever record a conflict carries (a view, or the bare domain record). */
  static List<Line> anyRecord(Object record, ZoneId zone) {
    if (record instanceof ClientView v) {
      return client(v, zone);
    } else if (record instanceof ContractView v) {
      return contract(v, zone);
    } else if (record instanceof EventView v) {
      return event(v, zone);
    } else if (record instanceof CollaboratorView v) {
      return collaborator(v, zone);
    } else if (record instanceof Collaborator c) {
      return collaborator(CollaboratorView.full(c), zone);
    } else if (record instanceof Client c) {
      return client(new ClientView(c, null), zone);
    } else if (record instanceof Contract c) {
      return contract(new ContractView(c, null, null), zone);
    } else if (record instanceof Event e) {
      return event(new EventView(e, null, null, null, null), zone);
    }
    List<Line> none = new ArrayList<>();
    none.add(new Line("Current values", "not available: open the record again to see them"));
    return none;
  }

  static String named(String name, long id) {
    return name == null ? "#" + id : name + " (#" + id + ")";
  }
}
