package com.epicevents.crm.http.route;

import static com.epicevents.crm.http.route.Access.AUTHENTICATED;

import com.epicevents.crm.application.port.in.CreateContractUseCase;
import com.epicevents.crm.application.port.in.UpdateContractUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ContractFilter;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.contract.ContractId;
import com.epicevents.crm.http.json.JsonBody;
import com.epicevents.crm.http.json.Representations;
import com.epicevents.crm.http.json.Representations.Versioned;
import java.util.Set;

/** Contracts: created by management, amounts and signature kept by management or the client's salesperson. */
final class ContractRoutes {
  private static final Set<String> CREATE = Set.of("clientId", "totalAmount", "amountDue", "signed");
  private static final Set<String> PATCH = Set.of("totalAmount", "amountDue", "signed");

  private ContractRoutes() {}

  static void register(Registrar r, UseCases core) {
    r.get("/contracts", "ViewContracts", AUTHENTICATED, ctx -> {
      QueryParams q = QueryParams.of(ctx, "clientId", "signed", "fullyPaid", "salesContactId");
      ContractFilter filter = new ContractFilter(q.id("clientId", ClientId::new), q.bool("signed"),
          q.bool("fullyPaid"), q.id("salesContactId", CollaboratorId::new));
      Responses.page(ctx, core.contracts().list(Requests.token(ctx), filter, q.page()), Representations::contract);
    });

    r.get("/contracts/{id}", "ViewContracts", AUTHENTICATED, ctx ->
        Responses.record(ctx, versioned(core.contracts().get(Requests.token(ctx), new ContractId(Requests.pathId(ctx))))));

    r.post("/contracts", "CreateContract", AUTHENTICATED, ctx -> {
      JsonBody body = Requests.body(ctx, CREATE).require("clientId");
      Long clientId = body.id("clientId");
      var command = body.command(() -> CreateContractUseCase.Command.of(clientId == null ? 0 : clientId,
          body.money("totalAmount"), body.money("amountDue"), body.bool("signed")));
      ContractView created = core.createContract().create(Requests.token(ctx), command);
      Responses.created(ctx, Registrar.PREFIX + "/contracts/" + created.contract().id().value(), versioned(created));
    });

    r.patch("/contracts/{id}", "UpdateContract", AUTHENTICATED, ctx -> {
      long id = Requests.pathId(ctx);
      Long expected = Requests.ifMatch(ctx);
      JsonBody body = Requests.body(ctx, PATCH);
      // The core reads null as "leave it"; none of these fields can be cleared.
      var command = body.command(() -> UpdateContractUseCase.Command.of(id, expected,
          body.nonNullUpdate("totalAmount", body::money), body.nonNullUpdate("amountDue", body::money),
          body.nonNullUpdate("signed", body::bool)));
      Responses.record(ctx, versioned(core.updateContract().update(Requests.token(ctx), command)));
    });
  }

  private static Versioned versioned(ContractView view) {
    return new Versioned(Representations.contract(view), view.contract().version());
  }
}
