package com.epicevents.crm.http.route;

import static com.epicevents.crm.http.route.Access.AUTHENTICATED;

import com.epicevents.crm.application.port.in.CreateClientUseCase;
import com.epicevents.crm.application.port.in.UpdateClientUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Validation;
import com.epicevents.crm.http.json.JsonBody;
import com.epicevents.crm.http.json.Representations;
import com.epicevents.crm.http.json.Representations.Versioned;
import java.util.Set;

/** Clients: read by all, created and kept up to date by their salesperson. */
final class ClientRoutes {
  private static final Set<String> CREATE = Set.of("fullName", "email", "phone", "companyName", "lastContactAt");
  private static final Set<String> PATCH = CREATE;

  private ClientRoutes() {}

  static void register(Registrar r, UseCases core) {
    r.get("/clients", "ViewClients", AUTHENTICATED, ctx -> {
      QueryParams q = QueryParams.of(ctx, "salesContactId", "q");
      ClientFilter filter = new ClientFilter(q.id("salesContactId", CollaboratorId::new), q.text("q"));
      Responses.page(ctx, core.clients().list(Requests.token(ctx), filter, q.page()), Representations::client);
    });

    r.get("/clients/{id}", "ViewClients", AUTHENTICATED, ctx ->
        Responses.record(ctx, versioned(core.clients().get(Requests.token(ctx), new ClientId(Requests.pathId(ctx))))));

    r.post("/clients", "CreateClient", AUTHENTICATED, ctx -> {
      JsonBody body = Requests.body(ctx, CREATE);
      var command = body.command(() -> CreateClientUseCase.Command.of(body.string("fullName"),
          body.string("email"), body.string("phone"), body.string("companyName"), body.instant("lastContactAt")));
      ClientView created = core.createClient().create(Requests.token(ctx), command);
      Responses.created(ctx, Registrar.PREFIX + "/clients/" + created.client().id().value(), versioned(created));
    });

    r.patch("/clients/{id}", "UpdateClient", AUTHENTICATED, ctx -> {
      long id = Requests.pathId(ctx);
      Long expected = Requests.ifMatch(ctx);
      JsonBody body = Requests.body(ctx, PATCH);
      var command = body.command(() -> UpdateClientUseCase.Command.of(id, expected,
          body.update("fullName", body::string), body.update("email", body::string),
          body.update("phone", body::string), body.update("companyName", body::string),
          body.update("lastContactAt", body::instant)));
      Responses.record(ctx, versioned(core.updateClient().update(Requests.token(ctx), command)));
    });

    r.put("/clients/{id}/sales-contact", "ReassignClient", AUTHENTICATED, ctx -> {
      ClientId id = new ClientId(Requests.pathId(ctx));
      Long expected = Requests.ifMatch(ctx);
      JsonBody body = Requests.body(ctx, Set.of("salesContactId")).require("salesContactId");
      Long raw = body.id("salesContactId");
      CollaboratorId salesContact = body.command(() -> {
        Validation v = new Validation();
        CollaboratorId parsed = raw == null ? null : v.field("salesContactId", () -> new CollaboratorId(raw));
        v.throwIfInvalid();
        return parsed;
      });
      Responses.record(ctx, versioned(core.reassignClient().reassign(Requests.token(ctx), id, salesContact, expected)));
    });
  }

  private static Versioned versioned(ClientView view) {
    return new Versioned(Representations.client(view), view.client().version());
  }
}
