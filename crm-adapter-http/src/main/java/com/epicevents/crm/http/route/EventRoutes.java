package com.epicevents.crm.http.route;

import static com.epicevents.crm.http.route.Access.AUTHENTICATED;

import com.epicevents.crm.application.port.in.CreateEventUseCase;
import com.epicevents.crm.application.port.in.UpdateEventUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.in.ViewEventsUseCase;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Validation;
import com.epicevents.crm.domain.contract.ContractId;
import com.epicevents.crm.domain.event.EventId;
import com.epicevents.crm.http.json.JsonBody;
import com.epicevents.crm.http.json.Representations;
import com.epicevents.crm.http.json.Representations.Versioned;
import java.util.Set;

/** Events: planned by the client's salesperson, run and kept up to date by their support contact. */
final class EventRoutes {
  private static final Set<String> CREATE = Set.of("contractId", "name", "clientContact", "startAt", "endAt",
      "supportContactId", "location", "attendees", "notes");
  private static final Set<String> PATCH = Set.of("name", "clientContact", "startAt", "endAt", "supportContactId",
      "location", "attendees", "notes");

  private EventRoutes() {}

  static void register(Registrar r, UseCases core) {
    r.get("/events", "ViewEvents", AUTHENTICATED, ctx -> {
      QueryParams q = QueryParams.of(ctx, "contractId", "supportContactId", "unassigned", "mine", "from", "to");
      ViewEventsUseCase.Query query = new ViewEventsUseCase.Query(q.id("contractId", ContractId::new),
          q.id("supportContactId", CollaboratorId::new), q.bool("unassigned"), Boolean.TRUE.equals(q.bool("mine")),
          q.instant("from"), q.instant("to"));
      Responses.page(ctx, core.events().list(Requests.token(ctx), query, q.page()), Representations::event);
    });

    r.get("/events/{id}", "ViewEvents", AUTHENTICATED, ctx ->
        Responses.record(ctx, versioned(core.events().get(Requests.token(ctx), new EventId(Requests.pathId(ctx))))));

    r.post("/events", "CreateEvent", AUTHENTICATED, ctx -> {
      JsonBody body = Requests.body(ctx, CREATE).require("contractId");
      Long contractId = body.id("contractId");
      var command = body.command(() -> CreateEventUseCase.Command.of(contractId == null ? 0 : contractId,
          body.string("name"), body.string("clientContact"), body.instant("startAt"), body.instant("endAt"),
          body.id("supportContactId"), body.string("location"), body.integer("attendees"), body.string("notes")));
      EventView created = core.createEvent().create(Requests.token(ctx), command);
      Responses.created(ctx, Registrar.PREFIX + "/events/" + created.event().id().value(), versioned(created));
    });

    r.patch("/events/{id}", "UpdateEvent", AUTHENTICATED, ctx -> {
      long id = Requests.pathId(ctx);
      Long expected = Requests.ifMatch(ctx);
      JsonBody body = Requests.body(ctx, PATCH);
      var command = body.command(() -> UpdateEventUseCase.Command.of(id, expected,
          body.update("name", body::string), body.update("clientContact", body::string),
          body.update("startAt", body::instant), body.update("endAt", body::instant),
          body.update("supportContactId", body::id), body.update("location", body::string),
          body.update("attendees", body::integer), body.update("notes", body::string)));
      Responses.record(ctx, versioned(core.updateEvent().update(Requests.token(ctx), command)));
    });

    r.put("/events/{id}/support-contact", "AssignEventSupport", AUTHENTICATED, ctx -> {
      EventId id = new EventId(Requests.pathId(ctx));
      Long expected = Requests.ifMatch(ctx);
      JsonBody body = Requests.body(ctx, Set.of("supportContactId"));
      if (!body.has("supportContactId")) {
        body.require("supportContactId");
      }
      Long raw = body.id("supportContactId");
      // null unassigns the event
      CollaboratorId support = body.command(() -> {
        Validation v = new Validation();
        CollaboratorId parsed = raw == null ? null : v.field("supportContactId", () -> new CollaboratorId(raw));
        v.throwIfInvalid();
        return parsed;
      });
      Responses.record(ctx, versioned(core.assignEventSupport().assign(Requests.token(ctx), id, support, expected)));
    });
  }

  private static Versioned versioned(EventView view) {
    return new Versioned(Representations.event(view), view.event().version());
  }
}
