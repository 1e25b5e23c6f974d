package com.epicevents.crm.http.route;

import static com.epicevents.crm.http.route.Access.AUTHENTICATED;
import static com.epicevents.crm.http.route.Access.PUBLIC;

import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.http.json.JsonBody;
import com.epicevents.crm.http.json.Representations;
import java.util.Set;

/** Log-in, log-out, "who am I" and changing one's own password. */
final class AuthRoutes {
  private AuthRoutes() {}

  static void register(Registrar r, UseCases core) {
    r.postReturningSecret("/auth/login", "LogIn", PUBLIC, ctx -> {
      JsonBody body = Requests.body(ctx, Set.of("username", "password")).require("username", "password");
      String username = body.string("username");
      String password = body.string("password");
      body.throwIfInvalid();
      LogInUseCase.Result result = core.logIn().logIn(
          new LogInUseCase.Command(username, password.toCharArray(), SessionKind.API));
      Responses.json(ctx, 200, new Representations.LoginJson(result.token().value(),
          Representations.instant(result.expiresAt()), Representations.collaborator(result.collaborator())));
    });

    r.post("/auth/logout", "LogOut", AUTHENTICATED, ctx -> {
      Requests.noBody(ctx);
      core.logOut().logOut(Requests.token(ctx));
      Responses.noContent(ctx);
    });

    r.get("/me", "CurrentSession", AUTHENTICATED, ctx -> {
      CollaboratorView me = core.currentSession().current(Requests.token(ctx)).me();
      Responses.record(ctx, new Representations.Versioned(Representations.collaborator(me), me.version()));
    });

    r.put("/me/password", "ChangeOwnPassword", AUTHENTICATED, ctx -> {
      JsonBody body = Requests.body(ctx, Set.of("currentPassword", "newPassword"))
          .require("currentPassword", "newPassword");
      String current = body.string("currentPassword");
      String next = body.string("newPassword");
      body.throwIfInvalid();
      core.changeOwnPassword().changeOwnPassword(Requests.token(ctx), current.toCharArray(), next.toCharArray());
      Responses.noContent(ctx);
    });
  }
}
