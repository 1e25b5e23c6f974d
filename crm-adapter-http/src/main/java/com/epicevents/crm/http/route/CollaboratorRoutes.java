package com.epicevents.crm.http.route;

import static com.epicevents.crm.http.route.Access.AUTHENTICATED;

import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.CreateCollaboratorUseCase;
import com.epicevents.crm.application.port.in.UpdateCollaboratorUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.CollaboratorFilter;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.http.json.JsonBody;
import com.epicevents.crm.http.json.Representations;
import com.epicevents.crm.http.json.Representations.Versioned;
import io.javalin.http.Context;
import java.util.Set;

/** The collaborator directory and management's account administration. */
final class CollaboratorRoutes {
  private static final Set<String> CREATE = Set.of("username", "password", "fullName", "email", "phone", "team");
  private static final Set<String> PATCH = Set.of("username", "fullName", "email", "phone", "team");

  private CollaboratorRoutes() {}

  static void register(Registrar r, UseCases core) {
    r.get("/collaborators", "ViewCollaborators", AUTHENTICATED, ctx -> {
      QueryParams q = QueryParams.of(ctx, "team", "active");
      CollaboratorFilter filter = new CollaboratorFilter(q.parsed("team", Team::parse), q.bool("active"));
      Responses.page(ctx, core.collaborators().list(Requests.token(ctx), filter, q.page()),
          Representations::collaborator);
    });

    r.get("/collaborators/{id}", "ViewCollaborators", AUTHENTICATED, ctx ->
        Responses.record(ctx, versioned(core.collaborators().get(Requests.token(ctx), id(ctx)))));

    r.post("/collaborators", "CreateCollaborator", AUTHENTICATED, ctx -> {
      JsonBody body = Requests.body(ctx, CREATE);
      String password = body.string("password");
      var command = body.command(() -> CreateCollaboratorUseCase.Command.of(body.string("username"),
          body.string("fullName"), body.string("email"), body.string("phone"), body.string("team"),
          password == null ? null : password.toCharArray()));
      CollaboratorView created = core.createCollaborator().create(Requests.token(ctx), command);
      Responses.created(ctx, Registrar.PREFIX + "/collaborators/" + created.id(), versioned(created));
    });

    r.patch("/collaborators/{id}", "UpdateCollaborator", AUTHENTICATED, ctx -> {
      long id = Requests.pathId(ctx);
      Long expected = Requests.ifMatch(ctx);
      JsonBody body = Requests.body(ctx, PATCH);
      var command = body.command(() -> UpdateCollaboratorUseCase.Command.of(id, expected,
          body.update("username", body::string), body.update("fullName", body::string),
          body.update("email", body::string), body.update("phone", body::string),
          body.update("team", body::string)));
      Responses.record(ctx, versioned(core.updateCollaborator().update(Requests.token(ctx), command)));
    });

    r.put("/collaborators/{id}/password", "ResetPassword", AUTHENTICATED, ctx -> {
      CollaboratorId id = id(ctx);
      JsonBody body = Requests.body(ctx, Set.of("newPassword")).require("newPassword");
      String password = body.string("newPassword");
      body.throwIfInvalid();
      core.resetPassword().resetPassword(Requests.token(ctx), id, password.toCharArray());
      Responses.noContent(ctx);
    });

    r.post("/collaborators/{id}/deactivate", "DeactivateCollaborator", AUTHENTICATED, ctx -> {
      CollaboratorId id = id(ctx);
      Requests.noBody(ctx);
      Responses.record(ctx, versioned(core.deactivateCollaborator().deactivate(Requests.token(ctx), id, Requests.ifMatch(ctx))));
    });

    r.post("/collaborators/{id}/reactivate", "ReactivateCollaborator", AUTHENTICATED, ctx -> {
      CollaboratorId id = id(ctx);
      Requests.noBody(ctx);
      Responses.record(ctx, versioned(core.reactivateCollaborator().reactivate(Requests.token(ctx), id, Requests.ifMatch(ctx))));
    });
  }


  private static CollaboratorId id(Context ctx) {
    return new CollaboratorId(Requests.pathId(ctx));
  }

  private static Versioned versioned(CollaboratorView view) {
    return new Versioned(Representations.collaborator(view), view.version());
  }
}
