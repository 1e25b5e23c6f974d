package com.epicevents.crm.http.route;

import static com.epicevents.crm.http.route.Access.AUTHENTICATED;

import com.epicevents.crm.application.port.in.ManageWebhooksUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.http.json.IntegrationRepresentations;
import com.epicevents.crm.http.json.JsonBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Webhook subscriptions and their delivery log: management only (an API key needs the scope webhooks:manage). */
final class WebhookRoutes {
  private static final Set<String> CREATE = Set.of("url", "eventTypes", "description");
  private static final Set<String> PATCH = Set.of("url", "eventTypes", "description", "active");

  private WebhookRoutes() {}

  static void register(Registrar r, UseCases core) {
    ManageWebhooksUseCase webhooks = core.webhooks();

    r.postReturningSecret("/webhooks", "ManageWebhooks", AUTHENTICATED, ctx -> {
      JsonBody body = Requests.body(ctx, CREATE).require("url", "eventTypes");
      List<String> types = strings(body, "eventTypes");
      var command = body.command(() -> new ManageWebhooksUseCase.CreateCommand(body.string("url"), types,
          body.string("description")));
      var created = webhooks.create(Requests.token(ctx), command);
      ctx.header("Location", Registrar.PREFIX + "/webhooks/" + created.subscription().id());
      Responses.json(ctx, 201, IntegrationRepresentations.created(created.subscription(), created.secret()));
    });

    r.get("/webhooks", "ManageWebhooks", AUTHENTICATED, ctx -> {
      QueryParams q = QueryParams.of(ctx);
      Responses.page(ctx, webhooks.list(Requests.token(ctx), q.page()), IntegrationRepresentations::subscription);
    });

    r.get("/webhooks/{id}", "ManageWebhooks", AUTHENTICATED, ctx -> Responses.json(ctx, 200,
        IntegrationRepresentations.subscription(webhooks.get(Requests.token(ctx), Requests.pathId(ctx)))));

    r.patch("/webhooks/{id}", "ManageWebhooks", AUTHENTICATED, ctx -> {
      long id = Requests.pathId(ctx);
      JsonBody body = Requests.body(ctx, PATCH);
      List<String> types = body.has("eventTypes") ? strings(body, "eventTypes") : null;
      String url = body.nonNullUpdate("url", body::string);
      Boolean active = body.nonNullUpdate("active", body::bool);
      var command = body.command(() -> new ManageWebhooksUseCase.UpdateCommand(id, url, types,
          body.string("description"), active));
      Responses.json(ctx, 200, IntegrationRepresentations.subscription(webhooks.update(Requests.token(ctx), command)));
    });

    r.postReturningSecret("/webhooks/{id}/rotate-secret", "ManageWebhooks", AUTHENTICATED, ctx -> {
      long id = Requests.pathId(ctx);
      Requests.noBody(ctx);
      Responses.json(ctx, 200, new IntegrationRepresentations.SecretJson(webhooks.rotateSecret(Requests.token(ctx), id)));
    });

    r.post("/webhooks/{id}/test", "ManageWebhooks", AUTHENTICATED, ctx -> {
      long id = Requests.pathId(ctx);
      Requests.noBody(ctx);
      Responses.json(ctx, 202, new IntegrationRepresentations.QueuedJson(webhooks.test(Requests.token(ctx), id)));
    });

    r.get("/webhooks/{id}/deliveries", "ManageWebhooks", AUTHENTICATED, ctx -> {
      long id = Requests.pathId(ctx);
      QueryParams q = QueryParams.of(ctx, "status");
      String status = q.text("status");
      Responses.page(ctx, webhooks.deliveries(Requests.token(ctx), id, status, q.page()),
          IntegrationRepresentations::delivery);
    });

    r.post("/webhooks/{id}/deliveries/{deliveryId}/redeliver", "ManageWebhooks", AUTHENTICATED, ctx -> {
      long id = Requests.pathId(ctx);
      long deliveryId = Requests.pathId(ctx, "deliveryId");
      Requests.noBody(ctx);
      Responses.json(ctx, 202,
          IntegrationRepresentations.delivery(webhooks.redeliver(Requests.token(ctx), id, deliveryId)));
    });
  }

  /** A JSON array of strings (the field is required by the caller when it must be present). */
  private static List<String> strings(JsonBody body, String field) {
    return body.stringList(field);
  }
}
