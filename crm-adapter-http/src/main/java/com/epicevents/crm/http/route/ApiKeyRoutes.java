package com.epicevents.crm.http.route;

import static com.epicevents.crm.http.route.Access.AUTHENTICATED;

import com.epicevents.crm.application.port.in.ManageApiKeysUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ApiKeyFilter;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.http.json.IntegrationRepresentations;
import com.epicevents.crm.http.json.JsonBody;
import java.util.Set;

/**
 * API keys (integrations.md §1): a person manages their own under {@code /me/api-keys};
 * management lists and revokes everyone's under {@code /api-keys}. Who may is the core's decision
 * (a key is refused here whatever its scopes).
 */
final class ApiKeyRoutes {
  private static final Set<String> CREATE = Set.of("name", "scopes", "expiresAt");

  private ApiKeyRoutes() {}

  static void register(Registrar r, UseCases core) {
    ManageApiKeysUseCase keys = core.apiKeys();

    r.postReturningSecret("/me/api-keys", "CreateApiKey", AUTHENTICATED, ctx -> {
      JsonBody body = Requests.body(ctx, CREATE).require("name", "scopes", "expiresAt");
      var command = body.command(() -> ManageApiKeysUseCase.CreateCommand.of(body.string("name"),
          body.stringList("scopes"), body.instant("expiresAt")));
      var created = keys.create(Requests.token(ctx), command);
      ctx.header("Location", Registrar.PREFIX + "/me/api-keys/" + created.key().id());
      Responses.json(ctx, 201, IntegrationRepresentations.createdKey(created.key(), created.secret()));
    });

    r.get("/me/api-keys", "ManageApiKeys", AUTHENTICATED, ctx -> {
      QueryParams q = QueryParams.of(ctx, "active");
      Boolean active = q.bool("active");
      Responses.page(ctx, keys.listMine(Requests.token(ctx), active, q.page()), IntegrationRepresentations::apiKey);
    });

    r.delete("/me/api-keys/{id}", "ManageApiKeys", AUTHENTICATED, ctx -> {
      long id = Requests.pathId(ctx);
      keys.revokeMine(Requests.token(ctx), id);
      Responses.noContent(ctx);
    });

    r.get("/api-keys", "ManageAllApiKeys", AUTHENTICATED, ctx -> {
      QueryParams q = QueryParams.of(ctx, "ownerId", "active");
      CollaboratorId owner = q.id("ownerId", CollaboratorId::new);
      Boolean active = q.bool("active");
      Responses.page(ctx, keys.listAll(Requests.token(ctx), new ApiKeyFilter(owner, active), q.page()),
          IntegrationRepresentations::apiKey);
    });

    r.delete("/api-keys/{id}", "ManageAllApiKeys", AUTHENTICATED, ctx -> {
      long id = Requests.pathId(ctx);
      keys.revoke(Requests.token(ctx), id);
      Responses.noContent(ctx);
    });
  }
}
