package com.epicevents.crm.http.route;

import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.http.HealthCheck;
import io.javalin.config.RoutesConfig;

/** Every endpoint of the contract, and the check every matched request passes first. */
public final class ApiRoutes {
  private ApiRoutes() {}

  public static void register(RoutesConfig routes, UseCases core, HealthCheck health) {
    routes.beforeMatched(Requests::admit);
    Registrar r = new Registrar(routes, core.runIdempotently());
    ServiceRoutes.register(r, health);
    AuthRoutes.register(r, core);
    CollaboratorRoutes.register(r, core);
    ClientRoutes.register(r, core);
    ContractRoutes.register(r, core);
    EventRoutes.register(r, core);
    AuditRoutes.register(r, core);
    ChangeRoutes.register(r, core);
    WebhookRoutes.register(r, core);
    ApiKeyRoutes.register(r, core);
  }
}
