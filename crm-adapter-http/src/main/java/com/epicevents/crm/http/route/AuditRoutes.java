package com.epicevents.crm.http.route;

import static com.epicevents.crm.http.route.Access.AUTHENTICATED;

import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.http.json.Representations;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The audit trail, for management. */
final class AuditRoutes {
  private static final String ENTITY_TYPES =
      Arrays.stream(EntityType.values()).map(Enum::name).collect(Collectors.joining(", "));

  private AuditRoutes() {}

  static void register(Registrar r, UseCases core) {
    r.get("/audit", "ViewAuditTrail", AUTHENTICATED, ctx -> {
      QueryParams q = QueryParams.of(ctx, "entityType", "entityId", "actorId");
      AuditFilter filter = new AuditFilter(q.parsed("entityType", AuditRoutes::entityType),
          q.longValue("entityId"), q.longValue("actorId"));
      Responses.page(ctx, core.auditTrail().list(Requests.token(ctx), filter, q.page()), Representations::audit);
    });
  }

  private static EntityType entityType(String raw) {
    try {
      return EntityType.valueOf(raw);
    } catch (IllegalArgumentException e) {
      throw ValidationFailed.of("entityType", "must be one of " + ENTITY_TYPES);
    }
  }
}
